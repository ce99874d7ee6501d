import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Popconfirm, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useI18n } from '../../i18n/index.tsx';
import { api, ok, type Success } from '../../shared/api.ts';
import { useUnitNames } from '../../shared/names.ts';
import { Query } from '../../shared/states.tsx';
import { atMinute } from '../../shared/time.ts';
import { AddedFields, type FieldOp } from './AddedFields.tsx';
import { ParametersForm } from './ParametersForm.tsx';
import { ProcedureDiagram } from './ProcedureDiagram.tsx';
import { UpgradeDialog } from './UpgradeDialog.tsx';

type Adoption = Success<'/api/adoptions/{id}', 'get'>;

/**
 * One unit's adoption of a template: the parameters it set (saved as a new deployment; running
 * instances keep theirs), every deployment it made with rolling back to the one before, and a
 * newer version from the town with what it changes and the upgrade.
 */
export function AdoptionPage() {
  const { t, language } = useI18n();
  const { id = '' } = useParams();
  const unitName = useUnitNames();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [upgradeTo, setUpgradeTo] = useState<string>();
  const adoption = useQuery({
    queryKey: ['/api/adoptions/{id}', id],
    queryFn: () => ok(api.GET('/api/adoptions/{id}', { params: { path: { id } } })),
  });
  const offered = useQuery({
    queryKey: ['/api/template-publications', adoption.data?.unitPath, adoption.data?.templateId],
    enabled: adoption.data !== undefined,
    queryFn: () =>
      ok(
        api.GET('/api/template-publications', {
          params: { query: { unit: adoption.data?.unitPath as string, template: adoption.data?.templateId as string } },
        }),
      ),
  });
  const changed = async (next: Adoption, done: string) => {
    queryClient.setQueryData(['/api/adoptions/{id}', id], next);
    await queryClient.invalidateQueries({ queryKey: ['/api/adoptions'] });
    message.success(done);
  };
  return (
    <Query query={adoption}>
      {(a) => {
        const overlay = a.overlay as { parameters?: Record<string, unknown>; name?: string; fields?: Record<string, FieldOp[]> };
        const newest = offered.data?.items[0];
        const name = newest?.name?.[language] ?? a.templateId;
        return (
          <Space direction="vertical" style={{ width: '100%' }} size="middle">
            <Card
              title={
                <Space>
                  <span translate="no">{overlay.name ?? name}</span>
                  <Tag>{`v${a.version}`}</Tag>
                </Space>
              }
            >
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('templates.unit')}>
                  <span translate="no">{unitName(a.unitPath)}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('templates.updated')}>{atMinute(a.updatedAt)}</Descriptions.Item>
              </Descriptions>
              {newest && newest.id !== a.publicationId && newest.version !== a.version ? (
                <Alert
                  type="info"
                  showIcon
                  data-testid="newer-version"
                  message={t('templates.newer', { version: newest.version })}
                  action={
                    <Button size="small" onClick={() => setUpgradeTo(newest.id)} data-testid="see-upgrade">
                      {t('templates.seeUpgrade')}
                    </Button>
                  }
                />
              ) : null}
            </Card>
            <Card title={t('templates.procedure')}>
              <ProcedureDiagram key={a.definitionId} definitionId={a.definitionId} />
            </Card>
            <Card title={t('templates.parameters')}>
              <ParametersForm
                key={a.revision}
                publicationId={a.publicationId}
                values={overlay.parameters ?? {}}
                submitLabel={t('templates.saveDeploy')}
                onSubmit={async (parameters) => {
                  const next = await ok(
                    api.PUT('/api/adoptions/{id}', {
                      params: { path: { id } },
                      body: { revision: a.revision, overlay: { ...overlay, parameters } },
                    }),
                  );
                  await changed(next, t('templates.deployed'));
                }}
              />
            </Card>
            <Card title={t('templates.fields')}>
              <AddedFields
                templateId={a.templateId}
                version={a.version}
                fields={overlay.fields ?? {}}
                onChange={async (fields) => {
                  const next = await ok(
                    api.PUT('/api/adoptions/{id}', {
                      params: { path: { id } },
                      body: { revision: a.revision, overlay: { ...overlay, fields } },
                    }),
                  );
                  await changed(next, t('templates.deployed'));
                }}
              />
            </Card>
            <Card title={t('templates.deployments')}>
              <Timeline
                data-testid="deployments"
                items={[...a.deployments].reverse().map((d, i) => ({
                  key: d.definitionId,
                  color: i === 0 ? 'green' : 'gray',
                  children: (
                    <Space direction="vertical" size={0}>
                      <Typography.Text>
                        {`v${d.version}`} · {atMinute(d.deployedAt)}
                        {i === 0 ? <Tag style={{ marginInlineStart: 6 }}>{t('templates.current')}</Tag> : null}
                      </Typography.Text>
                      {d.note ? (
                        <Typography.Text type="secondary" translate="no">
                          {d.note}
                        </Typography.Text>
                      ) : null}
                    </Space>
                  ),
                }))}
              />
              {a.deployments.length > 1 ? (
                <Popconfirm
                  title={t('templates.rollbackConfirm')}
                  onConfirm={async () => {
                    const next = await ok(
                      api.POST('/api/adoptions/{id}/rollback', { params: { path: { id } }, body: { revision: a.revision } }),
                    );
                    await changed(next, t('templates.rolledBack'));
                  }}
                >
                  <Button data-testid="rollback">{t('templates.rollback')}</Button>
                </Popconfirm>
              ) : null}
            </Card>
            {upgradeTo ? (
              <UpgradeDialog
                adoption={a}
                publicationId={upgradeTo}
                onClose={() => setUpgradeTo(undefined)}
                onUpgraded={async (next) => {
                  setUpgradeTo(undefined);
                  await changed(next, t('templates.upgraded'));
                }}
              />
            ) : null}
          </Space>
        );
      }}
    </Query>
  );
}
