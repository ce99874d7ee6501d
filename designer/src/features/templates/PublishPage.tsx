import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Card, Descriptions, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { zhCN } from '../../i18n/zh-CN.ts';
import { ApiFailure, api, ok } from '../../shared/api.ts';
import { type FieldError, SchemaForm } from '../../shared/form/index.ts';
import { useUnitNames } from '../../shared/names.ts';
import { Query } from '../../shared/states.tsx';
import { type Bound, type BoundRow, boundRows, boundsToPublish, defaultsToPublish, pastTemplate } from './bounds.ts';
import { usePublicationsMadeAt } from './publications.ts';

type Schema = Record<string, unknown>;
type Problem = { path: string; message: string };

/** An option as staff read it: a role by its name (审批人), anything else as the template wrote it. */
function useOptionLabel() {
  const { t } = useI18n();
  return (value: unknown) => {
    const role = String(value)
      .replace(/^role:/, '')
      .replace(/@.*$/, '');
    return `role.${role}` in zhCN ? t(`role.${role}` as MessageKey) : String(value);
  };
}

/**
 * A town publishes a template version to its villages: which version, how far each parameter
 * may go (never past the template's own limits), the town's defaults and a note. Starts from
 * what the town published last, so a new version keeps the town's settings unless changed.
 */
export function PublishPage() {
  const { t, language } = useI18n();
  const { templateId = '' } = useParams();
  const [search] = useSearchParams();
  const unit = search.get('unit') ?? '';
  const unitName = useUnitNames();
  const templates = useQuery({ queryKey: ['/api/templates'], queryFn: () => ok(api.GET('/api/templates')) });
  const published = usePublicationsMadeAt([unit]);
  return (
    <Query query={templates}>
      {({ items }) => {
        const template = items.find((x) => x.id === templateId);
        if (!template || !published.data) return null;
        const last = published.data.find((p) => p.templateId === templateId);
        return (
          <Card
            title={
              <Space wrap>
                {t('templates.publishTitle')}
                <span translate="no">{unitName(unit)}</span>
                <Typography.Text type="secondary" translate="no">
                  {template.name[language]}
                </Typography.Text>
              </Space>
            }
          >
            {last ? (
              <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
                <Descriptions.Item label={t('templates.publishedNow')}>
                  <Tag>{`v${last.version}`}</Tag>
                </Descriptions.Item>
              </Descriptions>
            ) : null}
            <PublishForm
              templateId={templateId}
              versions={template.versions}
              unit={unit}
              start={{ bounds: (last?.bounds ?? {}) as Record<string, Bound>, defaults: last?.defaults ?? {} }}
            />
          </Card>
        );
      }}
    </Query>
  );
}

