import type { Store } from '../port.ts';
import type { Postgres } from './db.ts';
import { refusingDuplicates } from './errors.ts';
import { insertRecords, selectOne } from './queries.ts';
import { sql } from './sql.ts';
import { SESSIONS } from './tables.ts';

export function postgresSessions(pg: Postgres): Store['sessions'] {
  return {
    async create(session) {
      await refusingDuplicates(
        () => insertRecords(pg, SESSIONS, [session]),
        () => `session ${session.id}`,
      );
    },
    async byId(id) {
      return selectOne(pg, SESSIONS, sql`WHERE id = ${id}`);
    },
    /**
     * One UPDATE matching the token being spent: of two callers spending it, the second waits for
     * the first's row lock, then finds the token changed and matches nothing.
     */
    async rotate(id, tokenHash, next, now) {
      const rotated = await pg.run(
        sql`UPDATE sessions SET token_hash = ${next.tokenHash}, expires_at = ${next.expiresAt}
            WHERE id = ${id} AND token_hash = ${tokenHash} AND revoked_at IS NULL AND expires_at > ${now}`,
      );
      return rotated > 0;
    },
    async revoke(id, at) {
      await pg.run(sql`UPDATE sessions SET revoked_at = ${at} WHERE id = ${id} AND revoked_at IS NULL`);
    },
    async purgeExpired(before) {
      return pg.run(sql`DELETE FROM sessions WHERE expires_at < ${before}`);
    },
  };
}
