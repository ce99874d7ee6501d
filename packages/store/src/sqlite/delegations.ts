import type { Store } from '../port.ts';
import { refusingDuplicates } from './errors.ts';
import { DELEGATION_COLUMNS, type DelegationRow, delegationRow, toDelegation } from './rows.ts';
import { insertInto, type Sqlite } from './sql.ts';

const ACTIVE = `SELECT * FROM delegations
  WHERE user_id = ? AND from_at <= ? AND until_at > ? AND (ended_at IS NULL OR ended_at > ?)
    AND (definition_key IS NULL OR definition_key = ?)
  ORDER BY created_at DESC, id DESC LIMIT 1`;

const OF_USER = `SELECT * FROM delegations WHERE user_id = ?
  UNION SELECT * FROM delegations WHERE deputy_id = ?
  ORDER BY created_at DESC, id DESC`;

export function sqliteDelegations({ statement, write }: Sqlite): Store['delegations'] {
  return {
    async put(delegation) {
      await write(() =>
        refusingDuplicates(
          () => statement(insertInto('delegations', DELEGATION_COLUMNS)).run(delegationRow(delegation)),
          () => `delegation ${delegation.id}`,
        ),
      );
    },
    async byId(id) {
      const row = statement('SELECT * FROM delegations WHERE id = ?').get(id) as DelegationRow | undefined;
      return row && toDelegation(row);
    },
    async end(id, at) {
      const { changes } = await write(() => statement('UPDATE delegations SET ended_at = ? WHERE id = ? AND ended_at IS NULL').run(at, id));
      return changes > 0;
    },
    async activeFor(userId, at, definitionKey) {
      const row = statement(ACTIVE).get(userId, at, at, at, definitionKey) as DelegationRow | undefined;
      return row && toDelegation(row);
    },
    async ofUser(userId) {
      return (statement(OF_USER).all(userId, userId) as DelegationRow[]).map(toDelegation);
    },
  };
}
