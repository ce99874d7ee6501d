import { checkGrant } from '../checks.ts';
import { checkLimit, decodeCursor, toPage } from '../paging.ts';
import type { Store } from '../port.ts';
import { assertUnitPath, reachRanges, subtree } from '../reach.ts';
import type { OrgUnit, RoleGrant, User } from '../records.ts';
import { USER_SORT } from '../sorts.ts';
import { type Collections, documentOf, recordOf } from './collections.ts';
import { refusingDuplicates } from './errors.ts';
import { afterKey, sortSpec, withinRanges } from './filters.ts';

/** The organisation tree, users and their role grants. */

export function mongoUnits({ units }: Collections): Store['units'] {
  return {
    async put(unit) {
      assertUnitPath(unit.path);
      await refusingDuplicates(
        () => units.replaceOne({ _id: unit.id }, documentOf(unit), { upsert: true }),
        () => `unit path ${unit.path}`,
      );
    },
    async byPath(path) {
      const doc = await units.findOne({ path });
      return doc === null ? undefined : recordOf<OrgUnit>(doc);
    },
    async under(path) {
      const { from, to } = subtree(path);
      return (
        await units
          .find({ path: { $gte: from, $lt: to } })
          .sort({ path: 1 })
          .toArray()
      ).map((doc) => recordOf<OrgUnit>(doc));
    },
  };
}

export function mongoUsers({ users, grants }: Collections): Store['users'] {
  const toGrant = ({ userId, role, unitPath }: RoleGrant): RoleGrant => ({ userId, role, unitPath });
  return {
    async create(user) {
      await refusingDuplicates(
        () => users.insertOne(documentOf(user)),
        (fields) => (fields.includes('username') ? `user ${user.username}` : `user id ${user.id}`),
      );
    },
    async byUsername(username) {
      const doc = await users.findOne({ username });
      return doc === null ? undefined : recordOf<User>(doc);
    },
    async byId(id) {
      const doc = await users.findOne({ _id: id });
      return doc === null ? undefined : recordOf<User>(doc);
    },
    async setPassword(id, passwordHash) {
      const { matchedCount } = await users.updateOne({ _id: id }, { $set: { passwordHash } });
      if (matchedCount === 0) throw new Error(`user ${id} does not exist`);
    },
    async setDisabled(id, disabled) {
      const { matchedCount } = await users.updateOne({ _id: id }, { $set: { disabled } });
      if (matchedCount === 0) throw new Error(`user ${id} does not exist`);
    },
    async grant(grant) {
      checkGrant(grant);
      await grants.updateOne(toGrant(grant), { $set: toGrant(grant) }, { upsert: true });
    },
    async revoke(grant) {
      await grants.deleteOne(toGrant(grant));
    },
    async grantsOf(userId) {
      return (await grants.find({ userId }).sort({ unitPath: 1, role: 1 }).toArray()).map(toGrant);
    },
    /** Users live apart from their grants: the holders in reach first (grants by unitPath), then a page of them by username. */
    async list(query) {
      const limit = checkLimit(query.limit);
      const ranges = reachRanges(query.reach);
      if (ranges.length === 0) return { items: [] };
      const holders = await grants.distinct('userId', withinRanges('unitPath', ranges));
      const found = await users
        .find({
          _id: { $in: holders },
          ...(query.cursor === undefined ? {} : afterKey(USER_SORT, decodeCursor(USER_SORT, query.cursor))),
        })
        .sort(sortSpec(USER_SORT))
        .limit(limit + 1)
        .toArray();
      return toPage(
        found.map((doc) => recordOf<User>(doc)),
        limit,
        USER_SORT,
      );
    },
    async withRoleAt(role, unitPath) {
      const holders = await grants.distinct('userId', { role, unitPath });
      const found = await users
        .find({ _id: { $in: holders }, disabled: false })
        .sort({ username: 1 })
        .toArray();
      return found.map((doc) => recordOf<User>(doc));
    },
  };
}
