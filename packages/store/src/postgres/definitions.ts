import type { Store } from '../port.ts';
import type { Postgres } from './db.ts';
import { selectOne } from './queries.ts';
import { sql } from './sql.ts';
import { DEFINITIONS } from './tables.ts';
import { postgresVersioned } from './versioned.ts';

export function postgresDefinitions(pg: Postgres): Store['definitions'] {
  return {
    ...postgresVersioned(pg, { ...DEFINITIONS, noun: 'definition' }),
    async latest(key, unitPath) {
      return selectOne(pg, DEFINITIONS, sql`WHERE key = ${key} AND unit_path = ${unitPath} ORDER BY version DESC LIMIT 1`);
    },
  };
}
