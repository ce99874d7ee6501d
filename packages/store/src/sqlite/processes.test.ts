import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { afterAll, expect, it } from 'vitest';
import { instance, job, PATH, start, T0 } from '../conformance/fixtures.ts';
import { createSqliteStore } from './index.ts';

const folder = mkdtempSync(join(tmpdir(), 'shanzhi-processes-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A claimWorker.ts process and the lines it prints. */
function startWorker(file: string, owner: string) {
  const child: ChildProcessByStdio<Writable, Readable, Readable> = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'claimWorker.ts'), file, owner, String(T0 + 10_000)],
    { cwd: import.meta.dirname, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const nextLine = async () => {
    const line = await lines.next();
    if (line.done) throw new Error(`worker ${owner} stopped early`);
    return line.value;
  };
  return { child, nextLine };
}

it('hands each due timer to exactly one of several processes sharing the database file', async () => {
  const file = join(folder, 'shanzhi.db');
  const store = createSqliteStore({ file });
  await store.migrate();
  const road = instance('inst-road', PATH.hefeng);
  const timers = Array.from({ length: 400 }, (_, i) => job(road, `timer-${String(i).padStart(3, '0')}`, { dueAt: T0 + i }));
  await start(store, road, { jobs: { add: timers } });
  await store.close();

  const workers = ['server-a', 'server-b', 'server-c'].map((owner) => startWorker(file, owner));
  try {
    for (const worker of workers) expect(await worker.nextLine()).toBe('ready');
    for (const worker of workers) worker.child.stdin.write('go\n');
    const claims = await Promise.all(workers.map(async (worker) => JSON.parse(await worker.nextLine()) as string[]));

    const all = claims.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort()).toEqual(timers.map((t) => t.id));
    expect(claims.filter((ids) => ids.length > 0).length).toBeGreaterThan(1);
  } finally {
    for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill();
    await Promise.all(workers.map((worker) => (worker.child.exitCode === null ? once(worker.child, 'exit') : undefined)));
  }
}, 60_000);
