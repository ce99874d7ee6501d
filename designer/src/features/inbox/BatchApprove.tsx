import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Input, List, Modal, Space } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/index.tsx';
import { api, ok } from '../../shared/api.ts';

/** 批量同意: one comment for all the picked tasks; the server says which went through and why the others did not. */
export function BatchApprove({ taskIds, onDone }: { taskIds: string[]; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState(t('batch.commentDefault'));
  const batch = useMutation({
    mutationFn: () =>
      ok(api.POST('/api/tasks/batch-complete', { body: { taskIds, ...(comment.trim() ? { comment: comment.trim() } : {}) } })),
  });
  const results = batch.data?.results;
  const failed = results?.filter((r) => !r.ok) ?? [];

  return (
    <>
      <Alert
        type="info"
        style={{ marginBottom: 8 }}
        message={t('batch.selected', { count: taskIds.length })}
        action={
          <Space>
            <Button size="small" onClick={onDone}>
              {t('batch.clear')}
            </Button>
            <Button size="small" type="primary" onClick={() => setOpen(true)} data-testid="batch-approve">
              {t('batch.approve')}
            </Button>
          </Space>
        }
      />
      <Modal
        open={open}
        title={t('batch.title', { count: taskIds.length })}
        okText={results ? t('app.confirm') : t('batch.approve')}
        confirmLoading={batch.isPending}
        onCancel={() => setOpen(false)}
        onOk={async () => {
          if (results) {
            setOpen(false);
            batch.reset();
            onDone();
            return;
          }
          const answer = await batch.mutateAsync();
          const done = answer.results.filter((r) => r.ok).length;
          message.success(t('batch.result', { ok: done, failed: answer.results.length - done }));
          if (done === answer.results.length) {
            setOpen(false);
            batch.reset();
            onDone();
          }
        }}
      >
        {results ? (
          <List size="small" dataSource={failed} renderItem={(r) => <List.Item>{r.error?.message ?? r.taskId}</List.Item>} />
        ) : (
          <Input.TextArea aria-label={t('batch.comment')} value={comment} onChange={(e) => setComment(e.target.value)} rows={3} />
        )}
        {batch.error ? <Alert type="error" message={batch.error.message} /> : null}
      </Modal>
    </>
  );
}
