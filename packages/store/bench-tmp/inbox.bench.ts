import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { instance, task } from '../src/conformance/fixtures.ts';
import type { InboxQuery } from '../src/port.ts';
import { createSqliteStore } from '../src/sqlite/index.ts';

const folder = mkdtempSync(join(tmpdir(), 'bench-'));
const file = join(folder, 'shanzhi.db');
const store = createSqliteStore({ file, synchronous: 'NORMAL' });
await store.migrate();

const towns = Array.from({ length: 10 }, (_, t) => `/nanhai/town${t}/`);
const villages = towns.flatMap((town) => Array.from({ length: 30 }, (_, v) => `${town}village${v}/`));
let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;

const T0 = Date.UTC(2025, 0, 1);
const started = performance.now();
let tasks = 0;
const TASKS = Number(process.env.TASKS ?? 100_000);
for (let i = 0; tasks < TASKS; i++) {
  const unit = pick(villages);
  const town = `/${unit.split('/')[1]}/${unit.split('/')[2]}/`;
  const inst = instance(`inst-${i}`, unit, { businessKey: `BK-${i}`, startedAt: T0 + i * 1000 });
  const upsert = [0, 1].map((k) => {
    const r = random();
    const who =
      r < 0.55
        ? { candidateGroups: [`两委@${unit}`] }
        : r < 0.75
          ? { assignee: `clerk@${unit}` }
          : r < 0.9
            ? { candidateUsers: [`clerk@${unit}`, `member${Math.floor(random() * 5)}@${unit}`] }
            : { candidateGroups: [`综治办@${town}`] };
    return task(inst, `t${k}`, {
      ...who,
      name: pick(['两委会商议', '村民代表会议表决', '决议公开', '出租屋登记核查']),
      priority: pick([20, 50, 80]),
      ...(random() < 0.7 ? { dueAt: T0 + Math.floor(random() * 90) * 86_400_000 } : {}),
      createdAt: T0 + i * 1000 + k,
    });
  });
  await store.commit({ instance: inst, expectedVersion: null, events: [], tasks: { upsert } });
  tasks += upsert.length;
}
console.log(`seeded ${tasks} open tasks over ${villages.length} villages in ${((performance.now() - started) / 1000).toFixed(1)} s`);

const village = villages[7]!;
const town = towns[3]!;
const readers: Record<string, Omit<InboxQuery, 'limit'>> = {
  'village clerk (all scopes)': { userId: `clerk@${village}`, groups: [`两委@${village}`], reach: [village] },
  'village clerk, group scope, due sort': {
    userId: `clerk@${village}`,
    groups: [`两委@${village}`],
    reach: [village],
    scope: 'group',
    sort: 'due',
  },
  'town official, 30 village groups + town group': {
    userId: `official@${town}`,
    groups: [...villages.filter((v) => v.startsWith(town)).map((v) => `两委@${v}`), `综治办@${town}`],
    reach: [town],
  },
  'town-wide group only (≈1,000 tasks), priority sort': {
    userId: `x@${town}`,
    groups: [`综治办@${town}`],
    reach: [town],
    sort: 'priority',
  },
  'district reach, text filter': { userId: `official@${town}`, groups: [`综治办@${town}`], reach: ['/nanhai/'], text: '表决' },
};

const measure = async (query: InboxQuery) => {
  for (let i = 0; i < 20; i++) await store.tasks.inbox(query);
  const times: number[] = [];
  for (let i = 0; i < 300; i++) {
    const t = performance.now();
    await store.tasks.inbox(query);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: times[150]!, p99: times[297]! };
};

for (const [name, reader] of Object.entries(readers)) {
  const first = await store.tasks.inbox({ ...reader, limit: 50 });
  const page1 = await measure({ ...reader, limit: 50 });
  const page2 = first.next ? await measure({ ...reader, limit: 50, cursor: first.next }) : undefined;
  console.log(
    `${name}: ${first.items.length} on page 1; page 1 p50 ${page1.p50.toFixed(2)} ms p99 ${page1.p99.toFixed(2)} ms` +
      (page2 ? `; page 2 p50 ${page2.p50.toFixed(2)} ms p99 ${page2.p99.toFixed(2)} ms` : ''),
  );
}
await store.close();

const db = new Database(file, { readonly: true });
const sizes = db.prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC LIMIT 8').all();
console.log(sizes);
console.log(db.prepare('SELECT count(*) n FROM inbox_entries').get());
console.log(
  db
    .prepare(
      'EXPLAIN QUERY PLAN SELECT e.due_order, e.created_at, e.task_id FROM inbox_entries e WHERE e.principal = ? AND e.status = ? AND ((e.unit_path >= ? AND e.unit_path < ?)) AND (e.due_order, e.created_at, e.task_id) > (?, ?, ?) ORDER BY e.due_order ASC, e.created_at ASC, e.task_id ASC LIMIT 51',
    )
    .all('x', 'open', '/a/', '/a0', 1, 1, 'x'),
);
db.close();
rmSync(folder, { recursive: true, force: true });
