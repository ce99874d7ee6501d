import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Input, Modal, Select, Space, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useT } from '../../i18n/index.tsx';
import { api, ok } from '../../shared/api.ts';
import { saveFile } from '../../shared/download.ts';
import { Query } from '../../shared/states.tsx';
import { deploy, dryRun, MAX_NOTE, refusalProblems } from './deploy.ts';
import { bpmnFileName } from './files.ts';
import { createModeler, type Modeler } from './modeler.ts';
import { newDiagram } from './newDiagram.ts';
import { type OpenedFile, OpenFileButton } from './OpenFileButton.tsx';
import { ProblemList } from './ProblemList.tsx';
import { type DeployProblem, markProblems } from './problems.ts';
import { useDeployUnits } from './units.ts';
import { usePanelCatalog } from './usePanelCatalog.ts';

/** `/design/new` (empty, or the file chosen on the list), `/design/:definitionId` (a deployed version, to change and deploy again). */
export function DesignEditor() {
  const t = useT();
  const { definitionId } = useParams();
  const location = useLocation();
  const opened = (location.state as { file?: OpenedFile } | null)?.file;
  const source = useQuery({
    queryKey: ['design-source', definitionId ?? 'new', location.key],
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    queryFn: async (): Promise<{ file: OpenedFile; unit?: string }> => {
      if (!definitionId) return { file: opened ?? { xml: newDiagram(t('design.untitled')), name: undefined } };
      const path = { path: { id: definitionId } };
      const [definition, xml] = await Promise.all([
        ok(api.GET('/api/process-definitions/{id}', { params: path })),
        ok(api.GET('/api/process-definitions/{id}/xml', { params: path, parseAs: 'text' })),
      ]);
      // A deployed version is changed for the unit it runs at.
      return { file: { xml: xml as string, name: undefined }, unit: definition.unitPath };
    },
  });
  return <Query query={source}>{({ file, unit }) => <Editor initial={file} initialUnit={unit} />}</Query>;
}

interface ProcessInfo {
  readonly id: string;
}

function processOf(modeler: Modeler): ProcessInfo {
  const root = modeler.get<{ getRootElement(): { businessObject: { id: string } } }>('canvas').getRootElement();
  return { id: root.businessObject.id };
}

/** How much of the canvas a fitted diagram fills, leaving room beside the palette. */
const FIT_MARGIN = 0.85;

/** What the last check found: nothing asked yet, the problems, or a clean bill. */
type Checked = { problems: readonly DeployProblem[] } | undefined;

