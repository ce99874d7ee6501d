import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { api, ok, type Success } from '../../shared/api.ts';
import { NOTICE_KINDS, noticeKindLabel, useUnitNames } from '../../shared/names.ts';
import { Failed } from '../../shared/states.tsx';
import { atMinute } from '../../shared/time.ts';
import { FormDialog } from './FormDialog.tsx';
import { useManaged } from './managers.ts';
import { UnitPicker } from './UnitPicker.tsx';

type Webhook = Success<'/api/webhooks', 'get'>['items'][number];
type DeadLetter = Success<'/api/webhooks/dead-letters', 'get'>['items'][number];

/** A webhook belongs to a town or a district (server/src/routes/webhooks): its villages' notifications go with it. */
const WEBHOOK_UNIT_KINDS = ['town', 'district'];

const isWebhooks = (q: { queryKey: readonly unknown[] }) => String(q.queryKey[0]).startsWith('/api/webhooks');

interface NewWebhookFields {
  unitPath: string;
  url: string;
  kinds?: string[];
}

/** 新增 Webhook: the town's gateway and the kinds it is sent (none chosen: every kind); the secret is shown once after. */
function NewWebhookDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (secret: string) => void }) {
  const { t } = useI18n();
  const managed = useManaged('webhook');
  const queries = useQueryClient();
  return (
    <FormDialog<NewWebhookFields>
      title={t('admin.webhooks.new')}
      okText={t('admin.webhooks.add')}
      testId="new-webhook"
      onClose={onClose}
      byField={{ 'body.unitPath': 'unitPath', 'body.url': 'url', 'body.kinds': 'kinds' }}
      onSubmit={async (v) => {
        const created = await ok(
          api.POST('/api/webhooks', {
            body: { unitPath: v.unitPath, url: v.url.trim(), ...(v.kinds?.length ? { kinds: v.kinds as never } : {}) },
          }),
        );
        onCreated(created.secret);
        await queries.invalidateQueries({ predicate: isWebhooks });
      }}
    >
      <Form.Item name="unitPath" label={t('admin.webhooks.unit')} rules={[{ required: true, message: t('admin.users.unitNeeded') }]}>
        <UnitPicker roots={managed} kinds={WEBHOOK_UNIT_KINDS} testId="webhook-unit" />
      </Form.Item>
      <Form.Item
        name="url"
        label={t('admin.webhooks.url')}
        extra={t('admin.webhooks.urlHelp')}
        rules={[
          { required: true, message: t('admin.webhooks.urlNeeded') },
          { pattern: /^\s*https?:\/\/\S+\s*$/i, message: t('admin.webhooks.urlRule') },
        ]}
      >
        <Input placeholder="https://" />
      </Form.Item>
      <Form.Item name="kinds" label={t('admin.webhooks.kinds')} extra={t('admin.webhooks.kindsHelp')}>
        <Select mode="multiple" allowClear options={NOTICE_KINDS.map((k) => ({ value: k, label: noticeKindLabel(t, k) }))} />
      </Form.Item>
    </FormDialog>
  );
}

