import type { Db } from 'mongodb';
import { COLLECTION_NAMES, type Collections } from './collections.ts';
import { REPLICA_SET_REQUIRED } from './errors.ts';

/**
 * The schema, as numbered steps, recorded in the `schema_version` document. Creating a
 * collection or an index that exists already is a no-op, so every step is safe to repeat and
 * `migrate` is safe at every start. Index choices are explained in README.md. Steps are told
 * apart by version, not by being below the highest: work on branches takes numbers ahead of one
 * another, and a step that lands after a higher one still runs.
 */
export interface MongoMigration {
  readonly version: number;
  readonly name: string;
  up(db: Db, collections: Collections): Promise<void>;
}

export const MIGRATIONS: readonly MongoMigration[] = [
  {
    version: 1,
    name: 'collections and the indexes behind the named queries',
    async up(db, c) {
      await createCollections(db);

      await c.units.createIndex({ path: 1 }, { unique: true });
      await c.users.createIndex({ username: 1 }, { unique: true });
      await c.grants.createIndex({ userId: 1, role: 1, unitPath: 1 }, { unique: true });
      await c.grants.createIndex({ role: 1, unitPath: 1 });
      await c.definitions.createIndex({ key: 1, unitPath: 1, version: 1 }, { unique: true });
      await c.definitions.createIndex({ unitPath: 1, key: 1, version: 1 });

      await c.instances.createIndex({ unitPath: 1, startedAt: -1, _id: -1 });
      await c.instances.createIndex({ status: 1, unitPath: 1, startedAt: -1 });
      await c.instances.createIndex({ definitionKey: 1, unitPath: 1, startedAt: -1 });
      await c.instances.createIndex({ unitPath: 1, definitionKey: 1, businessKey: 1 });
      await c.instances.createIndex(
        { unitPath: 1, startedAt: -1 },
        { name: 'withIncidents', partialFilterExpression: { incidents: { $gt: 0 } } },
      );

      await c.tasks.createIndex({ principals: 1, status: 1, dueOrder: 1, createdAt: 1, _id: 1, unitPath: 1 });
      await c.tasks.createIndex({ principals: 1, status: 1, priorityOrder: 1, createdAt: 1, _id: 1, unitPath: 1 });
      await c.tasks.createIndex({ principals: 1, status: 1, createdAt: -1, _id: -1, unitPath: 1 });
      await c.tasks.createIndex({ instanceId: 1 });

      await c.jobs.createIndex({ kind: 1, dueAt: 1 }, { partialFilterExpression: { retries: { $gt: 0 } } });
      await c.jobs.createIndex({ kind: 1, type: 1, dueAt: 1 }, { partialFilterExpression: { retries: { $gt: 0 } } });
      await c.jobs.createIndex({ instanceId: 1, ref: 1 });
      await c.jobs.createIndex({ lockedBy: 1 }, { sparse: true });

      await c.events.createIndex({ instanceId: 1, seq: 1 });
      await c.subscriptions.createIndex({ kind: 1, name: 1, correlationKey: 1, unitPath: 1 });
      await c.comments.createIndex({ taskId: 1, at: 1 });
      await c.attachments.createIndex({ taskId: 1, at: 1 });
    },
  },
  {
    version: 2,
    name: 'open task counts, definition jobs, user lists, sessions, notices',
    async up(db, c) {
      await createCollections(db);
      await c.tasks.createIndex({ definitionKey: 1, unitPath: 1 }, { name: 'open', partialFilterExpression: { status: 'open' } });
      await c.jobs.createIndex({ definitionId: 1, ref: 1 }, { unique: true, partialFilterExpression: { definitionId: { $exists: true } } });
      await c.jobs.createIndex({ instanceId: 1, incident: 1 }, { partialFilterExpression: { incident: { $exists: true } } });
      await c.grants.createIndex({ unitPath: 1, userId: 1 });
      await c.users.createIndex({ username: 1, _id: 1 });
      await c.sessions.createIndex({ expiresAt: 1 });
      await c.notices.createIndex({ unitPath: 1, until: 1 });
    },
  },
  {
    version: 3,
    name: 'instance lists in start order across many units',
    async up(_db, c) {
      await c.instances.createIndex({ status: 1, startedAt: -1, _id: -1, unitPath: 1 });
      await c.instances.createIndex({ definitionKey: 1, startedAt: -1, _id: -1, unitPath: 1 });
    },
  },
  {
    version: 4,
    name: 'attempt counters shared by server processes',
    async up(db, c) {
      await createCollections(db);
      await c.attempts.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0 });
    },
  },
  {
    version: 5,
    name: 'no index for role holders at one unit',
    async up(_db, c) {
      await c.grants.dropIndex('role_1_unitPath_1');
    },
  },
  {
    version: 6,
    name: 'forms',
    // The indexes definitions have, for the same queries. A definition's pinned forms need no step: absent means none.
    async up(db, c) {
      await createCollections(db);
      await c.forms.createIndex({ key: 1, unitPath: 1, version: 1 }, { unique: true });
      await c.forms.createIndex({ unitPath: 1, key: 1, version: 1 });
    },
  },
  {
    version: 7,
    name: 'notifications, webhooks and their dead letters, role holders at one unit',
    // A user's list and unread count read one index each, newest first; dead letters (webhook
    // deliveries given up on, kept in jobs) are listed by type, last given up first; a group task's
    // members are a role's holders at one unit again (see step 5).
    async up(db, c) {
      await createCollections(db);
      await c.notifications.createIndex({ userId: 1, createdAt: -1, _id: -1 });
      await c.notifications.createIndex({ userId: 1, unread: 1, createdAt: -1, _id: -1 });
      await c.webhooks.createIndex({ unitPath: 1, createdAt: 1, _id: 1 });
      await c.jobs.createIndex(
        { type: 1, dueAt: -1, _id: -1, unitPath: 1 },
        { name: 'deadLetters', partialFilterExpression: { kind: 'outbox', retries: 0 } },
      );
      await c.grants.createIndex({ role: 1, unitPath: 1, userId: 1 });
    },
  },
  {
    version: 8,
    name: 'working-day calendars per unit and year',
    // `_id` keeps one per unit and year; forUnit asks for the year at the units above, list by unit range.
    async up(db, c) {
      await createCollections(db);
      await c.calendars.createIndex({ year: 1, unitPath: 1 });
      await c.calendars.createIndex({ unitPath: 1, year: 1 });
    },
  },
  {
    version: 9,
    name: 'away delegations',
    // activeFor reads a user's delegations newest first; ofUser reads them as delegator and as
    // deputy. A task's onBehalfOf is a field of its document and needs no step.
    async up(db, c) {
      await createCollections(db);
      await c.delegations.createIndex({ userId: 1, createdAt: -1, _id: -1 });
      await c.delegations.createIndex({ deputyId: 1, createdAt: -1, _id: -1 });
    },
  },
  {
    version: 10,
    name: 'notifications by instance',
    // An instance's copies (抄送) and who read them; a copied user's access to the instance.
    async up(db, c) {
      await createCollections(db);
      await c.notifications.createIndex({ instanceId: 1, kind: 1, createdAt: 1, _id: 1 });
    },
  },
  {
    version: 11,
    name: 'open tasks by due time',
    // The reminders (due soon, overdue) read the open tasks falling due in a window.
    async up(db, c) {
      await createCollections(db);
      await c.tasks.createIndex({ dueAt: 1, _id: 1 }, { partialFilterExpression: { status: 'open' } });
    },
  },
  {
    version: 12,
    name: 'objections, instances by starter',
    async up(db, c) {
      await createCollections(db);
      await c.objections.createIndex({ unitPath: 1, receivedAt: -1 });
      await c.instances.createIndex({ startedBy: 1, startedAt: -1, _id: -1 });
    },
  },
  {
    version: 13,
    name: 'templates, publications, adoptions',
    // One version per template and semver; publications read by the unit and the units above it,
    // or by unit range, newest first; one adoption per template and unit, the unique index led by
    // unitPath so within(reach) reads it in order too. A definition's start variables are a field.
    async up(db, c) {
      await createCollections(db);
      await c.templateVersions.createIndex({ templateId: 1, version: 1 }, { unique: true });
      await c.publications.createIndex({ unitPath: 1, publishedAt: -1, _id: -1 });
      await c.adoptions.createIndex({ unitPath: 1, templateId: 1 }, { unique: true });
    },
  },
  {
    version: 14,
    name: 'registers and their entries with every revision',
    // Entries listed by register in key order; revisions by entry, newest first.
    async up(db, c) {
      await createCollections(db);
      await c.registers.createIndex({ unitPath: 1, id: 1 }, { unique: true });
      await c.registerEntries.createIndex({ unitPath: 1, register: 1, key: 1 }, { unique: true });
      await c.registerRevisions.createIndex({ unitPath: 1, register: 1, key: 1, revision: -1 }, { unique: true });
    },
  },
];

