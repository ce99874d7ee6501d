import { checkGrant } from '../checks.ts';
import { checkLimit, decodeCursor, toPage } from '../paging.ts';
import type { Store } from '../port.ts';
import { assertUnitPath, reachRanges, subtree } from '../reach.ts';
import type { RoleGrant } from '../records.ts';
import { USER_SORT } from '../sorts.ts';
import { sortColumns } from '../sqlText.ts';
import type { Postgres } from './db.ts';
import { refusingDuplicates } from './errors.ts';
import { insertRecords, selectAll, selectOne } from './queries.ts';
import { afterKey, orderBy, type Sql, sql, whereAll, withinRanges } from './sql.ts';
import { recordOf, UNITS, USERS } from './tables.ts';

const USER_ORDER = sortColumns(USER_SORT, { username: 'username', id: 'id' }, '');

/** The organisation tree, users and their role grants. */

export function postgresUnits(pg: Postgres): Store['units'] {
  return {
    async put(unit) {
      assertUnitPath(unit.path);
      await refusingDuplicates(
        () =>
          insertRecords(
            pg,
            UNITS,
            [unit],
            sql` ON CONFLICT (id) DO UPDATE SET path = excluded.path, name = excluded.name, kind = excluded.kind`,
          ),
        () => `unit path ${unit.path}`,
      );
    },
    async byPath(path) {
      return selectOne(pg, UNITS, sql`WHERE path = ${path}`);
    },
    async under(path) {
      const { from, to } = subtree(path);
      return selectAll(pg, UNITS, sql`WHERE path >= ${from} AND path < ${to} ORDER BY path`);
    },
  };
}

export function postgresUsers(pg: Postgres): Store['users'] {
  return {
    async create(user) {
      await refusingDuplicates(
        () => insertRecords(pg, USERS, [user]),
        ({ constraint }) => (constraint === 'users_username_key' ? `user ${user.username}` : `user id ${user.id}`),
      );
    },
    async byUsername(username) {
      return selectOne(pg, USERS, sql`WHERE username = ${username}`);
    },
    async byId(id) {
      return selectOne(pg, USERS, sql`WHERE id = ${id}`);
    },
    async setPassword(id, passwordHash) {
      if ((await pg.run(sql`UPDATE users SET password_hash = ${passwordHash} WHERE id = ${id}`)) === 0) {
        throw new Error(`user ${id} does not exist`);
      }
    },
    async setDisabled(id, disabled) {
      if ((await pg.run(sql`UPDATE users SET disabled = ${disabled} WHERE id = ${id}`)) === 0) throw new Error(`user ${id} does not exist`);
    },
    async grant(grant) {
      checkGrant(grant);
      await pg.run(
        sql`INSERT INTO role_grants (user_id, role, unit_path) VALUES (${grant.userId}, ${grant.role}, ${grant.unitPath}) ON CONFLICT DO NOTHING`,
      );
    },
    async revoke(grant) {
      await pg.run(sql`DELETE FROM role_grants WHERE user_id = ${grant.userId} AND role = ${grant.role} AND unit_path = ${grant.unitPath}`);
    },
    async grantsOf(userId) {
      return pg.rows<RoleGrant>(
        sql`SELECT user_id AS "userId", role, unit_path AS "unitPath" FROM role_grants WHERE user_id = ${userId} ORDER BY unit_path, role`,
      );
    },
    /** Walks users in username order, keeping those with a grant in reach (role_grants_by_path answers each check). */
    async list(query) {
      const limit = checkLimit(query.limit);
      const ranges = reachRanges(query.reach);
      if (ranges.length === 0) return { items: [] };
      const conditions: Sql[] = [
        sql`EXISTS (SELECT 1 FROM role_grants g WHERE g.user_id = users.id AND ${withinRanges('g.unit_path', ranges)})`,
      ];
      if (query.cursor !== undefined) conditions.push(afterKey(USER_ORDER, USER_SORT.direction, decodeCursor(USER_SORT, query.cursor)));
      const users = await selectAll(
        pg,
        USERS,
        sql`WHERE ${whereAll(conditions)} ${orderBy(USER_ORDER, USER_SORT.direction)} LIMIT ${limit + 1}`,
      );
      return toPage(users, limit, USER_SORT);
    },
    async withRoleAt(role, unitPath) {
      const rows = await pg.rows<Record<string, unknown>>(
        sql`SELECT users.* FROM role_grants g JOIN users ON users.id = g.user_id
            WHERE g.role = ${role} AND g.unit_path = ${unitPath} AND NOT users.disabled ORDER BY users.username`,
      );
      return rows.map((row) => recordOf(USERS, row));
    },
  };
}