function Channels() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const unitName = useUnitNames();
  const [adding, setAdding] = useState(false);
  const [secret, setSecret] = useState<string>();
  const webhooks = useQuery({ queryKey: ['/api/webhooks'], queryFn: () => ok(api.GET('/api/webhooks')) });
  const remove = useMutation({
    mutationFn: (id: string) => ok(api.DELETE('/api/webhooks/{id}', { params: { path: { id } } })),
    onSuccess: async () => {
      message.success(t('admin.webhooks.removed'));
      await queries.invalidateQueries({ predicate: isWebhooks });
    },
    onError: (e) => message.error(e.message),
  });
  return (
    <Card
      size="small"
      title={t('admin.webhooks.title')}
      extra={
        <Button type="primary" onClick={() => setAdding(true)} data-testid="new-webhook-open">
          {t('admin.webhooks.new')}
        </Button>
      }
    >
      {webhooks.error ? (
        <Failed error={webhooks.error} retry={() => webhooks.refetch()} />
      ) : (
        <Table<Webhook>
          rowKey="id"
          size="small"
          loading={webhooks.isPending}
          dataSource={webhooks.data?.items}
          pagination={false}
          scroll={{ x: 720 }}
          data-testid="webhooks"
          columns={[
            { title: t('admin.webhooks.unit'), dataIndex: 'unitPath', render: (p: string) => <span translate="no">{unitName(p)}</span> },
            { title: t('admin.webhooks.url'), dataIndex: 'url', render: (u: string) => <Typography.Text copyable>{u}</Typography.Text> },
            {
              title: t('admin.webhooks.kinds'),
              dataIndex: 'kinds',
              render: (kinds?: string[]) =>
                kinds ? kinds.map((k) => <Tag key={k}>{noticeKindLabel(t, k)}</Tag>) : <Tag>{t('admin.webhooks.allKinds')}</Tag>,
            },
            { title: t('admin.webhooks.secret'), dataIndex: 'secretHint' },
            {
              title: t('admin.users.state'),
              dataIndex: 'enabled',
              render: (on: boolean) => (on ? <Tag color="green">{t('admin.users.enabled')}</Tag> : <Tag>{t('admin.users.disabled')}</Tag>),
            },
            {
              title: t('admin.users.actions'),
              key: 'remove',
              render: (_, w) => (
                <Popconfirm title={t('admin.webhooks.removeConfirm')} onConfirm={() => remove.mutate(w.id)}>
                  <Button type="link" danger size="small">
                    {t('admin.webhooks.remove')}
                  </Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      )}
      {adding ? <NewWebhookDialog onClose={() => setAdding(false)} onCreated={setSecret} /> : null}
      <Modal
        open={secret !== undefined}
        title={t('admin.webhooks.secretTitle')}
        closable={false}
        maskClosable={false}
        onOk={() => setSecret(undefined)}
        okText={t('admin.webhooks.secretKept')}
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        <Alert type="warning" showIcon message={t('admin.webhooks.secretOnce')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph copyable code data-testid="webhook-secret">
          {secret}
        </Typography.Paragraph>
      </Modal>
    </Card>
  );
}

function DeadLetters() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const unitName = useUnitNames();
  const letters = useQuery({ queryKey: ['/api/webhooks/dead-letters'], queryFn: () => ok(api.GET('/api/webhooks/dead-letters')) });
  const replay = useMutation({
    mutationFn: (id: string) => ok(api.POST('/api/webhooks/dead-letters/{id}/replay', { params: { path: { id } } })),
    onSuccess: async () => {
      message.success(t('admin.webhooks.replayed'));
      await queries.invalidateQueries({ queryKey: ['/api/webhooks/dead-letters'] });
    },
    onError: (e) => message.error(e.message),
  });
  return (
    <Card size="small" title={t('admin.webhooks.deadLetters')}>
      {letters.error ? (
        <Failed error={letters.error} retry={() => letters.refetch()} />
      ) : (
        <Table<DeadLetter>
          rowKey="id"
          size="small"
          loading={letters.isPending}
          dataSource={letters.data?.items}
          pagination={false}
          scroll={{ x: 720 }}
          locale={{ emptyText: t('admin.webhooks.noDeadLetters') }}
          data-testid="dead-letters"
          columns={[
            { title: t('admin.webhooks.failedAt'), dataIndex: 'failedAt', render: (at: string) => atMinute(at) },
            { title: t('admin.webhooks.kind'), dataIndex: 'kind', render: (k: string) => <Tag>{noticeKindLabel(t, k)}</Tag> },
            { title: t('admin.webhooks.notice'), dataIndex: 'title', render: (v: string) => <span translate="no">{v}</span> },
            { title: t('admin.webhooks.unit'), dataIndex: 'unitPath', render: (p: string) => <span translate="no">{unitName(p)}</span> },
            { title: t('admin.webhooks.lastError'), dataIndex: 'lastError' },
            {
              title: t('admin.users.actions'),
              key: 'replay',
              render: (_, d) => (
                <Button size="small" loading={replay.isPending && replay.variables === d.id} onClick={() => replay.mutate(d.id)}>
                  {t('admin.webhooks.replay')}
                </Button>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}

/** Webhook: the towns' gateways for notifications and the deliveries that failed every attempt, for town admins. */
export function WebhooksTab() {
  const { t } = useI18n();
  if (useManaged('webhook').length === 0)
    return <Alert type="info" showIcon message={t('admin.onlyTownAdmin')} data-testid="webhooks-forbidden" />;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Channels />
      <DeadLetters />
    </Space>
  );
}
