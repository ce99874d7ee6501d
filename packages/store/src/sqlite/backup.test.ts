import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { sha256Hex } from '../attachments.ts';
import { instance, PATH, start, T0, task, USERS } from '../conformance/fixtures.ts';
import { createSqliteStore, restoreSqliteBackup } from './index.ts';

const folder = mkdtempSync(join(tmpdir(), 'shanzhi-backup-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const dir = (name: string) => {
  mkdirSync(join(folder, name), { recursive: true });
  return join(folder, name);
};

it('backs up a store in use with its attachments, and restores it elsewhere', async () => {
  const live = createSqliteStore({ file: join(dir('live'), 'shanzhi.db') });
  await live.migrate();
  const road = instance('inst-road', PATH.hefeng);
  const deliberation = task(road, '3');
  await start(live, road, { tasks: { upsert: [deliberation] } });
  const minutes = new TextEncoder().encode('鹤峰村两委会议纪要');
  const meta = {
    id: 'att-minutes',
    taskId: deliberation.id,
    instanceId: road.id,
    unitPath: PATH.hefeng,
    fileName: '会议纪要.txt',
    contentType: 'text/plain',
    size: minutes.byteLength,
    sha256: sha256Hex(minutes),
    uploadedBy: USERS.hefengClerk.id,
    at: T0,
  };
  await live.attachments.add(meta, minutes);

  const backupFile = join(dir('backups/2025-03-03'), 'shanzhi.db');
  await live.backup(backupFile);
  await live.commit({ instance: road, expectedVersion: 1, events: [] });
  await live.close();

  const restoredFile = join(dir('restored'), 'shanzhi.db');
  await restoreSqliteBackup(backupFile, restoredFile);
  const restored = createSqliteStore({ file: restoredFile });
  await restored.migrate();
  expect((await restored.instances.byId(road.id))?.version).toBe(1);
  expect(await restored.events.verify()).toBeUndefined();
  expect(await restored.attachments.content('att-minutes')).toEqual(minutes);
  await restored.close();
});

it('refuses to restore from a file that is not a Shanzhi backup', async () => {
  const junk = join(dir('junk'), 'notes.db');
  writeFileSync(junk, '');
  await expect(restoreSqliteBackup(junk, join(dir('junk-target'), 'shanzhi.db'))).rejects.toThrow(/not a Shanzhi database/);
  await expect(restoreSqliteBackup(join(folder, 'missing.db'), join(folder, 'x.db'))).rejects.toThrow(/does not exist/);
});
