import type { Principal } from '../plugins/tenancy.ts';

/** How long a session's principal is trusted without reading the store again. */
export const PRINCIPAL_TTL_MS = 1_000;
const MAX_SESSIONS = 10_000;

/**
 * Principals (user, grants, reach, groups) of live sessions, kept for a second. Every request
 * needs one, and reading it means three store reads (session, user, grants): a clerk working
 * through her inbox would repeat them a few times a second for nothing. A change made through
 * this process (a grant, a revocation, a logout) clears the cache at once; one made by another
 * server process or the CLI is seen within PRINCIPAL_TTL_MS.
 */
export class PrincipalCache {
  private readonly entries = new Map<string, { readonly principal: Principal; readonly until: number }>();

  get(sessionId: string, now: number): Principal | undefined {
    const entry = this.entries.get(sessionId);
    if (entry === undefined) return undefined;
    if (entry.until <= now) {
      this.entries.delete(sessionId);
      return undefined;
    }
    return entry.principal;
  }

  set(sessionId: string, principal: Principal, now: number): void {
    this.entries.delete(sessionId);
    this.entries.set(sessionId, { principal, until: now + PRINCIPAL_TTL_MS });
    if (this.entries.size > MAX_SESSIONS) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  /** Someone's grants or sessions changed: read everyone's again. */
  forget(): void {
    this.entries.clear();
  }
}
