import type { Store } from '../port.ts';
import type { Postgres } from './db.ts';
import { refusingDuplicates } from './errors.ts';
import { insertRecords, selectAll, selectOne } from './queries.ts';
import { sql } from './sql.ts';
import { DELEGATIONS } from './tables.ts';

const NEWEST_FIRST = sql`ORDER BY created_at DESC, id DESC`;

export function postgresDelegations(pg: Postgres): Store['delegations'] {
  return {
    async put(delegation) {
      await refusingDuplicates(
        () => insertRecords(pg, DELEGATIONS, [delegation]),
        () => `delegation ${delegation.id}`,
      );
    },
    async byId(id) {
      return selectOne(pg, DELEGATIONS, sql`WHERE id = ${id}`);
    },
    async end(id, at) {
      return (await pg.run(sql`UPDATE delegations SET ended_at = ${at} WHERE id = ${id} AND ended_at IS NULL`)) > 0;
    },
    async activeFor(userId, at, definitionKey) {
      return selectOne(
        pg,
        DELEGATIONS,
        sql`WHERE user_id = ${userId} AND from_at <= ${at} AND until_at > ${at} AND (ended_at IS NULL OR ended_at > ${at})
              AND (definition_key IS NULL OR definition_key = ${definitionKey})
            ${NEWEST_FIRST} LIMIT 1`,
      );
    },
    async ofUser(userId) {
      return selectAll(pg, DELEGATIONS, sql`WHERE user_id = ${userId} OR deputy_id = ${userId} ${NEWEST_FIRST}`);
    },
  };
}
