import { unitsWhere } from './reach.ts';

type Grant = { readonly role: string; readonly unitPath: string };

/**
 * The roles a village admin grants at their village (server/src/routes/org STAFF_ROLES): its
 * staff's; an administrator's, a designer's or an auditor's is the town admin's to grant.
 */
export const STAFF_ROLES = ['clerk', 'approver', 'member', 'grid-worker'];

const townAdmin = (mine: readonly Grant[]) => unitsWhere(mine, ['town-admin']);
const villageAdmin = (mine: readonly Grant[]) => unitsWhere(mine, ['village-admin']);

/**
 * What the grant pickers offer. The server decides each grant and says per user what may be done
 * (`actions`, `revocable`); these only keep the pickers to choices it would take.
 */

/** The units where I create accounts and grant roles (some roles only, as a village admin). */
export function staffUnits(mine: readonly Grant[]): string[] {
  return unitsWhere(mine, ['town-admin', 'village-admin']);
}

/** The roles I may grant somewhere: every one as a town admin, the staff's as a village admin only. */
export function grantableRoles(mine: readonly Grant[], roles: readonly string[]): string[] {
  if (townAdmin(mine).length > 0) return [...roles];
  return villageAdmin(mine).length > 0 ? roles.filter((r) => STAFF_ROLES.includes(r)) : [];
}
