import { PaperClipOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Input, List, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/index.tsx';
import { api, downloadAttachment, ok, uploadAttachment } from '../../shared/api.ts';
import { usePeople } from '../../shared/people.ts';
import { atMinute } from '../../shared/time.ts';

/** 意见: what people said on this task, and a box to add one. */
export function Comments({ taskId, canComment }: { taskId: string; canComment: boolean }) {
  const t = useT();
  const people = usePeople();
  const [text, setText] = useState('');
  const comments = useQuery({
    queryKey: ['/api/tasks/{id}/comments', taskId],
    queryFn: () => ok(api.GET('/api/tasks/{id}/comments', { params: { path: { id: taskId } } })),
  });
  const add = useMutation({
    mutationFn: () => ok(api.POST('/api/tasks/{id}/comments', { params: { path: { id: taskId } }, body: { text: text.trim() } })),
    onSuccess: () => {
      setText('');
      comments.refetch();
    },
  });
  return (
    <div>
      <List
        size="small"
        locale={{ emptyText: t('task.noComments') }}
        dataSource={comments.data?.items ?? []}
        renderItem={(c) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Space>
                  <span translate="no">{people.name(c.author)}</span>
                  <Typography.Text type="secondary">{atMinute(c.at)}</Typography.Text>
                </Space>
              }
              description={<span translate="no">{c.text}</span>}
            />
          </List.Item>
        )}
      />
      {canComment ? (
        <Space.Compact style={{ width: '100%', marginTop: 8 }}>
          <Input value={text} onChange={(e) => setText(e.target.value)} placeholder={t('task.commentPlaceholder')} maxLength={5000} />
          <Button type="primary" disabled={!text.trim()} loading={add.isPending} onClick={() => add.mutate()}>
            {t('task.addComment')}
          </Button>
        </Space.Compact>
      ) : null}
      {add.error ? <Typography.Text type="danger">{add.error.message}</Typography.Text> : null}
    </div>
  );
}

/** 附件: files on this task, downloadable, and an upload when this person may attach. */
export function Attachments({ taskId, canAttach }: { taskId: string; canAttach: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const files = useQuery({
    queryKey: ['/api/tasks/{id}/attachments', taskId],
    queryFn: () => ok(api.GET('/api/tasks/{id}/attachments', { params: { path: { id: taskId } } })),
  });
  return (
    <div>
      <List
        size="small"
        locale={{ emptyText: t('task.noAttachments') }}
        dataSource={files.data?.items ?? []}
        renderItem={(f) => (
          <List.Item>
            <Space>
              <PaperClipOutlined />
              <Button
                type="link"
                size="small"
                onClick={() => downloadAttachment(taskId, f.id, f.fileName).catch((e: Error) => message.error(e.message))}
              >
                <span translate="no">{f.fileName}</span>
              </Button>
              <Typography.Text type="secondary">{Math.ceil(f.size / 1024)} KB</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      {canAttach ? (
        <Upload
          showUploadList={false}
          customRequest={async ({ file, onSuccess, onError }) => {
            try {
              const answer = await uploadAttachment(taskId, file as File);
              onSuccess?.(answer);
              files.refetch();
            } catch (e) {
              message.error(e instanceof Error ? e.message : String(e));
              onError?.(e as Error);
            }
          }}
        >
          <Button icon={<PaperClipOutlined />}>{t('task.attach')}</Button>
        </Upload>
      ) : null}
    </div>
  );
}
