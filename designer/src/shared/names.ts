import { useQuery } from '@tanstack/react-query';
import type { MessageKey, Translate } from '../i18n/index.tsx';
import { api, ok } from './api.ts';

const ROLE_KEYS: Record<string, MessageKey> = {
  'town-admin': 'role.town-admin',
  designer: 'role.designer',
  'village-admin': 'role.village-admin',
  clerk: 'role.clerk',
  approver: 'role.approver',
  member: 'role.member',
  'grid-worker': 'role.grid-worker',
  auditor: 'role.auditor',
};

/** Every role, in the order pickers list them. */
export const ROLES = Object.keys(ROLE_KEYS);

export function roleLabel(t: Translate, role: string): string {
  const key = ROLE_KEYS[role];
  return key ? t(key) : role;
}

const NOTICE_KEYS: Record<string, MessageKey> = {
  task: 'notice.task',
  cc: 'notice.cc',
  urged: 'notice.urged',
  'due-soon': 'notice.dueSoon',
  overdue: 'notice.overdue',
  returned: 'notice.returned',
  withdrawn: 'notice.withdrawn',
  delegated: 'notice.delegated',
  objection: 'notice.objection',
};

/** Every kind of notification, in the order pickers list them. */
export const NOTICE_KINDS = Object.keys(NOTICE_KEYS);

export function noticeKindLabel(t: Translate, kind: string): string {
  const key = NOTICE_KEYS[kind];
  return key ? t(key) : kind;
}

/** The units within reach, read once for every screen that names or picks them. */
export function useUnits() {
  return useQuery({ queryKey: ['/api/org/units'], queryFn: () => ok(api.GET('/api/org/units')), staleTime: 5 * 60_000 });
}

/** Names for the unit paths tasks and grants carry. */
export function useUnitNames(): (path: string) => string {
  const units = useUnits();
  const names = new Map(units.data?.items.map((u) => [u.path, u.name]));
  return (path) => names.get(path) ?? lastSegment(path);
}

function lastSegment(path: string): string {
  return path.split('/').filter(Boolean).at(-1) ?? path;
}
