import { checkGrant } from '../checks.ts';
import type { Store } from '../port.ts';
import { assertUnitPath, subtree } from '../reach.ts';
import type { RoleGrant } from '../records.ts';
import { refusingDuplicates } from './errors.ts';
import { toUnit, toUser, UNIT_COLUMNS, type UnitRow, USER_COLUMNS, type UserRow, unitRow, userRow } from './rows.ts';
import { insertInto, type Sqlite } from './sql.ts';

/** The organisation tree, users and their role grants. */

export function sqliteUnits({ statement }: Sqlite): Store['units'] {
  return {
    async put(unit) {
      assertUnitPath(unit.path);
      refusingDuplicates(
        () =>
          statement(
            `${insertInto('units', UNIT_COLUMNS)} ON CONFLICT (id) DO UPDATE SET path = excluded.path, name = excluded.name, kind = excluded.kind`,
          ).run(unitRow(unit)),
        () => `unit path ${unit.path}`,
      );
    },
    async byPath(path) {
      const row = statement('SELECT * FROM units WHERE path = ?').get(path) as UnitRow | undefined;
      return row && toUnit(row);
    },
    async under(path) {
      const { from, to } = subtree(path);
      return (statement('SELECT * FROM units WHERE path >= ? AND path < ? ORDER BY path').all(from, to) as UnitRow[]).map(toUnit);
    },
  };
}

export function sqliteUsers({ statement }: Sqlite): Store['users'] {
  return {
    async create(user) {
      refusingDuplicates(
        () => statement(insertInto('users', USER_COLUMNS)).run(userRow(user)),
        (key) => (key === 'users.username' ? `user ${user.username}` : `user id ${user.id}`),
      );
    },
    async byUsername(username) {
      const row = statement('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
      return row && toUser(row);
    },
    async byId(id) {
      const row = statement('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
      return row && toUser(row);
    },
    async setPassword(id, passwordHash) {
      const { changes } = statement('UPDATE users SET password_hash = ? WHERE id = ?').run(passwordHash, id);
      if (changes === 0) throw new Error(`user ${id} does not exist`);
    },
    async grant(grant) {
      checkGrant(grant);
      statement('INSERT OR IGNORE INTO role_grants (user_id, role, unit_path) VALUES (?, ?, ?)').run(
        grant.userId,
        grant.role,
        grant.unitPath,
      );
    },
    async revoke(grant) {
      statement('DELETE FROM role_grants WHERE user_id = ? AND role = ? AND unit_path = ?').run(grant.userId, grant.role, grant.unitPath);
    },
    async grantsOf(userId) {
      return statement(
        'SELECT user_id AS userId, role, unit_path AS unitPath FROM role_grants WHERE user_id = ? ORDER BY unit_path, role',
      ).all(userId) as RoleGrant[];
    },
    async withRole(role, unitPath) {
      const rows = statement(
        `SELECT u.* FROM role_grants g JOIN users u ON u.id = g.user_id
         WHERE g.role = ? AND g.unit_path = ? AND u.disabled = 0 ORDER BY u.username`,
      ).all(role, unitPath) as UserRow[];
      return rows.map(toUser);
    },
  };
}
