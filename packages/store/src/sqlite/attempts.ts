import { windowEnd } from '../attempts.ts';
import type { Store } from '../port.ts';
import type { Sqlite } from './sql.ts';

export function sqliteAttempts({ statement, write }: Sqlite): Store['attempts'] {
  return {
    async count(key, windowMs, now) {
      const endsAt = windowEnd(windowMs, now);
      return write(() => {
        statement('DELETE FROM attempts WHERE ends_at <= ?').run(now);
        const { count } = statement(
          'INSERT INTO attempts (key, ends_at, count) VALUES (?, ?, 1) ON CONFLICT (key, ends_at) DO UPDATE SET count = count + 1 RETURNING count',
        ).get(key, endsAt) as { count: number };
        return { count, endsAt };
      });
    },
  };
}
