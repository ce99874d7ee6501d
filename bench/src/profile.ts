/**
 * `pnpm --filter @shanzhi/bench profile [process] [--host core|runtime|peer] [--time 5000]`:
 * runs our engine (or, with `--host peer`, bpmn-engine) on one benchmark process under
 * `node --cpu-prof` in a child process, then
 * prints where the time goes: functions and files by self time. The raw .cpuprofile is kept
 * in bench/results/profiles/ (open it in Chrome DevTools for the call tree).
 *
 * `pnpm --filter @shanzhi/bench profile http [--clients 64] [--sync NORMAL] [--time 10000]`:
 * the server of benchmark 3 under `--cpu-prof` while that many clients run lifecycles against
 * it; prints the same tables plus the server's time grouped by what it was doing.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { groupSelfTime, inclusiveShare, readProfile, SERVER_GROUPS, SERVER_INCLUSIVE, summariseProfile } from './cpuprofile.ts';
import { loginAll } from './durable/client.ts';
import { tempDataDir } from './durable/seed.ts';
import { startServer } from './durable/server.ts';
import { BENCH_DIR, table } from './harness.ts';
import { CLIENTS, drive, seedHttp } from './http.ts';
import { compileOurs, compilePeer, PROCESSES, runCore, runPeer, runRuntime, runtimeFor } from './processes.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    host: { type: 'string', default: 'core' },
    time: { type: 'string', default: '5000' },
    child: { type: 'boolean', default: false },
    top: { type: 'string', default: '25' },
    clients: { type: 'string', default: '64' },
    sync: { type: 'string', default: 'NORMAL' },
  },
});
const name = positionals[0] ?? 'approval';
const PROFILES = join(BENCH_DIR, 'results', 'profiles');

if (name === 'http') {
  await profileServer();
  process.exit(0);
}
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
  const dir = PROFILES;
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
  console.log(summariseProfile(made, Number(values.top)));
}

/** Benchmark 3's server under --cpu-prof, driven by `--clients` clients for `--time` ms. */
async function profileServer(): Promise<void> {
  mkdirSync(PROFILES, { recursive: true });
  const before = new Set(readdirSync(PROFILES));
  const sync = values.sync === 'FULL' ? 'FULL' : 'NORMAL';
  const clients = Number(values.clients);
  const data = tempDataDir('profile');
  try {
    await seedHttp({ file: data.file }, Math.max(clients, ...CLIENTS));
    const server = await startServer({ dataDir: data.dir, synchronous: sync, cpuProfileDir: PROFILES });
    try {
      const tokens = await loginAll(
        server.origin,
        Array.from({ length: clients }, (_, i) => `clerk${String(i + 1).padStart(2, '0')}`),
      );
      const r = await drive(server.origin, tokens, clients, 2000, Number(values.time), server.pid);
      console.log(
        `${clients} clients, synchronous ${sync}: ${Math.round(r.perSec)} lifecycles/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms; server ${r.serverCores} cores (under the profiler)`,
      );
    } finally {
      await server.stop();
    }
  } finally {
    data.dispose();
  }
  const made = readdirSync(PROFILES)
    .filter((f) => f.endsWith('.cpuprofile') && !before.has(f))
    .map((f) => join(PROFILES, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  if (!made) throw new Error('no profile written');
  console.log(summariseProfile(made, Number(values.top)));
  const s = readProfile(made);
  console.log('');
  console.log(
    table(
      ['server self time, grouped', 'share'],
      groupSelfTime(s, SERVER_GROUPS).map(([g, pct]) => [g, `${pct.toFixed(1)}%`]),
    ),
  );
  console.log('');
  console.log(
    table(
      ['server inclusive time (self + callees)', 'share'],
      SERVER_INCLUSIVE.map(([label, re]) => [label, `${inclusiveShare(s, re).toFixed(1)}%`]),
    ),
  );
}