function PublishForm({
  templateId,
  versions,
  unit,
  start,
}: {
  templateId: string;
  versions: readonly string[];
  unit: string;
  start: { bounds: Record<string, Bound>; defaults: Record<string, unknown> };
}) {
  const t = useI18n().t;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [version, setVersion] = useState(versions.at(-1) ?? '');
  const [entered, setEntered] = useState(start.bounds);
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const detail = useQuery({
    queryKey: ['/api/templates/{id}/versions/{version}', templateId, version],
    queryFn: () => ok(api.GET('/api/templates/{id}/versions/{version}', { params: { path: { id: templateId, version } } })),
  });
  async function publish(properties: Readonly<Record<string, Schema>>, rows: readonly BoundRow[], defaults: Record<string, unknown>) {
    setBusy(true);
    setProblems([]);
    setError(undefined);
    try {
      await ok(
        api.POST('/api/templates/{id}/versions/{version}/publications', {
          params: { path: { id: templateId, version } },
          body: {
            unit,
            bounds: boundsToPublish(rows, entered),
            defaults: defaultsToPublish(properties, defaults),
            ...(note.trim() ? { note: note.trim() } : {}),
          },
        }),
      );
      await queryClient.invalidateQueries({ queryKey: ['/api/template-publications'] });
      message.success(t('templates.published'));
      navigate('/templates');
    } catch (e) {
      if (e instanceof ApiFailure) setProblems((e.details as { problems?: Problem[] } | undefined)?.problems ?? []);
      setError(e instanceof Error ? e.message : t('app.error'));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <label htmlFor="publish-version">{t('templates.publishVersion')}</label>
        <Select
          id="publish-version"
          data-testid="publish-version"
          value={version}
          onChange={setVersion}
          options={versions.map((v) => ({ value: v, label: `v${v}` }))}
          style={{ width: 120 }}
        />
      </Space>
      {error ? <Alert type="error" showIcon message={error} data-testid="publish-error" /> : null}
      <Query query={detail}>
        {(d) => {
          const properties = ((d.parameters.schema as Schema).properties ?? {}) as Record<string, Schema>;
          const rows = boundRows(properties);
          const defaultErrors: FieldError[] = problems
            .filter((p) => p.path.startsWith('defaults/'))
            .map((p) => ({ field: `/${p.path.slice('defaults/'.length)}`, message: p.message }));
          return (
            <>
              <Typography.Title level={5}>{t('templates.boundsTitle')}</Typography.Title>
              <BoundsTable
                rows={rows}
                entered={entered}
                onChange={setEntered}
                problems={problems.filter((p) => p.path.startsWith('bounds/'))}
              />
              <Typography.Title level={5}>{t('templates.defaultsTitle')}</Typography.Title>
              <Input.TextArea
                aria-label={t('templates.publishNote')}
                placeholder={t('templates.publishNote')}
                value={note}
                onChange={(e) => setNote(e.target.value)}
                maxLength={500}
                autoSize
                style={{ marginBottom: 12 }}
              />
              <SchemaForm
                key={version}
                schema={d.parameters.schema as Schema}
                uiSchema={(d.parameters.uiSchema ?? {}) as Schema}
                values={{ ...start.defaults }}
                serverErrors={defaultErrors}
                onSubmit={(defaults) => publish(properties, rows, defaults)}
                busy={busy}
                submitLabel={t('templates.publish')}
              />
            </>
          );
        }}
      </Query>
    </Space>
  );
}

/** One row per parameter a town can narrow: the template's limits beside the town's. */
function BoundsTable({
  rows,
  entered,
  onChange,
  problems,
}: {
  rows: readonly BoundRow[];
  entered: Readonly<Record<string, Bound>>;
  onChange(next: Record<string, Bound>): void;
  problems: readonly Problem[];
}) {
  const t = useI18n().t;
  const label = useOptionLabel();
  const set = (name: string, patch: Bound) => onChange({ ...entered, [name]: { ...entered[name], ...patch } });
  const limits = (row: BoundRow) => {
    if (row.kind === 'range') return `${row.minimum ?? '−∞'} ~ ${row.maximum ?? '∞'}`;
    if (row.kind === 'choices') return row.options.map(label).join('、');
    if (row.kind === 'count') return t('templates.boundCount', { min: row.minItems ?? 0, max: row.maxItems ?? '∞' });
    return t('templates.boundLength', { max: row.maxLength ?? '∞' });
  };
  const number = (row: BoundRow, keyword: 'minimum' | 'maximum' | 'minItems' | 'maxItems' | 'maxLength', text: MessageKey) => (
    <InputNumber
      aria-label={`${row.title} ${t(text)}`}
      placeholder={t(text)}
      value={entered[row.name]?.[keyword] ?? null}
      onChange={(value) => set(row.name, { [keyword]: value ?? undefined })}
    />
  );
  const control = (row: BoundRow) => {
    if (row.kind === 'range')
      return <Space>{[number(row, 'minimum', 'templates.boundMin'), '~', number(row, 'maximum', 'templates.boundMax')]}</Space>;
    if (row.kind === 'length') return number(row, 'maxLength', 'templates.boundMaxLength');
    const choices =
      row.kind === 'choices' ? (
        <Select
          mode="multiple"
          aria-label={`${row.title} ${t('templates.boundOptions')}`}
          style={{ minWidth: 220 }}
          value={(entered[row.name]?.enum ?? row.options).map(String)}
          onChange={(values: string[]) => set(row.name, { enum: row.options.filter((o) => values.includes(String(o))) })}
          options={row.options.map((o) => ({ value: String(o), label: label(o) }))}
        />
      ) : null;
    if (row.kind === 'choices' && !row.many) return choices;
    return (
      <Space wrap>
        {choices}
        {number(row, 'minItems', 'templates.boundMinItems')}
        {number(row, 'maxItems', 'templates.boundMaxItems')}
      </Space>
    );
  };
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="name"
      dataSource={[...rows]}
      data-testid="bounds"
      columns={[
        { title: t('templates.parameter'), dataIndex: 'title', render: (title: string) => <span translate="no">{title}</span> },
        { title: t('templates.templateAllows'), render: (_: unknown, row: BoundRow) => <span translate="no">{limits(row)}</span> },
        {
          title: t('templates.townAllows'),
          render: (_: unknown, row: BoundRow) => (
            <Space direction="vertical" size={2}>
              {/* The controls are named after the parameter, in the template's own words. */}
              <div translate="no">{control(row)}</div>
              {pastTemplate(row, entered[row.name]).length > 0 ? (
                <Typography.Text type="warning" data-testid="bound-past">
                  {t('templates.boundPast')}
                </Typography.Text>
              ) : null}
              {problems
                .filter((p) => p.path === `bounds/${row.name}` || p.path.startsWith(`bounds/${row.name}/`))
                .map((p) => (
                  <Typography.Text key={p.path} type="danger" data-testid="bound-problem">
                    {p.message}
                  </Typography.Text>
                ))}
            </Space>
          ),
        },
      ]}
    />
  );
}
