import { processXml, flow } from '@shanzhi/engine/testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '@shanzhi/server';
import { createSqliteStore } from '@shanzhi/store/sqlite';
import { randomUUID } from 'node:crypto';

const dir = mkdtempSync(join(tmpdir(), 'sz-bench-'));
const store = createSqliteStore({ file: join(dir, 'shanzhi.db'), synchronous: 'NORMAL' });
const app = await buildApp({ store, jwtSecret: 'x'.repeat(32), logger: false });
await app.ready();
await store.units.put({ id: 'd', path: '/qu/', name: '区', kind: 'district' });
await store.units.put({ id: 't', path: '/qu/z01/', name: '镇', kind: 'town' });
await store.units.put({ id: 'v', path: '/qu/z01/c001/', name: '村', kind: 'village' });
const xml = processXml('review', `<startEvent id="start"/><userTask id="check" name="材料审核"><extensionElements><sz:assignment candidateGroups="clerk"/></extensionElements></userTask><endEvent id="end"/>` + flow('start','check','end'));
const dep = await app.runtime.definitions.deploy({ xml, unitPath: '/qu/z01/', deployedBy: 'x', now: Date.now(), id: randomUUID() });
if (!dep.ok) throw new Error(JSON.stringify(dep.problems));
const def = await app.runtime.definitions.byId(dep.definition.id);
const N = Number(process.argv[2] ?? 20000);
let t = performance.now();
for (let i = 0; i < N; i++) {
  const out = await app.runtime.executor.start({ definition: def!, unitPath: '/qu/z01/c001/', actor: 'u1', businessKey: `BK-${i}`, variables: { applicant: '张三', i } });
  if (!out.ok) throw new Error('x');
  if ((i + 1) % 10000 === 0) { const n = performance.now(); console.log(i + 1, Math.round(10000 / ((n - t) / 1000)), '/s'); t = n; }
}
