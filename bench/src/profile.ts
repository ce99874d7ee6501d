/**
 * `pnpm --filter @shanzhi/bench profile [process] [--host core|runtime|peer] [--time 5000]`:
 * runs our engine (or, with `--host peer`, bpmn-engine) on one benchmark process under
 * `node --cpu-prof` in a child process, then
 * prints where the time goes: functions and files by self time. The raw .cpuprofile is kept
 * in bench/results/profiles/ (open it in Chrome DevTools for the call tree).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BENCH_DIR, table } from './harness.ts';
import { compileOurs, compilePeer, PROCESSES, runCore, runPeer, runRuntime, runtimeFor } from './processes.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    host: { type: 'string', default: 'core' },
    time: { type: 'string', default: '5000' },
    child: { type: 'boolean', default: false },
    top: { type: 'string', default: '25' },
  },
});
const name = positionals[0] ?? 'approval';
const p = PROCESSES.find((x) => x.name === name);
if (!p) throw new Error(`no process ${name}; known: ${PROCESSES.map((x) => x.name).join(', ')}`);

if (values.child) {
  // The profiled loop: warm up, then run instances for the given time.
  const model = await compileOurs(p.name);
  const rt = await runtimeFor(model);
  const peer = await compilePeer(p.name);
  let i = 0;
  const end = performance.now() + Number(values.time);
  if (values.host === 'peer') while (performance.now() < end) await runPeer({ sourceContext: peer }, p, i++);
  else if (values.host === 'runtime') while (performance.now() < end) runRuntime(rt, p, i++);
  else while (performance.now() < end) runCore(model, p, i++);
  process.stderr.write(
    `${i} instances of ${name} (${values.host}) in ${values.time} ms: ${Math.round((i * 1000) / Number(values.time))}/s\n`,
  );
} else {
  const dir = join(BENCH_DIR, 'results', 'profiles');
  mkdirSync(dir, { recursive: true });
  const before = new Set(readdirSync(dir));
  const self = fileURLToPath(import.meta.url);
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--cpu-prof',
      '--cpu-prof-dir',
      dir,
      self,
      name,
      '--child',
      '--host',
      String(values.host),
      '--time',
      String(values.time),
    ],
    { cwd: BENCH_DIR, stdio: 'inherit' },
  );
  if (run.status !== 0) process.exit(run.status ?? 1);
  const made = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile') && !before.has(f))
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  if (!made) throw new Error('no profile written');
  summarise(made, Number(values.top));
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

function summarise(file: string, top: number): void {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  // Self time per node from the sample deltas (more exact than hitCount × interval).
  const selfUs = new Map<number, number>();
  for (const [k, id] of profile.samples.entries()) selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[k] ?? 0));
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const root = join(BENCH_DIR, '..');
  const where = (url: string) => {
    if (!url) return '(native)';
    const path = url.startsWith('file://') ? fileURLToPath(url) : url;
    const rel = path.startsWith(root) ? relative(root, path) : path;
    return rel.replace(/^node_modules\/\.pnpm\/([^/]+)\/node_modules\//, '$1: ');
  };
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    if (!us) continue;
    const f = node.callFrame;
    const fn = `${f.functionName || '(anonymous)'}  ${where(f.url)}${f.url ? `:${f.lineNumber + 1}` : ''}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
    const file = where(f.url);
    byFile.set(file, (byFile.get(file) ?? 0) + us);
  }
  const rows = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => [k, `${(us / 1000).toFixed(0)} ms`, `${((100 * us) / total).toFixed(1)}%`]);
  console.log(`\n${relative(root, file)}: ${(total / 1000).toFixed(0)} ms sampled\n`);
  console.log(table(['function (self time)', 'ms', 'share'], rows(byFunction)));
  console.log('');
  console.log(table(['file (self time)', 'ms', 'share'], rows(byFile)));
}
