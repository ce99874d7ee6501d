import { checkGrant } from '../checks.ts';
import { checkLimit, decodeCursor, toPage } from '../paging.ts';
import type { Store } from '../port.ts';
import { assertUnitPath, reachRanges, subtree } from '../reach.ts';
import type { RoleGrant } from '../records.ts';
import { USER_SORT } from '../sorts.ts';
import { refusingDuplicates } from './errors.ts';
import { toUnit, toUser, UNIT_COLUMNS, type UnitRow, USER_COLUMNS, type UserRow, unitRow, userRow } from './rows.ts';
import { afterKey, type Condition, insertInto, orderBy, type Sqlite, sortColumns, whereAll, withinRanges } from './sql.ts';

const USER_ORDER = sortColumns(USER_SORT, { username: 'username', id: 'id' }, '');

/** The organisation tree, users and their role grants. */

export function sqliteUnits({ statement, write }: Sqlite): Store['units'] {
  return {
    async put(unit) {
      assertUnitPath(unit.path);
      await write(() =>
        refusingDuplicates(
          () =>
            statement(
              `${insertInto('units', UNIT_COLUMNS)} ON CONFLICT (id) DO UPDATE SET path = excluded.path, name = excluded.name, kind = excluded.kind`,
            ).run(unitRow(unit)),
          () => `unit path ${unit.path}`,
        ),
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

export function sqliteUsers({ statement, write }: Sqlite): Store['users'] {
  return {
    async create(user) {
      await write(() =>
        refusingDuplicates(
          () => statement(insertInto('users', USER_COLUMNS)).run(userRow(user)),
          (key) => (key === 'users.username' ? `user ${user.username}` : `user id ${user.id}`),
        ),
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
      const { changes } = await write(() => statement('UPDATE users SET password_hash = ? WHERE id = ?').run(passwordHash, id));
      if (changes === 0) throw new Error(`user ${id} does not exist`);
    },
    async setDisabled(id, disabled) {
      const { changes } = await write(() => statement('UPDATE users SET disabled = ? WHERE id = ?').run(disabled ? 1 : 0, id));
      if (changes === 0) throw new Error(`user ${id} does not exist`);
    },
    async grant(grant) {
      checkGrant(grant);
      await write(() =>
        statement('INSERT OR IGNORE INTO role_grants (user_id, role, unit_path) VALUES (?, ?, ?)').run(
          grant.userId,
          grant.role,
          grant.unitPath,
        ),
      );
    },
    async revoke(grant) {
      await write(() =>
        statement('DELETE FROM role_grants WHERE user_id = ? AND role = ? AND unit_path = ?').run(grant.userId, grant.role, grant.unitPath),
      );
    },
    async grantsOf(userId) {
      // Read in key order and sorted here: a user has a handful of grants, and SQLite's sorter costs more than they do.
      const grants = statement('SELECT user_id AS userId, role, unit_path AS unitPath FROM role_grants WHERE user_id = ?').all(
        userId,
      ) as RoleGrant[];
      return grants.sort((a, b) => compare(a.unitPath, b.unitPath) || compare(a.role, b.role));
    },
    /** Walks users in username order, keeping those with a grant in reach (role_grants_by_path answers each check). */
    async list(query) {
      const limit = checkLimit(query.limit);
      const ranges = reachRanges(query.reach);
      if (ranges.length === 0) return { items: [] };
      const within = withinRanges('g.unit_path', ranges);
      const conditions: Condition[] = [
        { sql: `EXISTS (SELECT 1 FROM role_grants g WHERE g.user_id = users.id AND ${within.sql})`, params: within.params },
      ];
      if (query.cursor !== undefined) conditions.push(afterKey(USER_ORDER, USER_SORT.direction, decodeCursor(USER_SORT, query.cursor)));
      const where = whereAll(conditions);
      const rows = statement(`SELECT * FROM users WHERE ${where.sql} ${orderBy(USER_ORDER, USER_SORT.direction)} LIMIT ?`).all(
        ...where.params,
        limit + 1,
      ) as UserRow[];
      return toPage(rows.map(toUser), limit, USER_SORT);
    },
    async withRoleAt(role, unitPath) {
      const rows = statement(
        `SELECT users.* FROM role_grants g JOIN users ON users.id = g.user_id
         WHERE g.role = ? AND g.unit_path = ? AND users.disabled = 0 ORDER BY users.username`,
      ).all(role, unitPath) as UserRow[];
      return rows.map(toUser);
    },
  };
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
