import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Modal, Row, Space, Tag } from 'antd';
import { lazy, Suspense, useMemo, useRef, useState } from 'react';
import { useBlocker, useLocation, useNavigate, useParams } from 'react-router';
import { useI18n } from '../../i18n/index.tsx';
import { api, ok, type Success } from '../../shared/api.ts';
import { useSession } from '../../shared/session.tsx';
import { Loading, Query } from '../../shared/states.tsx';
import { Board } from './Board.tsx';
import { containerAt, findField, freeName, insertField, moveBy, placeOf, removeField, updateField } from './edits.ts';
import { FieldProperties } from './FieldProperties.tsx';
import { FormMeta } from './FormMeta.tsx';
import { KIND_LABEL } from './kinds.ts';
import {
  emptyForm,
  englishTitle,
  type FormModel,
  fromDefinition,
  newField,
  type PaletteKind,
  toDefinition,
  withEnglishTitle,
} from './model.ts';
import type { OpenedForm } from './openFile.ts';
import { fieldProblems, unsupportedFields } from './problems.ts';
import { placeProblems } from './refusal.ts';

/** The renderer (rjsf, Ajv) comes after the palette and the canvas: the designer can start before it is there. */
const Preview = lazy(async () => ({ default: (await import('./Preview.tsx')).Preview }));

/** Who publishes forms (the server's `definition:deploy`, as the nav shows this screen). */
const PUBLISHERS = ['designer', 'town-admin', 'village-admin'];

/** The key the server takes (packages/forms' envelope). */
const FORM_KEY = /^[A-Za-z][A-Za-z0-9._-]{0,99}$/;

interface Start {
  readonly model: FormModel;
  readonly key: string;
  readonly title: string;
  readonly unit?: string;
  readonly version?: number;
}

type FormDetail = Success<'/api/forms/{id}', 'get'>;

function startFrom(form: FormDetail | OpenedForm | undefined): Start {
  if (!form) return { model: emptyForm(), key: '', title: '' };
  const model = fromDefinition(form.schema, form.uiSchema ?? {});
  const stored = 'version' in form ? { unit: form.unitPath, version: form.version } : {};
  return { model, key: form.key ?? '', title: form.title ?? '', ...stored };
}

