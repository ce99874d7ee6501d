import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Card, Col, Descriptions, Row, Space, Tabs, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useT } from '../../i18n/index.tsx';
import { ApiFailure, api, ok, uploadAttachment } from '../../shared/api.ts';
import { DueTag } from '../../shared/due.tsx';
import { type FieldError, fieldErrorsOf, SchemaForm } from '../../shared/form/index.ts';
import { useUnitNames } from '../../shared/names.ts';
import { usePeople } from '../../shared/people.ts';
import { Failed, Loading, Query } from '../../shared/states.tsx';
import { Timeline } from '../../shared/Timeline.tsx';
import { Attachments, Comments } from './Discussion.tsx';
import { TaskActions } from './TaskActions.tsx';

const DiagramViewer = lazy(() => import('../../shared/diagram/DiagramViewer.tsx'));

function Diagram({ instanceId }: { instanceId: string }) {
  const instance = useQuery({
    queryKey: ['/api/process-instances/{id}', instanceId],
    queryFn: () => ok(api.GET('/api/process-instances/{id}', { params: { path: { id: instanceId } } })),
  });
  const definitionId = instance.data?.instance.definitionId;
  const xml = useQuery({
    queryKey: ['/api/process-definitions/{id}/xml', definitionId],
    queryFn: () => ok(api.GET('/api/process-definitions/{id}/xml', { params: { path: { id: definitionId ?? '' } }, parseAs: 'text' })),
    enabled: definitionId !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (instance.error || xml.error) return <Failed error={instance.error ?? xml.error} />;
  if (!instance.data || xml.data === undefined) return <Loading />;
  return (
    <Suspense fallback={<Loading />}>
      <DiagramViewer xml={xml.data as string} active={instance.data.activeElementIds} />
    </Suspense>
  );
}

/** 待办详情: one component tree for every procedure: the step's form, what this person may do, the record around it. */
export function TaskPage() {
  const t = useT();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const { message } = App.useApp();
  const unitName = useUnitNames();
  const people = usePeople();
  const [serverErrors, setServerErrors] = useState<FieldError[]>([]);
  const [submitError, setSubmitError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const task = useQuery({
    queryKey: ['/api/tasks/{id}', id],
    queryFn: () => ok(api.GET('/api/tasks/{id}', { params: { path: { id } } })),
  });
  const form = useQuery({
    queryKey: ['/api/tasks/{id}/form', id],
    queryFn: () => ok(api.GET('/api/tasks/{id}/form', { params: { path: { id } } })),
    enabled: task.data?.formKey !== undefined,
    retry: false,
  });

  const refresh = () => queries.invalidateQueries();

  async function complete(values: Record<string, unknown>) {
    setBusy(true);
    setServerErrors([]);
    setSubmitError(undefined);
    try {
      await ok(api.POST('/api/tasks/{id}/complete', { params: { path: { id } }, body: { variables: values } }));
      message.success(t('task.completed'));
      await refresh();
      navigate('/inbox');
    } catch (e) {
      if (e instanceof ApiFailure) setServerErrors(fieldErrorsOf(e.details));
      setSubmitError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Query query={task}>
      {(task) => {
        const actions = task.actions;
        const open = task.status === 'open';
        const canComplete = open && actions.includes('complete');
        return (
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            <Card
              title={
                <span translate="no" data-testid="task-title">
                  {task.name ?? task.elementId}
                </span>
              }
              extra={
                open ? (
                  <DueTag dueAt={task.dueAt} />
                ) : (
                  <Tag>{t(task.status === 'completed' ? 'task.statusCompleted' : 'task.statusCancelled')}</Tag>
                )
              }
              styles={{ body: { paddingBlock: 8 } }}
            >
              <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
                <Descriptions.Item label={t('task.procedure')}>
                  <span translate="no">{task.processName ?? task.definitionKey}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('task.unit')}>
                  <span translate="no">{unitName(task.unitPath)}</span>
                </Descriptions.Item>
                {task.businessKey ? (
                  <Descriptions.Item label={t('task.businessKey')}>
                    <span translate="no">{task.businessKey}</span>
                  </Descriptions.Item>
                ) : null}
                <Descriptions.Item label={t('task.holder')}>
                  <span translate="no">{task.assignee ? people.name(task.assignee) : t('task.unclaimed')}</span>
                </Descriptions.Item>
              </Descriptions>
              {open ? (
                <div style={{ marginTop: 8 }}>
                  <TaskActions
                    taskId={task.id}
                    actions={actions}
                    onDone={(verb) => (verb === 'claim' || verb === 'unclaim' ? refresh() : refresh().then(() => navigate('/inbox')))}
                  />
                </div>
              ) : null}
            </Card>
            <Row gutter={[12, 12]}>
              <Col xs={24} lg={15}>
                <Card title={form.data?.form.title ? <span translate="no">{form.data.form.title}</span> : t('task.form')}>
                  {submitError ? (
                    <Alert type="error" showIcon message={submitError} style={{ marginBottom: 12 }} data-testid="submit-error" />
                  ) : null}
                  {task.formKey === undefined ? (
                    canComplete ? (
                      <SchemaForm
                        schema={{ type: 'object', properties: {} }}
                        onSubmit={complete}
                        busy={busy}
                        submitLabel={t('action.complete')}
                      />
                    ) : (
                      <Typography.Text type="secondary">{t('task.noForm')}</Typography.Text>
                    )
                  ) : form.isPending ? (
                    <Loading />
                  ) : form.error ? (
                    <Failed error={form.error} />
                  ) : (
                    <SchemaForm
                      schema={form.data.schema}
                      uiSchema={form.data.uiSchema}
                      values={form.data.values}
                      rules={form.data.rules}
                      readOnly={!canComplete}
                      serverErrors={serverErrors}
                      upload={(file) => uploadAttachment(task.id, file).then((a) => ({ id: a.id, name: a.fileName, size: a.size }))}
                      onSubmit={complete}
                      busy={busy}
                      submitLabel={t('action.complete')}
                    />
                  )}
                </Card>
              </Col>
              <Col xs={24} lg={9}>
                <Card>
                  <Tabs
                    items={[
                      { key: 'history', label: t('task.history'), children: <Timeline instanceId={task.instanceId} /> },
                      {
                        key: 'comments',
                        label: t('task.comments'),
                        children: <Comments taskId={task.id} canComment={actions.includes('comment')} />,
                      },
                      {
                        key: 'files',
                        label: t('task.attachments'),
                        children: <Attachments taskId={task.id} canAttach={actions.includes('attach')} />,
                      },
                      { key: 'diagram', label: t('task.diagram'), children: <Diagram instanceId={task.instanceId} /> },
                    ]}
                  />
                </Card>
              </Col>
            </Row>
          </Space>
        );
      }}
    </Query>
  );
}
