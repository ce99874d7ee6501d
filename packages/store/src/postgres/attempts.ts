import { windowEnd } from '../attempts.ts';
import type { Store } from '../port.ts';
import type { Postgres } from './db.ts';
import { sql } from './sql.ts';

export function postgresAttempts(pg: Postgres): Store['attempts'] {
  return {
    /**
     * One statement: windows that have ended go, and the upsert counts this attempt. Concurrent
     * upserts of one key take turns on its row, so every caller gets its own count.
     */
    async count(key, windowMs, now) {
      const endsAt = windowEnd(windowMs, now);
      const [row] = await pg.rows<{ count: number }>(
        sql`WITH ended AS (DELETE FROM attempts WHERE ends_at <= ${now})
            INSERT INTO attempts (key, ends_at, count) VALUES (${key}, ${endsAt}, 1)
            ON CONFLICT (key, ends_at) DO UPDATE SET count = attempts.count + 1 RETURNING count`,
      );
      if (row === undefined) throw new Error(`attempt counter ${key} returned no count`);
      return { count: row.count, endsAt };
    },
  };
}