function Builder({ start }: { start: Start }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { me } = useSession();
  const units = [...new Set((me?.grants ?? []).filter((g) => PUBLISHERS.includes(g.role)).map((g) => g.unitPath))];
  const [model, setModel] = useState(start.model);
  const [key, setKey] = useState(start.key);
  const [title, setTitle] = useState(start.title);
  const [unit, setUnit] = useState(start.unit && units.includes(start.unit) ? start.unit : units[0]);
  const [selected, setSelected] = useState<string>();
  const [tried, setTried] = useState(false);

  const definition = useMemo(() => toDefinition(model), [model]);
  const problems = useMemo(() => fieldProblems(model), [model]);
  const kept = unsupportedFields(model);
  const keyProblem = FORM_KEY.test(key) ? undefined : t('forms.keyInvalid');
  const titleProblem = title.trim() ? undefined : t('forms.titleNeeded');

  // Unpublished work is not lost by a click elsewhere in the app; publishing leaves freely.
  const published = useRef(false);
  const pristine = useMemo(() => JSON.stringify([toDefinition(start.model), start.key, start.title]), [start]);
  const dirty = JSON.stringify([definition, key, title]) !== pristine;
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && !published.current && currentLocation.pathname !== nextLocation.pathname,
  );

  const publish = useMutation({
    mutationFn: () => ok(api.POST('/api/forms', { body: { unit: unit ?? '', form: { key, title: title.trim(), ...definition } } })),
    onSuccess: async (created) => {
      published.current = true;
      message.success(t('forms.published', { key: created.key, version: created.version }));
      await queryClient.invalidateQueries({ queryKey: ['/api/forms'] });
      navigate(`/forms/${created.id}`, { replace: true });
    },
  });
  const refused = publish.error ? placeProblems(model, publish.error) : undefined;
  const blocking = problems.size + (keyProblem ? 1 : 0) + (titleProblem ? 1 : 0);

  const change = (next: FormModel) => {
    setModel(next);
    publish.reset();
  };
  const make = (kind: PaletteKind, name: string) => newField(kind, name, t(KIND_LABEL[kind]));
  /** Into the selected section or group, else after the selected field, else last. */
  const add = (kind: PaletteKind) => {
    const target = selected ? findField(model.root, selected) : undefined;
    const where = target?.inner ? { place: target.id, index: undefined } : selected ? placeOf(model, selected) : undefined;
    const place = where?.place ?? 'root';
    const field = make(kind, freeName(containerAt(model, place)));
    change(insertField(model, field, place, where?.index === undefined ? undefined : where.index + 1));
    setSelected(field.id);
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Modal
        open={blocker.state === 'blocked'}
        title={t('forms.leave.title')}
        okText={t('forms.leave.ok')}
        cancelText={t('forms.leave.stay')}
        onOk={() => blocker.proceed?.()}
        onCancel={() => blocker.reset?.()}
      >
        {t('forms.leave.body')}
      </Modal>
      <Card
        size="small"
        title={
          <Space>
            <span translate="no">{title || t('forms.builder.new')}</span>
            {start.version ? <Tag>{t('forms.builder.version', { version: start.version })}</Tag> : null}
          </Space>
        }
        extra={
          <Button
            type="primary"
            loading={publish.isPending}
            disabled={units.length === 0}
            data-testid="publish"
            onClick={() => {
              setTried(true);
              if (blocking === 0) publish.mutate();
            }}
          >
            {t('forms.publish')}
          </Button>
        }
      >
        <FormMeta
          value={{ key, title, titleEn: englishTitle(model), unit }}
          units={units}
          problems={tried ? { key: keyProblem, title: titleProblem } : {}}
          onChange={(next) => {
            if (next.key !== undefined) setKey(next.key);
            if (next.title !== undefined) setTitle(next.title);
            if (next.titleEn !== undefined) change(withEnglishTitle(model, next.titleEn));
            if (next.unit !== undefined) setUnit(next.unit);
          }}
        />
        {units.length === 0 ? <Alert type="warning" showIcon message={t('forms.cannotPublish')} data-testid="cannot-publish" /> : null}
        {tried && blocking > 0 ? (
          <Alert type="warning" showIcon message={t('forms.fixFirst', { count: blocking })} data-testid="fix-first" />
        ) : null}
        {publish.error ? (
          <Alert
            type="error"
            showIcon
            data-testid="publish-refused"
            message={t('forms.refused', { message: publish.error.message })}
            description={refused?.other.join('；') || undefined}
          />
        ) : null}
        {kept.length > 0 ? (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 8 }}
            data-testid="kept-fields"
            message={t('forms.unsupported', { count: kept.length, names: kept.map((f) => f.name).join('、') })}
          />
        ) : null}
      </Card>
      <Row gutter={12}>
        <Board
          model={model}
          onChange={(next, added) => {
            change(next);
            if (added) setSelected(added.id);
          }}
          onAdd={add}
          make={make}
          selected={selected}
          problems={tried ? problems : new Map()}
          serverProblems={refused?.byField ?? new Map()}
          onSelect={setSelected}
          onMove={(id, delta) => change(moveBy(model, id, delta))}
          onRemove={(id) => change(removeField(model, id))}
          properties={(field) => <FieldProperties field={field} onChange={(patch) => change(updateField(model, field.id, patch))} />}
        />
        <Col xs={24} lg={10}>
          <Suspense fallback={<Loading />}>
            <Preview definition={definition} title={title} />
          </Suspense>
        </Col>
      </Row>
    </Space>
  );
}

/** 表单设计器: a new form, one opened from a file, or a published version to change into the next. */
export function FormBuilder() {
  const { id } = useParams();
  const location = useLocation();
  const detail = useQuery({
    queryKey: ['/api/forms', id],
    enabled: id !== undefined,
    queryFn: () => ok(api.GET('/api/forms/{id}', { params: { path: { id: id ?? '' } } })),
  });
  if (id !== undefined) return <Query query={detail}>{(form) => <Builder key={form.id} start={startFrom(form)} />}</Query>;
  const opened = (location.state as { opened?: OpenedForm } | null)?.opened;
  return <Builder key={location.key} start={startFrom(opened)} />;
}
