import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { DEFINITION, FORM, instance, job, PATH, start, T0, USERS } from '../conformance/fixtures.ts';
import { MIGRATIONS, schemaVersion } from './migrations.ts';
import { openDatabase } from './open.ts';
import { sqliteStore } from './store.ts';

const folder = mkdtempSync(join(tmpdir(), 'shanzhi-migrations-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const LATEST = Math.max(...MIGRATIONS.map((m) => m.version));

/** A database as a Shanzhi that knew only the steps `known` accepts left it. */
function databaseWith(known: (version: number) => boolean) {
  const db = openDatabase(':memory:');
  db.exec('CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT');
  for (const step of MIGRATIONS.filter((m) => known(m.version))) {
    db.exec(step.sql);
    db.prepare('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)').run(step.version, step.name, T0);
  }
  return db;
}

/** A database as a Shanzhi that knew the steps up to `version` left it. */
const databaseAt = (version: number) => databaseWith((v) => v <= version);

it('upgrades a database of the first schema without losing its jobs', async () => {
  const db = databaseAt(1);
  const road = instance('inst-road', PATH.hefeng);
  db.prepare(
    `INSERT INTO instances (id, definition_id, definition_key, unit_path, status, version, state, started_at, started_by, incidents, chain_seq, chain_hash)
     VALUES (?, ?, ?, ?, 'active', 1, ?, ?, ?, 0, 0, ?)`,
  ).run(road.id, road.definitionId, road.definitionKey, road.unitPath, JSON.stringify(road.state), T0, road.startedBy, '0'.repeat(64));
  db.prepare(
    `INSERT INTO jobs (id, kind, type, instance_id, unit_path, ref, due_at, retries, payload, locked_by, locked_until, created_at)
     VALUES ('timer-deadline', 'timer', 'timer', ?, ?, 'timer-deadline', ?, 3, '{}', 'server-a', ?, ?)`,
  ).run(road.id, road.unitPath, T0, T0 + 1, T0);

  const store = sqliteStore(db, join(folder, 'files'));
  await store.migrate();
  expect(schemaVersion(db)).toBe(LATEST);
  expect(await store.jobs.byId('timer-deadline')).toEqual(job(road, 'timer-deadline', { lockedBy: 'server-a', lockedUntil: T0 + 1 }));
  const well = instance('inst-well', PATH.honggang);
  await start(store, well, { jobs: { add: [job(well, 'timer-well')] } });
  expect((await store.jobs.ofInstance(well.id)).map((j) => j.id)).toEqual(['timer-well']);
  await store.close();
});

/** The town's proposal form, deployed after an upgrade to show the forms table is there. */
function proposalForm() {
  return {
    id: 'proposal-town-1',
    key: FORM.proposal,
    unitPath: PATH.town,
    title: '提议',
    schema: { type: 'object' },
    deployedAt: T0,
    deployedBy: USERS.townOfficial.id,
  };
}

it('upgrades a database of the schema before forms, keeping its definitions, which pin no forms', async () => {
  const db = databaseAt(6);
  const fields = {
    key: DEFINITION.majorMatters,
    unitPath: PATH.town,
    name: '重要事项“四议两公开”',
    xml: '<definitions><process id="major-matters" isExecutable="true"/></definitions>',
    deployedAt: T0,
    deployedBy: USERS.townOfficial.id,
  };
  const deployed = { ...fields, id: 'major-matters-town-1', version: 1 };
  db.prepare(
    `INSERT INTO definitions (id, key, version, unit_path, name, xml, deployed_at, deployed_by)
     VALUES (@id, @key, @version, @unitPath, @name, @xml, @deployedAt, @deployedBy)`,
  ).run(deployed);

  const store = sqliteStore(db, join(folder, 'files-before-forms'));
  await store.migrate();
  expect(schemaVersion(db)).toBe(LATEST);
  expect(await store.definitions.byId(deployed.id)).toStrictEqual(deployed);
  const next = await store.definitions.deploy({ ...fields, id: 'major-matters-town-2', forms: { [FORM.proposal]: 'proposal-town-1' } });
  expect(next.version).toBe(2);
  expect(await store.definitions.byId(next.id)).toStrictEqual(next);
  expect((await store.forms.deploy(proposalForm())).version).toBe(1);
  await store.close();
});

it('upgrades a database of the schema before calendars, which then keeps a unit’s year', async () => {
  const db = databaseAt(7);
  const store = sqliteStore(db, join(folder, 'files-before-calendars'));
  await store.migrate();
  expect(schemaVersion(db)).toBe(LATEST);
  const national = {
    unitPath: '/',
    year: 2026,
    holidays: ['2026-10-01'],
    workdays: ['2026-10-10'],
    updatedAt: T0,
    updatedBy: 'system:calendar',
  };
  await store.calendars.put(national);
  expect(await store.calendars.forUnit(PATH.hefeng, 2026)).toStrictEqual(national);
  await store.close();
});

it('runs a step that lands after a higher one: a database with every step but the forms one gets it', async () => {
  const db = databaseWith((v) => v !== 7);
  const store = sqliteStore(db, join(folder, 'files-gap'));
  await store.migrate();
  const steps = (db.prepare('SELECT version FROM schema_version ORDER BY version').all() as { version: number }[]).map((r) => r.version);
  expect(steps).toEqual(MIGRATIONS.map((m) => m.version).sort((a, b) => a - b));
  expect((await store.forms.deploy(proposalForm())).version).toBe(1);
  await store.close();
});

it('upgrades a database of the schema before notifications: its grants name a role’s holders at a unit, and notifications and webhooks are kept', async () => {
  const db = databaseAt(7);
  const clerk = USERS.hefengClerk;
  db.prepare(`INSERT INTO users (id, username, display_name, disabled, created_at) VALUES (?, ?, ?, 0, ?)`).run(
    clerk.id,
    clerk.username,
    clerk.displayName,
    T0,
  );
  db.prepare(`INSERT INTO role_grants (user_id, role, unit_path) VALUES (?, 'clerk', ?)`).run(clerk.id, PATH.hefeng);

  const store = sqliteStore(db, join(folder, 'files-before-notifications'));
  await store.migrate();
  expect(schemaVersion(db)).toBe(LATEST);
  expect(await store.users.withRoleAt('clerk', PATH.hefeng)).toEqual([clerk]);
  await store.notifications.add([
    { id: 'n-1', userId: clerk.id, kind: 'cc', unitPath: PATH.hefeng, title: '抄送：村民代表会议通知', createdAt: T0 },
  ]);
  expect(await store.notifications.unreadCount(clerk.id)).toBe(1);
  const webhook = {
    id: 'wh-1',
    unitPath: PATH.town,
    url: 'http://10.20.0.5/sz',
    secret: 's',
    enabled: true,
    createdAt: T0,
    createdBy: clerk.id,
  };
  await store.webhooks.put(webhook);
  expect(await store.webhooks.forUnit(PATH.hefeng)).toEqual([webhook]);
  await store.close();
});

it('upgrades a database of the schema before templates: its definitions carry no variables, and templates and adoptions are kept', async () => {
  const db = databaseAt(14);
  const fields = {
    key: DEFINITION.majorMatters,
    unitPath: PATH.hefeng,
    name: '重要事项“四议两公开”',
    xml: '<definitions><process id="major-matters" isExecutable="true"/></definitions>',
    deployedAt: T0,
    deployedBy: USERS.hefengClerk.id,
  };
  const deployed = { ...fields, id: 'major-matters-hefeng-1', version: 1 };
  db.prepare(
    `INSERT INTO definitions (id, key, version, unit_path, name, xml, deployed_at, deployed_by)
     VALUES (@id, @key, @version, @unitPath, @name, @xml, @deployedAt, @deployedBy)`,
  ).run(deployed);

  const store = sqliteStore(db, join(folder, 'files-before-templates'));
  await store.migrate();
  expect(schemaVersion(db)).toBe(LATEST);
  expect(await store.definitions.byId(deployed.id)).toStrictEqual(deployed);
  const adopted = await store.definitions.deploy({ ...fields, id: 'major-matters-hefeng-2', variables: { 公示天数: 5 } });
  expect(adopted.version).toBe(2);
  expect(await store.definitions.byId(adopted.id)).toStrictEqual({ ...fields, id: adopted.id, version: 2, variables: { 公示天数: 5 } });
  const version = {
    id: 'major-matters@1.0.0',
    templateId: DEFINITION.majorMatters,
    version: '1.0.0',
    package: { manifest: { name: '重要事项“四议两公开”' } },
    importedAt: T0,
    importedBy: 'system:templates',
  };
  await store.templates.putVersion(version);
  expect(await store.templates.versions()).toStrictEqual([version]);
  const adoption = {
    id: 'adoption-hefeng',
    templateId: DEFINITION.majorMatters,
    unitPath: PATH.hefeng,
    revision: 1,
    publicationId: 'pub-lishui-1',
    overlay: {},
    deployments: [],
    createdAt: T0,
    updatedAt: T0,
    updatedBy: USERS.hefengClerk.id,
  };
  await store.adoptions.save(adoption, null);
  expect(await store.adoptions.within([PATH.town])).toStrictEqual([adoption]);
  await store.close();
});