/** Transactions on MongoDB before 4.4 cannot create collections, so every collection is created up front. */
async function createCollections(db: Db): Promise<void> {
  const existing = new Set((await db.listCollections({}, { nameOnly: true }).toArray()).map((info) => info.name));
  for (const name of COLLECTION_NAMES) if (!existing.has(name)) await db.createCollection(name);
}

export async function migrate(db: Db, collections: Collections): Promise<void> {
  const hello = await db.admin().command({ hello: 1 });
  if (hello.setName === undefined && hello.msg !== 'isdbgrid') throw new Error(REPLICA_SET_REQUIRED);

  const recorded = await collections.schemaVersion.findOne({ _id: 'store' });
  // Before steps were listed, the document held the highest only, and every step up to it had run.
  const applied = new Set(recorded?.applied ?? MIGRATIONS.filter((m) => m.version <= (recorded?.version ?? 0)).map((m) => m.version));
  const current = recorded?.version ?? 0;
  const latest = Math.max(0, ...MIGRATIONS.map((m) => m.version));
  if (current > latest)
    throw new Error(`the database has schema version ${current}, newer than this Shanzhi knows (${latest}): upgrade Shanzhi`);
  for (const step of [...MIGRATIONS].sort((a, b) => a.version - b.version)) {
    if (applied.has(step.version)) continue;
    await step.up(db, collections);
    applied.add(step.version);
    await collections.schemaVersion.updateOne(
      { _id: 'store' },
      { $set: { version: Math.max(...applied), applied: [...applied].sort((a, b) => a - b), name: step.name, appliedAt: Date.now() } },
      { upsert: true },
    );
  }
}
