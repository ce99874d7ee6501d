import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Space, Typography } from 'antd';
import { useI18n } from '../../i18n/index.tsx';
import { api, ok } from '../../shared/api.ts';
import { Failed } from '../../shared/states.tsx';
import { atMinute } from '../../shared/time.ts';
import { useManaged } from './managers.ts';

/**
 * 审计: recompute every matter's chain of event hashes in my units and say plainly whether it
 * holds, or which matter's which record is the first that does not.
 */
export function AuditTab() {
  const { t } = useI18n();
  const allowed = useManaged('audit').length > 0;
  const verify = useMutation({
    mutationFn: async () => ({ result: await ok(api.GET('/api/audit/verify')), at: Date.now() }),
  });
  const result = verify.data?.result;
  return (
    <Card size="small" title={t('admin.audit.title')}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('admin.audit.explain')}
        </Typography.Paragraph>
        <Space wrap>
          <Button type="primary" disabled={!allowed} loading={verify.isPending} onClick={() => verify.mutate()} data-testid="audit-verify">
            {t('admin.audit.verify')}
          </Button>
          {allowed ? null : <Typography.Text type="secondary">{t('admin.audit.onlyAuditors')}</Typography.Text>}
        </Space>
        {verify.error ? <Failed error={verify.error} /> : null}
        {result && verify.data ? (
          result.ok ? (
            <Alert
              type="success"
              showIcon
              data-testid="audit-result"
              message={t('admin.audit.intact')}
              description={t('admin.audit.checkedAt', { at: atMinute(verify.data.at) })}
            />
          ) : (
            <Alert
              type="error"
              showIcon
              data-testid="audit-result"
              message={t('admin.audit.broken')}
              description={
                <Descriptions size="small" column={1}>
                  <Descriptions.Item label={t('admin.audit.instance')}>
                    <Typography.Text copyable>{result.firstBroken?.instanceId}</Typography.Text>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('admin.audit.seq')}>{result.firstBroken?.seq}</Descriptions.Item>
                  <Descriptions.Item label={t('admin.audit.reason')}>{result.firstBroken?.reason}</Descriptions.Item>
                  <Descriptions.Item label={t('admin.audit.checked')}>{atMinute(verify.data.at)}</Descriptions.Item>
                </Descriptions>
              }
            />
          )
        ) : null}
      </Space>
    </Card>
  );
}
