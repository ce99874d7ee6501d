import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Select } from 'antd';
import { useI18n } from '../../i18n/index.tsx';
import { api, ok } from '../../shared/api.ts';
import { ROLES, roleLabel } from '../../shared/names.ts';
import { FormDialog } from './FormDialog.tsx';
import { grantableRoles, staffUnits } from './grantRules.ts';
import { useMyGrants } from './managers.ts';
import { UnitPicker } from './UnitPicker.tsx';

/** The server's minimum (server/src/routes/org/schemas.ts PasswordBody). */
const PASSWORD_MIN = 8;

/** After a change to anyone's account or grants, every list of users reads again. */
function useUsersChanged() {
  const queries = useQueryClient();
  return () => queries.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('/api/org/users') });
}

/** The role and the unit of a grant: those I may grant, at the units where I keep accounts. */
function RoleAndUnit() {
  const { t } = useI18n();
  const mine = useMyGrants();
  return (
    <>
      <Form.Item name="role" label={t('admin.users.role')} rules={[{ required: true, message: t('admin.users.roleNeeded') }]}>
        <Select
          data-testid="role-picker"
          showSearch
          optionFilterProp="label"
          options={grantableRoles(mine, ROLES).map((r) => ({ value: r, label: roleLabel(t, r) }))}
        />
      </Form.Item>
      <Form.Item name="unitPath" label={t('admin.users.unit')} rules={[{ required: true, message: t('admin.users.unitNeeded') }]}>
        <UnitPicker roots={staffUnits(mine)} testId="unit-picker" />
      </Form.Item>
    </>
  );
}

function PasswordItem({ label }: { label: string }) {
  const { t } = useI18n();
  return (
    <Form.Item
      name="password"
      label={label}
      rules={[
        { required: true, message: t('admin.users.passwordNeeded') },
        { min: PASSWORD_MIN, message: t('admin.users.passwordRule', { min: PASSWORD_MIN }) },
      ]}
    >
      <Input.Password autoComplete="new-password" />
    </Form.Item>
  );
}

interface NewUserFields {
  username: string;
  displayName: string;
  password: string;
  role: string;
  unitPath: string;
}

/** 新建用户: an account with its first role at a unit I administer (a user belongs somewhere). */
export function NewUserDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const changed = useUsersChanged();
  return (
    <FormDialog<NewUserFields>
      title={t('admin.users.new')}
      okText={t('admin.users.create')}
      testId="new-user"
      onClose={onClose}
      byField={{ 'body.username': 'username', 'body.displayName': 'displayName', 'body.password': 'password' }}
      byCode={{ SZ_USERNAME_TAKEN: 'username' }}
      onSubmit={async (v) => {
        const user = await ok(
          api.POST('/api/org/users', {
            body: {
              username: v.username.trim(),
              displayName: v.displayName.trim(),
              password: v.password,
              grants: [{ role: v.role as never, unitPath: v.unitPath }],
            },
          }),
        );
        message.success(t('admin.users.created', { name: user.displayName }));
        await changed();
      }}
    >
      <Form.Item
        name="username"
        label={t('admin.users.username')}
        extra={t('admin.users.usernameHelp')}
        rules={[
          { required: true, message: t('admin.users.usernameNeeded') },
          { pattern: /^\s*\S+\s*$/, message: t('admin.users.usernameRule') },
        ]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('admin.users.displayName')}
        rules={[{ required: true, whitespace: true, message: t('admin.users.displayNameNeeded') }]}
      >
        <Input />
      </Form.Item>
      <PasswordItem label={t('admin.users.initialPassword')} />
      <RoleAndUnit />
    </FormDialog>
  );
}

/** 授予角色: one more role, at a unit I administer. */
export function GrantDialog({ user, onClose }: { user: { id: string; displayName: string }; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const changed = useUsersChanged();
  return (
    <FormDialog<{ role: string; unitPath: string }>
      title={t('admin.users.grantTo', { name: user.displayName })}
      okText={t('admin.users.grant')}
      testId="grant"
      onClose={onClose}
      byField={{ 'body.role': 'role', 'body.unitPath': 'unitPath' }}
      onSubmit={async (v) => {
        await ok(
          api.POST('/api/org/users/{id}/grants', {
            params: { path: { id: user.id } },
            body: { role: v.role as never, unitPath: v.unitPath },
          }),
        );
        message.success(t('admin.users.granted'));
        await changed();
      }}
    >
      <RoleAndUnit />
    </FormDialog>
  );
}

/** 重置密码: a new password, told to the person by other means. */
export function PasswordDialog({ user, onClose }: { user: { id: string; displayName: string }; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  return (
    <FormDialog<{ password: string }>
      title={t('admin.users.passwordFor', { name: user.displayName })}
      okText={t('admin.users.setPassword')}
      testId="password"
      onClose={onClose}
      byField={{ 'body.password': 'password' }}
      onSubmit={async (v) => {
        await ok(api.POST('/api/org/users/{id}/password', { params: { path: { id: user.id } }, body: { password: v.password } }));
        message.success(t('admin.users.passwordSet'));
      }}
    >
      <PasswordItem label={t('admin.users.newPassword')} />
    </FormDialog>
  );
}
