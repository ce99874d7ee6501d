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
 * Assignees and candidate users are user ids.
 */
export function taskGroups(candidateGroups: readonly string[] | undefined, instanceUnit: string): string[] {
  const out = new Set<string>();
  for (const raw of candidateGroups ?? []) {
    const group = raw.trim();
    if (group.length === 0) continue;
    const at = group.indexOf('@');
    const role = at < 0 ? group : group.slice(0, at);
    const unit = at < 0 ? instanceUnit : group.slice(at + 1);
    if (!isRole(role) || !isUnitPath(unit)) {
      out.add(group);
      continue;
    }
    for (const u of selfAndAncestors(unit)) out.add(groupName(role, u));
  }
  return [...out];
}

/** The candidate groups as the model named them, resolved to one unit each (for display). */
export function displayGroups(candidateGroups: readonly string[]): string[] {
  const byRole = new Map<string, string>();
  const out: string[] = [];
  for (const g of candidateGroups) {
    const at = g.indexOf('@');
    if (at < 0 || !isRole(g.slice(0, at))) {
      out.push(g);
      continue;
    }
    const role = g.slice(0, at);
    const unit = g.slice(at + 1);
    const seen = byRole.get(role);
    if (seen === undefined || unit.length > seen.length) byRole.set(role, unit);
  }
  for (const [role, unit] of byRole) out.push(groupName(role as Role, unit));
  return out.sort();
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
