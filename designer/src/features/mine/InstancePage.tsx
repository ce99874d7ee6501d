import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useT } from '../../i18n/index.tsx';
import { api, ok } from '../../shared/api.ts';
import { useUnitNames } from '../../shared/names.ts';
import { useSession } from '../../shared/session.tsx';
import { Query } from '../../shared/states.tsx';
import { StatusTag } from '../../shared/status.tsx';
import { Timeline } from '../../shared/Timeline.tsx';
import { atMinute } from '../../shared/time.ts';

/** One matter I started or was copied on: where it stands, its history, and withdraw while it runs. */
export function InstancePage() {
  const t = useT();
  const { id = '' } = useParams();
  const { me } = useSession();
  const { message } = App.useApp();
  const unitName = useUnitNames();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const instance = useQuery({
    queryKey: ['/api/process-instances/{id}', id],
    queryFn: () => ok(api.GET('/api/process-instances/{id}', { params: { path: { id } } })),
  });
  const withdraw = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/api/process-instances/{id}/withdraw', {
          params: { path: { id } },
          body: reason.trim() ? { reason: reason.trim() } : {},
        }),
      ),
    onSuccess: () => {
      message.success(t('instance.withdrawn'));
      setAsking(false);
      instance.refetch();
    },
    onError: (e) => message.error(e.message),
  });
  return (
    <Query query={instance}>
      {({ instance: i }) => (
        <Space direction="vertical" style={{ width: '100%' }} size={12}>
          <Card
            title={<span translate="no">{i.businessKey ?? i.definitionKey}</span>}
            extra={
              i.status === 'active' && i.startedBy === me?.id ? (
                <Button danger onClick={() => setAsking(true)} data-testid="withdraw">
                  {t('instance.withdraw')}
                </Button>
              ) : null
            }
          >
            <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
              <Descriptions.Item label={t('instance.status')}>
                <StatusTag status={i.status} />
              </Descriptions.Item>
              <Descriptions.Item label={t('task.unit')}>
                <span translate="no">{unitName(i.unitPath)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('instance.startedAt')}>{atMinute(i.startedAt)}</Descriptions.Item>
              {i.endedAt ? <Descriptions.Item label={t('instance.endedAt')}>{atMinute(i.endedAt)}</Descriptions.Item> : null}
            </Descriptions>
          </Card>
          <Card title={t('task.history')}>
            <Timeline instanceId={i.id} />
          </Card>
          <Modal
            open={asking}
            title={t('instance.withdrawTitle')}
            okText={t('instance.withdraw')}
            okButtonProps={{ danger: true }}
            cancelText={t('app.cancel')}
            confirmLoading={withdraw.isPending}
            onOk={() => withdraw.mutate()}
            onCancel={() => setAsking(false)}
          >
            <Input.TextArea
              rows={3}
              maxLength={1000}
              placeholder={t('instance.withdrawReason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </Modal>
        </Space>
      )}
    </Query>
  );
}
