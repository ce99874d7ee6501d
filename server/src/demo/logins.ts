import type { Role, Store } from '@shanzhi/store';
import { formatTable } from '../cli/table.ts';
import { DEMO_PASSWORD, DEMO_UNITS, DEMO_USERS, type DemoUser } from './data.ts';

const ROLE_NAMES: Record<Role, string> = {
  'town-admin': '管理员',
  designer: '流程设计',
  'village-admin': '村居管理员',
  clerk: '办事员',
  approver: '审批人',
  member: '党员/代表',
  'grid-worker': '网格员',
  auditor: '审计员',
};

/** The demo users the store holds (all of them after a demo load, none on a store set up for real). */
export async function demoUsersIn(store: Store): Promise<DemoUser[]> {
  const present: DemoUser[] = [];
  for (const demo of DEMO_USERS) if (await store.users.byUsername(demo.username)) present.push(demo);
  return present;
}

/** The login table: username, name, post, role and unit, then the shared password. */
export function loginLines(users: readonly DemoUser[]): string[] {
  if (users.length === 0) return [];
  const unitName = new Map(DEMO_UNITS.map((u) => [u.path, u.name]));
  const rows = users.flatMap((u) =>
    u.grants.map(([role, path], i) => [
      i === 0 ? u.username : '',
      i === 0 ? u.displayName : '',
      i === 0 ? u.title : '',
      `${role}（${ROLE_NAMES[role]}）`,
      `${unitName.get(path) ?? ''} ${path}`.trim(),
    ]),
  );
  return [
    `演示账号 (demo logins)，密码均为 (password) ${DEMO_PASSWORD}，仅供演示 (for demos only):`,
    ...formatTable(['用户名 username', '姓名 name', '职务 post', '角色 role', '单位 unit'], rows).map((l) => `  ${l}`),
  ];
}
