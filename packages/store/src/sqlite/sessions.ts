import type { Store } from '../port.ts';
import { refusingDuplicates } from './errors.ts';
import { SESSION_COLUMNS, type SessionRow, sessionRow, toSession } from './rows.ts';
import { insertInto, type Sqlite } from './sql.ts';

export function sqliteSessions({ statement, write }: Sqlite): Store['sessions'] {
  return {
    async create(session) {
      await write(() =>
        refusingDuplicates(
          () => statement(insertInto('sessions', SESSION_COLUMNS)).run(sessionRow(session)),
          () => `session ${session.id}`,
        ),
      );
    },
    async byId(id) {
      const row = statement('SELECT * FROM sessions WHERE id = ?').get(id) as SessionRow | undefined;
      return row && toSession(row);
    },
    /** One UPDATE matching the token being spent: of two callers spending it, the second matches nothing. */
    async rotate(id, tokenHash, next, now) {
      const { changes } = await write(() =>
        statement(
          `UPDATE sessions SET token_hash = ?, expires_at = ?
           WHERE id = ? AND token_hash = ? AND revoked_at IS NULL AND expires_at > ?`,
        ).run(next.tokenHash, next.expiresAt, id, tokenHash, now),
      );
      return changes > 0;
    },
    async revoke(id, at) {
      await write(() => statement('UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id));
    },
    async purgeExpired(before) {
      return (await write(() => statement('DELETE FROM sessions WHERE expires_at < ?').run(before))).changes;
    },
  };
}
