import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { buildApp } from '@shanzhi/server';
import { processXml, flow } from '@shanzhi/engine/testing';
import { openDatabase } from '../../packages/store/src/sqlite/open.ts';
import { sqliteStore } from '../../packages/store/src/sqlite/store.ts';

const [, , nArg, mode, pragmas] = process.argv;
const dir = mkdtempSync(join(tmpdir(), 'sz-bench-'));
const db = openDatabase(join(dir, 'shanzhi.db'), 'NORMAL');
for (const p of (pragmas ?? '').split(',').filter(Boolean)) db.pragma(p);
const store = sqliteStore(db, join(dir, 'files'));
const app = await buildApp({ store, jwtSecret: 'x'.repeat(32), logger: false });
await app.ready();
await store.units.put({ id: 'd', path: '/qu/', name: '区', kind: 'district' });
await store.units.put({ id: 't', path: '/qu/z01/', name: '镇', kind: 'town' });
await store.units.put({ id: 'v', path: '/qu/z01/c001/', name: '村', kind: 'village' });
const xml = processXml('review', `<startEvent id="start"/><userTask id="check" name="材料审核"><extensionElements><sz:assignment candidateGroups="clerk"/></extensionElements></userTask><endEvent id="end"/>` + flow('start','check','end'));
const dep = await app.runtime.definitions.deploy({ xml, unitPath: '/qu/z01/', deployedBy: 'x', now: Date.now(), id: randomUUID() });
if (!dep.ok) throw new Error(JSON.stringify(dep.problems));
const def = await app.runtime.definitions.byId(dep.definition.id);
const N = Number(nArg ?? 20000);
const batch = mode === 'batch' ? 500 : 1;
let t = performance.now(); const t0 = t;
for (let i = 0; i < N; i += batch) {
  if (batch > 1) db.exec('BEGIN IMMEDIATE');
  const ps = [];
  for (let j = i; j < i + batch; j++) ps.push(app.runtime.executor.start({ definition: def!, unitPath: '/qu/z01/c001/', actor: 'u1', businessKey: `BK-${j}`, variables: { applicant: '张三', j } }));
  await Promise.all(ps);
  if (batch > 1) db.exec('COMMIT');
  if ((i + batch) % 10000 === 0) { const n = performance.now(); console.log(i + batch, Math.round(10000 / ((n - t) / 1000)), '/s'); t = n; }
}
console.log('avg', Math.round(N / ((performance.now() - t0) / 1000)));
