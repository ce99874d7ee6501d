import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space, Tooltip } from 'antd';
import { useI18n } from '../../i18n/index.tsx';
import { api, ok, type Success } from '../../shared/api.ts';
import { useSession } from '../../shared/session.tsx';

type User = Success<'/api/org/users', 'get'>['items'][number];

/** A user's row actions: grant a role, reset the password, disable or enable; those the server does not offer (`user.actions`) are disabled with the reason. */
export function UserActions({ user, onGrant, onPassword }: { user: User; onGrant: () => void; onPassword: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const self = useSession().me?.id === user.id;
  const may = (action: User['actions'][number]) => user.actions.includes(action);
  const toggleAction = user.disabled ? 'enable' : 'disable';
  const toggle = useMutation({
    mutationFn: () =>
      ok(api.PUT('/api/org/users/{id}/disabled', { params: { path: { id: user.id } }, body: { disabled: !user.disabled } })),
    onSuccess: async (u) => {
      message.success(t(u.disabled ? 'admin.users.disabledDone' : 'admin.users.enabledDone', { name: u.displayName }));
      await queries.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('/api/org/users') });
    },
    onError: (e) => message.error(e.message),
  });
  const why = (allowed: boolean, reason: string) => (allowed ? undefined : reason);
  return (
    <Space size={0}>
      <Tooltip title={why(may('grant'), t('admin.onlyTownAdmin'))}>
        <Button type="link" size="small" disabled={!may('grant')} onClick={onGrant}>
          {t('admin.users.grant')}
        </Button>
      </Tooltip>
      <Tooltip title={why(may('password'), t('admin.users.accountTown'))}>
        <Button type="link" size="small" disabled={!may('password')} onClick={onPassword}>
          {t('admin.users.resetPassword')}
        </Button>
      </Tooltip>
      <Tooltip title={self ? t('admin.users.notSelf') : why(may(toggleAction), t('admin.users.accountTown'))}>
        <Popconfirm
          title={t(user.disabled ? 'admin.users.enableConfirm' : 'admin.users.disableConfirm', { name: user.displayName })}
          onConfirm={() => toggle.mutate()}
          disabled={!may(toggleAction)}
        >
          <Button
            type="link"
            size="small"
            danger={!user.disabled}
            disabled={!may(toggleAction)}
            loading={toggle.isPending}
            data-testid="toggle-user"
          >
            {t(user.disabled ? 'admin.users.enable' : 'admin.users.disable')}
          </Button>
        </Popconfirm>
      </Tooltip>
    </Space>
  );
}
