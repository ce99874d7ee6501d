/**
 * A server process's timer loop, cut down for processes.test.ts: opens the shared database
 * file, says "ready", waits for a line on stdin so that all workers start together, then claims
 * due timers one at a time (pausing a moment after each, as if firing it) until none are left,
 * and prints the ids it got.
 * Usage: node --import tsx claimWorker.ts <database file> <owner> <now>
 */
import { once } from 'node:events';
import { setTimeout as pause } from 'node:timers/promises';
import { createSqliteStore } from './index.ts';

const [file, owner, now] = process.argv.slice(2);
if (file === undefined || owner === undefined || now === undefined) throw new Error('usage: claimWorker.ts <file> <owner> <now>');
const store = createSqliteStore({ file, synchronous: 'NORMAL' });
process.stdout.write('ready\n');
await once(process.stdin, 'data');
// Nothing but the store keeps the process alive from here: closing it must finish by itself.
process.stdin.destroy();
const claimed: string[] = [];
for (;;) {
  const jobs = await store.jobs.claimDue(['timer'], owner, Number(now), 60_000, 1);
  if (jobs.length === 0) break;
  claimed.push(...jobs.map((job) => job.id));
  await pause(2);
}
await store.close();
process.stdout.write(`${JSON.stringify(claimed)}\n`);
