import { useSession } from '../../shared/session.tsx';
import { unitsWhere } from './reach.ts';

/**
 * Who manages what, as the server's tenancy allows it (server/src/plugins/tenancy.ts; accounts
 * and roles by grantRules.ts): the screens hide or disable what the server would refuse, and
 * still show a refusal if it comes.
 */
const MANAGERS = {
  org: ['town-admin'],
  calendar: ['town-admin'],
  webhook: ['town-admin'],
  audit: ['auditor', 'town-admin'],
} as const;

export type Managed = keyof typeof MANAGERS;

/** The signed-in person's grants, for the finer rules of grantRules.ts. */
export function useMyGrants(): readonly { role: string; unitPath: string }[] {
  return useSession().me?.grants ?? [];
}

/** The units where the signed-in person manages `what` (each with the units below it). */
export function useManaged(what: Managed): string[] {
  return unitsWhere(useMyGrants(), MANAGERS[what]);
}