function Editor({ initial, initialUnit }: { initial: OpenedFile; initialUnit: string | undefined }) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const canvasHost = useRef<HTMLDivElement>(null);
  const panelHost = useRef<HTMLDivElement>(null);
  const modeler = useRef<Modeler | undefined>(undefined);
  const unmark = useRef<(() => void) | undefined>(undefined);
  const [file, setFile] = useState<OpenedFile>(initial);
  const [failed, setFailed] = useState<string>();
  const [checked, setChecked] = useState<Checked>();
  const [busy, setBusy] = useState<'check' | 'deploy'>();
  const [deploying, setDeploying] = useState(false);
  const units = useDeployUnits();
  const [unit, setUnit] = useState<string | undefined>(initialUnit);
  const chosenUnit = unit ?? units.options[0]?.value;
  // The panel draws again once the people and forms arrive; not mid-import, when it has no root element to draw.
  const imported = useRef(false);
  const refresh = useCallback(() => {
    if (imported.current) modeler.current?.get<{ fire(event: string): void }>('eventBus').fire('propertiesPanel.providersChanged');
  }, []);
  const catalog = usePanelCatalog(chosenUnit, refresh);

  useEffect(() => {
    if (!canvasHost.current || !panelHost.current) return;
    const m = createModeler(canvasHost.current, panelHost.current, catalog);
    modeler.current = m;
    return () => {
      modeler.current = undefined;
      m.destroy();
    };
  }, [catalog]);

  useEffect(() => {
    const m = modeler.current;
    if (!m) return;
    setFailed(undefined);
    setChecked(undefined);
    unmark.current = undefined;
    imported.current = false;
    // A modeler replaced meanwhile (React runs effects twice in development) has nothing to say.
    m.importXML(file.xml).then(
      () => {
        if (modeler.current !== m) return;
        imported.current = true;
        const canvas = m.get<{ zoom(level?: string | number, center?: string): number }>('canvas');
        // Fitted, then eased back a little, so the palette does not cover the first steps.
        canvas.zoom('fit-viewport', 'auto');
        canvas.zoom(Math.min(canvas.zoom() * FIT_MARGIN, 1), 'auto');
      },
      (e: unknown) => modeler.current === m && setFailed(e instanceof Error ? e.message : String(e)),
    );
  }, [file]);

  const show = (problems: readonly DeployProblem[]) => {
    unmark.current?.();
    unmark.current = modeler.current ? markProblems(modeler.current, problems) : undefined;
    setChecked({ problems });
  };

  const currentXml = async () => (await (modeler.current as Modeler).saveXML({ format: true })).xml as string;

  async function save() {
    const m = modeler.current;
    if (!m) return;
    saveFile(new Blob([await currentXml()], { type: 'application/xml' }), file.name ?? bpmnFileName(processOf(m).id));
  }

  async function check(): Promise<boolean> {
    if (!chosenUnit) return false;
    setBusy('check');
    try {
      const problems = await dryRun(await currentXml(), chosenUnit);
      show(problems);
      return problems.length === 0;
    } catch (e) {
      message.error(e instanceof Error ? e.message : t('app.error'));
      return false;
    } finally {
      setBusy(undefined);
    }
  }

  async function deployNow(note: string) {
    if (!chosenUnit) return;
    setDeploying(false);
    if (!(await check())) return;
    setBusy('deploy');
    try {
      const deployed = await deploy(await currentXml(), chosenUnit, note);
      message.success(t('design.deployed', { name: deployed.name ?? deployed.key, version: deployed.version }));
      navigate(`/design/${deployed.id}`, { replace: true });
    } catch (e) {
      const problems = refusalProblems(e);
      if (problems) show(problems);
      else message.error(e instanceof Error ? e.message : t('app.error'));
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <Card
      title={
        <Space>
          <Link to="/design">{t('design.title')}</Link>
          <Typography.Text type="secondary" translate="no">
            {file.name}
          </Typography.Text>
        </Space>
      }
      extra={
        <Space wrap>
          <OpenFileButton label={t('design.openFile')} testId="design-file" onOpen={setFile} />
          <Button onClick={save} data-testid="design-save">
            {t('design.save')}
          </Button>
          <Select
            aria-label={t('design.unit')}
            style={{ minWidth: 160 }}
            value={chosenUnit}
            onChange={setUnit}
            options={units.options}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="design-unit"
          />
          <Button onClick={check} loading={busy === 'check'} disabled={!chosenUnit}>
            {t('design.check')}
          </Button>
          <Button type="primary" onClick={() => setDeploying(true)} loading={busy === 'deploy'} disabled={!chosenUnit}>
            {t('design.deploy')}
          </Button>
        </Space>
      }
    >
      {failed ? (
        <Typography.Paragraph type="danger" role="alert">
          {t('design.importFailed', { reason: failed })}
        </Typography.Paragraph>
      ) : null}
      <div className="sz-design">
        <div ref={canvasHost} className="sz-design-canvas" data-testid="design-canvas" translate="no" />
        <div ref={panelHost} className="sz-design-panel" data-testid="design-panel" />
      </div>
      {checked ? <ProblemList problems={checked.problems} modeler={modeler.current} /> : null}
      <DeployDialog open={deploying} onCancel={() => setDeploying(false)} onDeploy={deployNow} unitName={units.nameOf(chosenUnit)} />
    </Card>
  );
}

/** 部署: where it goes and a note of what changed in this version (shown in the version list). */
function DeployDialog({
  open,
  onCancel,
  onDeploy,
  unitName,
}: {
  open: boolean;
  onCancel(): void;
  onDeploy(note: string): void;
  unitName: string;
}) {
  const t = useT();
  const [note, setNote] = useState('');
  return (
    <Modal
      open={open}
      title={t('design.deployTitle')}
      okText={t('design.deploy')}
      onOk={() => onDeploy(note)}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('design.deployAt', { unit: unitName })}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('design.deployChecks')}</Typography.Paragraph>
      <label htmlFor="design-note">{t('design.note')}</label>
      <Input.TextArea
        id="design-note"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={MAX_NOTE}
        showCount
        autoSize={{ minRows: 2, maxRows: 6 }}
        placeholder={t('design.notePlaceholder')}
        style={{ marginBottom: 16 }}
      />
    </Modal>
  );
}
