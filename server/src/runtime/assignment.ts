import { ROLES, type Role, type RoleGrant, type TaskRecord } from '@shanzhi/store';
import { isUnitPath, selfAndAncestors } from '../units.ts';

/**
 * Who a user task is offered to: the one convention for candidate groups, used when a task
 * row is written and when the inbox is read.
 *
 * In a BPMN model a candidate group names a role at a unit:
 *
 * - `approver` means the approvers of the instance's own unit;
 * - `approver@/nanhai/lishui/hefeng/` means the approvers of that unit, whatever the instance's unit.
 *
 * A role at a unit reaches that unit and everything below it (DOMAIN.md), so the approvers of
 * 鹤峰村 include whoever is an approver of 里水镇 or of 南海区. The task row therefore lists the
 * group at its unit and at every unit above (`approver@/nanhai/lishui/hefeng/`,
 * `approver@/nanhai/lishui/`, `approver@/nanhai/`, `approver@/`), and a user's groups are just
 * their grants written `role@unitPath`: the inbox matches the two lists, with no tree walk at
 * read time. A name that is not a role (`两委`, `书记@鹤峰村`) is kept as written and matches only
 * a group of exactly that name; grants never produce one, so such a task is reached through its
 * assignee or candidate users.
 *
 * A group may also be written `role:approver` (the same as `approver`), and `@parent` names the
 * unit above the instance's: `role:town-admin@parent` is the town's admins for a village's instance.
 */
export function taskGroups(candidateGroups: readonly string[] | undefined, instanceUnit: string): string[] {
  const out = new Set<string>();
  for (const raw of candidateGroups ?? []) {
    const group = raw.trim().replace(ROLE_PREFIX, '');
    if (group.length === 0) continue;
    const at = group.indexOf('@');
    const role = at < 0 ? group : group.slice(0, at);
    const named = at < 0 ? instanceUnit : group.slice(at + 1);
    const unit = named === PARENT ? (selfAndAncestors(instanceUnit)[1] ?? instanceUnit) : named;
    if (!isRole(role) || !isUnitPath(unit)) {
      out.add(group);
      continue;
    }
    for (const u of selfAndAncestors(unit)) out.add(groupName(role, u));
  }
  return [...out];
}

const ROLE_PREFIX = /^role:/;
const PARENT = 'parent';

/** Who a task is given to as the model names them, before names are users: the engine's OpenUserTask fields. */
export interface NamedAssignment {
  readonly assignee?: string;
  readonly candidateUsers?: readonly string[];
  readonly candidateGroups?: readonly string[];
}

/** The same, as the inbox holds it: user ids, and groups at units. */
export interface ResolvedAssignment {
  readonly assignee?: string;
  readonly candidateUsers: string[];
  readonly candidateGroups: string[];
  /** Names that are no user: the task goes to the unit's admins, who can assign it. */
  readonly unresolved: string[];
}

/** The names of people (not roles) an assignment holds, to look up before resolving it. */
export function peopleNamed(a: NamedAssignment): string[] {
  return [...(a.assignee === undefined ? [] : [a.assignee]), ...(a.candidateUsers ?? [])].filter((n) => !ROLE_PREFIX.test(n.trim()));
}

/**
 * What a designer types becomes who gets the task, when the task is created: a user id stays, a
 * username (`hefeng-shuji`) becomes its user's id, and a role (`role:approver`, `role:town-admin@parent`)
 * as assignee or candidate user offers the task to that group instead. A name that is nobody's
 * is kept out, and the unit's admins are offered the task so that someone can assign it.
 */
export function resolveAssignment(a: NamedAssignment, unitPath: string, idOf: ReadonlyMap<string, string>): ResolvedAssignment {
  const groups = [...(a.candidateGroups ?? [])];
  const users: string[] = [];
  const unresolved: string[] = [];
  let assignee: string | undefined;
  const person = (raw: string, found: (id: string) => void) => {
    const name = raw.trim();
    if (ROLE_PREFIX.test(name)) groups.push(name);
    else if (idOf.has(name)) found(idOf.get(name) as string);
    else if (name.length > 0) unresolved.push(name);
  };
  if (a.assignee !== undefined) person(a.assignee, (id) => (assignee = id));
  for (const u of a.candidateUsers ?? []) person(u, (id) => users.push(id));
  if (unresolved.length > 0) groups.push('village-admin', 'town-admin');
  return {
    ...(assignee === undefined ? {} : { assignee }),
    candidateUsers: [...new Set(users)],
    candidateGroups: taskGroups(groups, unitPath),
    unresolved,
  };
}

/** The candidate groups as the model named them, resolved to one unit each (for display). */
export function displayGroups(candidateGroups: readonly string[]): string[] {
  const byRole = new Map<string, string>();
  const out: string[] = [];
  for (const g of candidateGroups) {
    const group = roleGroupOf(g);
    if (!group) {
      out.push(g);
      continue;
    }
    const seen = byRole.get(group.role);
    if (seen === undefined || group.unitPath.length > seen.length) byRole.set(group.role, group.unitPath);
  }
  for (const [role, unit] of byRole) out.push(groupName(role as Role, unit));
  return out.sort();
}

/** The role and unit a group name `role@/unit/path/` stands for; undefined for a name that is no role's (`两委`). */
export function roleGroupOf(group: string): { role: Role; unitPath: string } | undefined {
  const at = group.indexOf('@');
  const role = group.slice(0, at);
  return at < 0 || !isRole(role) ? undefined : { role, unitPath: group.slice(at + 1) };
}

/** A user's group names: one per grant. */
export function groupsOf(grants: readonly RoleGrant[]): string[] {
  return [...new Set(grants.map((g) => groupName(g.role, g.unitPath)))];
}

function groupName(role: Role, unitPath: string): string {
  return `${role}@${unitPath}`;
}

/** The task is assigned to the user, or offered to them or one of their groups. */
export function isCandidate(task: TaskRecord, user: { readonly id: string; readonly groups: readonly string[] }): boolean {
  if (task.assignee === user.id) return true;
  if (task.candidateUsers.includes(user.id)) return true;
  return task.candidateGroups.some((g) => user.groups.includes(g));
}

function isRole(name: string): name is Role {
  return (ROLES as readonly string[]).includes(name);
}
