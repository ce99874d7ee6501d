import { useQuery } from '@tanstack/react-query';
import { Alert, App, Card, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useT } from '../../i18n/index.tsx';
import { ApiFailure, api, ok } from '../../shared/api.ts';
import { type FieldError, fieldErrorsOf, SchemaForm } from '../../shared/form/index.ts';
import { useUnitNames } from '../../shared/names.ts';
import { useSession } from '../../shared/session.tsx';
import { Failed, Loading, Query } from '../../shared/states.tsx';

const EMPTY_FORM = { type: 'object', properties: {} } as const;

/** The units where I may start a procedure deployed at `deployedAt`: mine at or below it. */
function startUnits(grants: readonly { unitPath: string }[], deployedAt: string): string[] {
  return [...new Set(grants.map((g) => g.unitPath).filter((p) => p.startsWith(deployedAt) || deployedAt.startsWith(p)))].map((p) =>
    p.startsWith(deployedAt) ? p : deployedAt,
  );
}

/** Start a procedure: its start form, the unit it is for, then straight on to the first task when it is mine. */
export function StartForm() {
  const t = useT();
  const { definitionId = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { me } = useSession();
  const unitName = useUnitNames();
  const [unit, setUnit] = useState<string>();
  const [businessKey, setBusinessKey] = useState('');
  const [serverErrors, setServerErrors] = useState<FieldError[]>([]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const definition = useQuery({
    queryKey: ['/api/process-definitions/{id}', definitionId],
    queryFn: () => ok(api.GET('/api/process-definitions/{id}', { params: { path: { id: definitionId } } })),
  });
  const startForm = useQuery({
    queryKey: ['/api/process-definitions/{id}/start-form', definitionId],
    queryFn: async () => {
      try {
        return await ok(api.GET('/api/process-definitions/{id}/start-form', { params: { path: { id: definitionId } } }));
      } catch (e) {
        // A procedure without a start form starts with no questions.
        if (e instanceof ApiFailure && e.status === 404) return null;
        throw e;
      }
    },
  });

  return (
    <Query query={definition}>
      {(d) => {
        const units = startUnits(me?.grants ?? [], d.unitPath);
        const orgUnit = unit ?? units[0];
        async function start(values: Record<string, unknown>) {
          if (!orgUnit) return;
          setBusy(true);
          setServerErrors([]);
          setError(undefined);
          try {
            const instance = await ok(
              api.POST('/api/process-instances', {
                body: {
                  definitionKey: d.key,
                  orgUnit,
                  variables: values,
                  ...(businessKey.trim() ? { businessKey: businessKey.trim() } : {}),
                },
              }),
            );
            message.success(t('start.started'));
            const first = instance.tasks[0];
            navigate(first ? `/tasks/${first.id}` : `/instances/${instance.id}`);
          } catch (e) {
            if (e instanceof ApiFailure) setServerErrors(fieldErrorsOf(e.details));
            setError(e instanceof Error ? e.message : String(e));
          } finally {
            setBusy(false);
          }
        }
        return (
          <Card title={<span translate="no">{d.name ?? d.key}</span>}>
            {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="submit-error" /> : null}
            {units.length === 0 ? <Alert type="warning" message={t('start.noUnit')} /> : null}
            <Space direction="vertical" style={{ width: '100%' }}>
              <Form layout="vertical">
                <Form.Item label={t('start.unit')}>
                  <Select
                    value={orgUnit}
                    onChange={setUnit}
                    options={units.map((p) => ({ value: p, label: <span translate="no">{unitName(p)}</span> }))}
                    data-testid="start-unit"
                  />
                </Form.Item>
                <Form.Item label={t('start.businessKey')} extra={t('start.businessKeyHint')}>
                  <Input value={businessKey} onChange={(e) => setBusinessKey(e.target.value)} maxLength={200} />
                </Form.Item>
              </Form>
              {startForm.isPending ? (
                <Loading />
              ) : startForm.error ? (
                <Failed error={startForm.error} />
              ) : (
                <SchemaForm
                  schema={startForm.data?.schema ?? EMPTY_FORM}
                  uiSchema={startForm.data?.uiSchema ?? {}}
                  values={startForm.data?.values ?? {}}
                  rules={startForm.data?.rules ?? []}
                  serverErrors={serverErrors}
                  onSubmit={start}
                  busy={busy}
                  submitLabel={t('start.submit')}
                />
              )}
            </Space>
          </Card>
        );
      }}
    </Query>
  );
}
