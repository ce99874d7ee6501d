import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import { type MessageKey, useT } from '../../i18n/index.tsx';
import { api, ok } from '../../shared/api.ts';
import { usePeople } from '../../shared/people.ts';

/** The toolkit verbs that open a dialog; complete is the form's own submit button. */
type Verb = 'return' | 'transfer' | 'delegate' | 'addSigners' | 'urge';
const DIALOG_VERBS: Verb[] = ['return', 'transfer', 'delegate', 'addSigners', 'urge'];
/** Verbs done at once, no questions asked. */
type Instant = 'claim' | 'unclaim' | 'resolve';
const INSTANT_VERBS: Instant[] = ['claim', 'unclaim', 'resolve'];

const LABELS: Record<Verb | Instant, MessageKey> = {
  return: 'action.return',
  transfer: 'action.transfer',
  delegate: 'action.delegate',
  addSigners: 'action.addSigners',
  urge: 'action.urge',
  claim: 'action.claim',
  unclaim: 'action.unclaim',
  resolve: 'action.resolve',
};

interface Values {
  reason?: string;
  to?: string;
  userId?: string;
  userIds?: string[];
  mode?: 'before' | 'after' | 'parallel';
  message?: string;
}

function ReturnTarget({ taskId }: { taskId: string }) {
  const t = useT();
  const targets = useQuery({
    queryKey: ['/api/tasks/{id}/return-targets', taskId],
    queryFn: () => ok(api.GET('/api/tasks/{id}/return-targets', { params: { path: { id: taskId } } })),
  });
  return (
    <Form.Item name="to" label={t('action.returnTo')} extra={t('action.returnToHint')}>
      <Select
        allowClear
        loading={targets.isPending}
        placeholder={t('action.returnToPrevious')}
        options={(targets.data?.items ?? []).map((s) => ({ value: s.elementId, label: s.name ?? s.elementId }))}
        data-testid="return-target"
      />
    </Form.Item>
  );
}

function send(taskId: string, verb: Verb | Instant, v: Values): Promise<unknown> {
  const path = { params: { path: { id: taskId } } };
  switch (verb) {
    case 'return':
      return ok(api.POST('/api/tasks/{id}/return', { ...path, body: { reason: v.reason ?? '', ...(v.to ? { to: v.to } : {}) } }));
    case 'transfer':
      return ok(
        api.POST('/api/tasks/{id}/transfer', { ...path, body: { userId: v.userId ?? '', ...(v.reason ? { reason: v.reason } : {}) } }),
      );
    case 'delegate':
      return ok(api.POST('/api/tasks/{id}/delegate', { ...path, body: { userId: v.userId ?? '' } }));
    case 'addSigners':
      return ok(
        api.POST('/api/tasks/{id}/add-signers', {
          ...path,
          body: { mode: v.mode ?? 'parallel', userIds: v.userIds ?? [], ...(v.reason ? { reason: v.reason } : {}) },
        }),
      );
    case 'urge':
      return ok(api.POST('/api/tasks/{id}/urge', { ...path, body: v.message ? { message: v.message } : {} }));
    case 'claim':
      return ok(api.POST('/api/tasks/{id}/claim', path));
    case 'unclaim':
      return ok(api.POST('/api/tasks/{id}/unclaim', path));
    case 'resolve':
      return ok(api.POST('/api/tasks/{id}/resolve', path));
  }
}

/**
 * The approval toolkit for this task: exactly the verbs the server says this person may use now
 * (task.actions), each with its dialog. Nothing is re-decided here.
 */
export function TaskActions({ taskId, actions, onDone }: { taskId: string; actions: readonly string[]; onDone: (verb: string) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const people = usePeople();
  const [verb, setVerb] = useState<Verb>();
  const [form] = Form.useForm<Values>();
  const act = useMutation({ mutationFn: ({ v, values }: { v: Verb | Instant; values: Values }) => send(taskId, v, values) });

  async function run(v: Verb | Instant, values: Values) {
    try {
      await act.mutateAsync({ v, values });
      message.success(t('action.done', { action: t(LABELS[v]) }));
      setVerb(undefined);
      form.resetFields();
      onDone(v);
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  }

  const person = (name: 'userId' | 'userIds', multiple = false) => (
    <Form.Item
      name={name}
      label={t(multiple ? 'action.people' : 'action.person')}
      rules={[{ required: true, message: t('action.personRequired') }]}
    >
      <Select
        showSearch
        mode={multiple ? 'multiple' : undefined}
        optionFilterProp="label"
        loading={people.loading}
        options={people.options}
        data-testid={`pick-${name}`}
      />
    </Form.Item>
  );
  const reason = (required: boolean) => (
    <Form.Item
      name="reason"
      label={t('action.reason')}
      rules={required ? [{ required: true, whitespace: true, message: t('action.reasonRequired') }] : []}
    >
      <Input.TextArea rows={3} maxLength={2000} showCount data-testid="reason" />
    </Form.Item>
  );

  return (
    <>
      <Space wrap>
        {INSTANT_VERBS.filter((v) => actions.includes(v)).map((v) => (
          <Button key={v} onClick={() => run(v, {})} loading={act.isPending && act.variables?.v === v} data-testid={`action-${v}`}>
            {t(LABELS[v])}
          </Button>
        ))}
        {DIALOG_VERBS.filter((v) => actions.includes(v)).map((v) => (
          <Button key={v} danger={v === 'return'} onClick={() => setVerb(v)} data-testid={`action-${v}`}>
            {t(LABELS[v])}
          </Button>
        ))}
      </Space>
      <Modal
        open={verb !== undefined}
        title={verb ? t(LABELS[verb]) : ''}
        okText={t('app.confirm')}
        cancelText={t('app.cancel')}
        confirmLoading={act.isPending}
        onCancel={() => setVerb(undefined)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(values) => verb && run(verb, values)} preserve={false}>
          {verb === 'return' ? (
            <>
              <ReturnTarget taskId={taskId} />
              {reason(true)}
            </>
          ) : null}
          {verb === 'transfer' ? (
            <>
              {person('userId')}
              {reason(false)}
            </>
          ) : null}
          {verb === 'delegate' ? person('userId') : null}
          {verb === 'addSigners' ? (
            <>
              <Form.Item name="mode" label={t('action.signMode')} initialValue="parallel">
                <Radio.Group
                  options={[
                    { value: 'before', label: t('action.signBefore') },
                    { value: 'parallel', label: t('action.signParallel') },
                    { value: 'after', label: t('action.signAfter') },
                  ]}
                />
              </Form.Item>
              {person('userIds', true)}
              {reason(false)}
            </>
          ) : null}
          {verb === 'urge' ? (
            <Form.Item name="message" label={t('action.urgeMessage')}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          ) : null}
        </Form>
      </Modal>
    </>
  );
}
