import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Grid, Popconfirm, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/index.tsx';
import { ApiFailure, api, ok, type Success } from '../../shared/api.ts';
import { type FieldError, fieldErrorsOf, SchemaForm } from '../../shared/form/index.ts';
import { Query } from '../../shared/states.tsx';

import { atMinute } from '../../shared/time.ts';

type Register = Success<'/api/registers', 'get'>['items'][number];
type Entry = Success<'/api/registers/{register}/entries', 'get'>['items'][number];
export type RegisterForm = Success<'/api/registers/{register}/form', 'get'>;

/**
 * One entry: its form (editable by those who keep the register, unless masked or retired), its
 * history newest first with who wrote each revision and why, and retiring it. Without `entryKey`,
 * a new entry.
 */
export function EntryDrawer({
  register,
  form,
  entryKey,
  onClose,
}: {
  register: Register;
  form: RegisterForm;
  entryKey?: string;
  onClose(): void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const unit = register.unitPath;
  const phone = !Grid.useBreakpoint().md;
  const [serverErrors, setServerErrors] = useState<FieldError[]>([]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const entry = useQuery({
    queryKey: ['/api/registers/{register}/entries/{key}', register.id, unit, entryKey],
    enabled: entryKey !== undefined,
    queryFn: () =>
      ok(
        api.GET('/api/registers/{register}/entries/{key}', {
          params: { path: { register: register.id, key: entryKey as string }, query: { unit } },
        }),
      ),
  });

  async function save(write: () => Promise<Entry>, done: string) {
    setBusy(true);
    setServerErrors([]);
    setError(undefined);
    try {
      await write();
      message.success(done);
      await queryClient.invalidateQueries({ queryKey: ['/api/registers/{register}/entries', register.id, unit] });
      onClose();
    } catch (e) {
      if (e instanceof ApiFailure) setServerErrors(fieldErrorsOf(e.details));
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }
  const path = { register: register.id };
  const add = (data: Record<string, unknown>) =>
    save(() => ok(api.POST('/api/registers/{register}/entries', { params: { path }, body: { unit, data } })), t('registers.saved'));

  const body = (current?: Entry, history: readonly Entry[] = []) => {
    const editable = register.writable && !register.masked && !current?.retired;
    const update = (data: Record<string, unknown>) =>
      save(
        () =>
          ok(
            api.PUT('/api/registers/{register}/entries/{key}', {
              params: { path: { ...path, key: current?.key as string } },
              body: { unit, data, revision: current?.revision as number },
            }),
          ),
        t('registers.saved'),
      );
    const retire = () =>
      save(
        () =>
          ok(
            api.POST('/api/registers/{register}/entries/{key}/retire', {
              params: { path: { ...path, key: current?.key as string } },
              body: { unit, revision: current?.revision as number },
            }),
          ),
        t('registers.retiredDone'),
      );
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        {error ? <Alert type="error" showIcon message={error} data-testid="submit-error" /> : null}
        {current?.retired ? <Alert type="warning" showIcon message={t('registers.retiredNote')} /> : null}
        <SchemaForm
          schema={form.schema}
          uiSchema={form.uiSchema ?? {}}
          values={(current?.data ?? {}) as Record<string, unknown>}
          // The key is the entry's name in the register: a correction keeps it.
          rules={current ? [{ field: form.keyField, access: 'readonly' }] : []}
          readOnly={!editable && current !== undefined}
          serverErrors={serverErrors}
          onSubmit={current ? update : add}
          busy={busy}
          submitLabel={t(current ? 'registers.save' : 'registers.add')}
        >
          {current && editable ? (
            <Popconfirm title={t('registers.retireConfirm')} onConfirm={retire}>
              <Button danger data-testid="register-retire">
                {t('registers.retire')}
              </Button>
            </Popconfirm>
          ) : null}
        </SchemaForm>
        {history.length > 0 ? (
          <>
            <Typography.Title level={5}>{t('registers.history')}</Typography.Title>
            <Timeline
              data-testid="register-history"
              items={history.map((h) => ({
                key: h.revision,
                children: (
                  <Space direction="vertical" size={0}>
                    <Typography.Text>
                      {t('registers.revision', { revision: h.revision })} · {atMinute(h.at)} ·{' '}
                      <span translate="no">{h.byName ?? t('registers.byProcedure')}</span>
                      {h.retired ? <Tag style={{ marginInlineStart: 6 }}>{t('registers.retired')}</Tag> : null}
                    </Typography.Text>
                    {h.note ? (
                      <Typography.Text type="secondary" translate="no">
                        {h.note}
                      </Typography.Text>
                    ) : null}
                  </Space>
                ),
              }))}
            />
          </>
        ) : null}
      </Space>
    );
  };

  return (
    <Drawer
      open
      width={phone ? '100%' : 560}
      onClose={onClose}
      title={entryKey === undefined ? t('registers.add') : <span translate="no">{entryKey}</span>}
      data-testid="register-entry"
    >
      {entryKey === undefined ? body() : <Query query={entry}>{(e) => body(e.entry, e.history)}</Query>}
    </Drawer>
  );
}
