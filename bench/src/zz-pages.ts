import { randomUUID } from 'node:crypto';
import { openLoader, tempDataDir, deploy, userTaskXml, putUnit } from './durable/seed.ts';
const data = tempDataDir('pages');
const l = await openLoader(data.file);
await putUnit(l.store, '/nanhai/', 'd', 'district'); await putUnit(l.store, '/nanhai/z01/', 't', 'town'); await putUnit(l.store, '/nanhai/z01/c01/', 'v', 'village');
const def = await deploy(l.runtime, userTaskXml('review', 'r', '审核', 'candidateGroups="clerk"'), '/nanhai/z01/');
for (const ix of (process.argv[2] ?? '').split(',').filter(Boolean)) l.db.exec(`DROP INDEX ${ix}`);
// warm: 20000 instances so the trees are several levels deep
await l.inBatches(0, 20000, 500, (i) => l.runtime.executor.start({ definition: def, unitPath: '/nanhai/z01/c01/', actor: 'u', businessKey: `W${i}`, variables: { applicant: '张三', subsidy: 1200, n: i } }));
l.db.pragma('wal_checkpoint(TRUNCATE)');
l.db.pragma('wal_autocheckpoint=0');
const frames = () => (l.db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[])[0]!.log;
l.db.pragma('wal_checkpoint(TRUNCATE)');
const ids: string[] = [];
const N = 200;
for (let i = 0; i < N; i++) { const o = await l.runtime.executor.start({ definition: def, unitPath: '/nanhai/z01/c01/', actor: 'u', businessKey: `S${i}`, variables: { applicant: '张三', subsidy: 1200, n: i } }); if (o.ok) ids.push(o.record.id); }
const f1 = frames();
console.log('frames per start commit', f1 / N);
l.db.pragma('wal_checkpoint(TRUNCATE)');
for (const id of ids) { const t = (await l.store.tasks.ofInstance(id))[0]!; await l.runtime.executor.run(id, { type: 'completeUserTask', key: t.key, actor: 'u', variables: { approved: true } }, { actor: 'u', internal: false }); }
console.log('frames per complete commit', frames() / N);
const ev = l.db.prepare('select count(*) c, avg(length(event)) b from events').get(); console.log('events', ev);
console.log(l.db.prepare("select count(*) c from inbox_entries").get(), l.db.prepare("select avg(length(state)) s from instances").get());
await l.close(); data.dispose();
