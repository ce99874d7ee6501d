import { useQuery } from '@tanstack/react-query';
import { Alert, Input, List, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/index.tsx';
import { api, ok, type Success } from '../../shared/api.ts';
import { Query } from '../../shared/states.tsx';

type Adoption = Success<'/api/adoptions/{id}', 'get'>;
type Decision = { action: 'drop' | 'default' | 'value' | 'rename'; value?: unknown };

/**
 * A newer version from the town: what it changes (parameters, steps, forms, in words), and each
 * conflict with the unit's settings, decided here (drop, take the town's default, set a value,
 * rename) before the upgrade goes.
 */
export function UpgradeDialog({
  adoption,
  publicationId,
  onClose,
  onUpgraded,
}: {
  adoption: Adoption;
  publicationId: string;
  onClose(): void;
  onUpgraded(next: Adoption): Promise<void>;
}) {
  const t = useT();
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const plan = useQuery({
    queryKey: ['/api/adoptions/{id}/upgrade-plan', adoption.id, publicationId, decisions],
    queryFn: () =>
      ok(
        api.POST('/api/adoptions/{id}/upgrade-plan', {
          params: { path: { id: adoption.id } },
          body: { publicationId, decisions },
        }),
      ),
  });
  async function upgrade() {
    setBusy(true);
    setError(undefined);
    try {
      const next = await ok(
        api.POST('/api/adoptions/{id}/upgrade', {
          params: { path: { id: adoption.id } },
          body: { publicationId, revision: adoption.revision, decisions },
        }),
      );
      await onUpgraded(next);
    } catch (e) {
      setError(e instanceof Error ? e.message : t('app.error'));
    } finally {
      setBusy(false);
    }
  }
  const decide = (id: string, decision: Decision) => setDecisions((d) => ({ ...d, [id]: decision }));
  return (
    <Modal
      open
      width="min(720px, 100vw)"
      title={t('templates.upgradeTitle')}
      okText={t('templates.upgrade')}
      onOk={upgrade}
      okButtonProps={{ loading: busy, disabled: (plan.data?.conflicts.length ?? 1) > 0, 'data-testid': 'upgrade' }}
      onCancel={onClose}
    >
      <Query query={plan}>
        {(p) => (
          <Space direction="vertical" style={{ width: '100%' }}>
            {error ? <Alert type="error" showIcon message={error} /> : null}
            <Typography.Title level={5}>{t('templates.changes', { from: p.changes.from, to: p.changes.to })}</Typography.Title>
            <List
              size="small"
              dataSource={p.changes.summary}
              data-testid="upgrade-changes"
              renderItem={(line) => (
                <List.Item>
                  <span translate="no">{line}</span>
                </List.Item>
              )}
            />
            {p.conflicts.length > 0 ? <Alert type="warning" showIcon message={t('templates.conflicts')} /> : null}
            {p.conflicts.map((c) => (
              <Space key={c.id} direction="vertical" style={{ width: '100%' }} data-testid="conflict">
                <Typography.Text translate="no">{c.message}</Typography.Text>
                <Space wrap>
                  <Select
                    style={{ minWidth: 200 }}
                    placeholder={t('templates.decide')}
                    value={decisions[c.id]?.action}
                    onChange={(action: Decision['action']) => decide(c.id, { action })}
                    options={c.options.map((o) => ({ value: o, label: t(`templates.decision.${o}` as 'templates.decision.drop') }))}
                    data-testid="conflict-decision"
                  />
                  {decisions[c.id]?.action === 'value' || decisions[c.id]?.action === 'rename' ? (
                    <Input
                      style={{ width: 200 }}
                      onBlur={(e) => {
                        const raw = e.target.value;
                        const value =
                          decisions[c.id]?.action === 'value' && raw.trim() !== '' && !Number.isNaN(Number(raw)) ? Number(raw) : raw;
                        decide(c.id, { action: decisions[c.id]?.action as Decision['action'], value });
                      }}
                      data-testid="conflict-value"
                    />
                  ) : null}
                </Space>
              </Space>
            ))}
          </Space>
        )}
      </Query>
    </Modal>
  );
}
