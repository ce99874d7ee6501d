import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { api, ok, type Success } from '../../shared/api.ts';
import { roleLabel, useUnitNames } from '../../shared/names.ts';
import { Failed } from '../../shared/states.tsx';
import { staffUnits } from './grantRules.ts';
import { useManaged, useMyGrants } from './managers.ts';
import { UserActions } from './UserActions.tsx';
import { GrantDialog, NewUserDialog, PasswordDialog } from './UserDialogs.tsx';
import { matches } from './userSearch.ts';

type User = Success<'/api/org/users', 'get'>['items'][number];

const PAGE = 50;

/**
 * 用户与角色: the users holding a role within my units, fifty at a time, searched by username or
 * name among those read; a town admin creates users, grants and takes back roles at their units
 * and resets passwords, anyone else reads.
 */
export function UsersTab() {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const queries = useQueryClient();
  const unitName = useUnitNames();
  const mine = useMyGrants();
  const town = useManaged('org').length > 0;
  const keeps = staffUnits(mine).length > 0;
  const [search, setSearch] = useState('');
  const [dialog, setDialog] = useState<{ kind: 'new' } | { kind: 'grant' | 'password'; user: User }>();
  const users = useInfiniteQuery({
    queryKey: ['/api/org/users', 'admin'],
    queryFn: ({ pageParam }) =>
      ok(api.GET('/api/org/users', { params: { query: { limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next,
  });
  if (users.error) return <Failed error={users.error} retry={() => users.refetch()} />;
  const items = (users.data?.pages ?? []).flatMap((p) => p.items).filter((u) => matches(u, search));
  const onlyTown = t('admin.onlyTownAdmin');
  const revoke = (user: User, grant: User['grants'][number]) =>
    modal.confirm({
      title: t('admin.users.revokeConfirm', { name: user.displayName, role: roleLabel(t, grant.role), unit: unitName(grant.unitPath) }),
      onOk: async () => {
        await ok(
          api.POST('/api/org/users/{id}/grants/revoke', {
            params: { path: { id: user.id } },
            body: { role: grant.role as never, unitPath: grant.unitPath },
          }),
        ).catch((e: Error) => {
          message.error(e.message);
          throw e;
        });
        message.success(t('admin.users.revoked'));
        await queries.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('/api/org/users') });
      },
    });
  return (
    <Card
      size="small"
      title={t('admin.users.title')}
      extra={
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('admin.users.search')}
            onChange={(e) => setSearch(e.target.value)}
            data-testid="user-search"
            style={{ width: 220 }}
          />
          <Tooltip title={keeps ? undefined : onlyTown}>
            <Button type="primary" disabled={!keeps} onClick={() => setDialog({ kind: 'new' })} data-testid="new-user-open">
              {t('admin.users.new')}
            </Button>
          </Tooltip>
        </Space>
      }
    >
      {town ? null : <Alert type="info" showIcon message={keeps ? t('admin.users.villageKeeps') : onlyTown} style={{ marginBottom: 12 }} />}
      <Table<User>
        rowKey="id"
        size="small"
        loading={users.isPending}
        dataSource={items}
        pagination={false}
        scroll={{ x: 720 }}
        data-testid="users"
        columns={[
          {
            title: t('admin.users.username'),
            dataIndex: 'username',
            render: (v: string) => (
              <span translate="no" style={{ whiteSpace: 'nowrap' }}>
                {v}
              </span>
            ),
          },
          {
            title: t('admin.users.displayName'),
            dataIndex: 'displayName',
            render: (v: string) => (
              <span translate="no" style={{ whiteSpace: 'nowrap' }}>
                {v}
              </span>
            ),
          },
          {
            title: t('admin.users.grants'),
            key: 'grants',
            render: (_, u) => (
              <Space size={[4, 4]} wrap>
                {u.grants.map((g) => (
                  <Tag
                    key={`${g.role}@${g.unitPath}`}
                    closable={g.revocable}
                    onClose={(e) => {
                      e.preventDefault();
                      revoke(u, g);
                    }}
                  >
                    {roleLabel(t, g.role)} · <span translate="no">{unitName(g.unitPath)}</span>
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('admin.users.state'),
            dataIndex: 'disabled',
            render: (disabled: boolean) =>
              disabled ? <Tag color="default">{t('admin.users.disabled')}</Tag> : <Tag color="green">{t('admin.users.enabled')}</Tag>,
          },
          {
            title: t('admin.users.actions'),
            key: 'actions',
            render: (_, u) => (
              <UserActions
                user={u}
                onGrant={() => setDialog({ kind: 'grant', user: u })}
                onPassword={() => setDialog({ kind: 'password', user: u })}
              />
            ),
          },
        ]}
      />
      {users.hasNextPage ? (
        <Button block style={{ marginTop: 12 }} loading={users.isFetchingNextPage} onClick={() => users.fetchNextPage()}>
          {t('admin.users.more')}
        </Button>
      ) : null}
      {dialog?.kind === 'new' ? <NewUserDialog onClose={() => setDialog(undefined)} /> : null}
      {dialog?.kind === 'grant' ? <GrantDialog user={dialog.user} onClose={() => setDialog(undefined)} /> : null}
      {dialog?.kind === 'password' ? <PasswordDialog user={dialog.user} onClose={() => setDialog(undefined)} /> : null}
    </Card>
  );
}
