import { unitsWhere, within } from './reach.ts';

type Grant = { readonly role: string; readonly unitPath: string };

/**
 * The roles a village admin grants at their village (server/src/routes/org STAFF_ROLES): its
 * staff's; an administrator's, a designer's or an auditor's is the town admin's to grant.
 */
export const STAFF_ROLES = ['clerk', 'approver', 'member', 'grid-worker'];

const townAdmin = (mine: readonly Grant[]) => unitsWhere(mine, ['town-admin']);
const villageAdmin = (mine: readonly Grant[]) => unitsWhere(mine, ['village-admin']);

/** The units where I create accounts and grant roles (some roles only, as a village admin). */
export function staffUnits(mine: readonly Grant[]): string[] {
  return unitsWhere(mine, ['town-admin', 'village-admin']);
}

/** Whether I may grant (or take back) `role` at `unitPath`, as the server will judge it. */
export function mayGrant(mine: readonly Grant[], role: string, unitPath: string): boolean {
  return within(townAdmin(mine), unitPath) || (within(villageAdmin(mine), unitPath) && STAFF_ROLES.includes(role));
}

/** The roles I may grant somewhere: every one as a town admin, the staff's as a village admin only. */
export function grantableRoles(mine: readonly Grant[], roles: readonly string[]): string[] {
  if (townAdmin(mine).length > 0) return [...roles];
  return villageAdmin(mine).length > 0 ? roles.filter((r) => STAFF_ROLES.includes(r)) : [];
}

/** Whether I keep the account (password, disabling) of someone with these grants: a town admin of one of their units, or a village admin of all of them when they are staff only. */
export function keepsAccount(mine: readonly Grant[], theirs: readonly Grant[]): boolean {
  if (theirs.some((g) => within(townAdmin(mine), g.unitPath))) return true;
  return theirs.length > 0 && theirs.every((g) => mayGrant(mine, g.role, g.unitPath));
}
