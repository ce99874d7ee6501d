/**
 * Benchmark 3, durable over HTTP on the embedded store: the real server in a child process
 * (`server/src/main.ts`, SQLite in a temp data dir, synchronous FULL then NORMAL), N clients on
 * 127.0.0.1 each looping over one lifecycle: start an instance, complete its user task.
 * Complete lifecycles per second and per-lifecycle latency, for 1, 16 and 64 clients.
 *
 * A lifecycle is two requests, as a clerk's screen makes them: POST /api/process-instances
 * (its answer lists the tasks the starter may work: here the one review task, offered to the
 * clerk's village), then POST /api/tasks/:id/complete.
 */

import { startTestServer, type TestServer } from '../../packages/store/src/postgres/testServer.ts';
import { json, loginAll, Pool } from './durable/client.ts';
import { benchPasswordHash, deploy, openLoader, openPostgresLoader, putUnit, putUser, tempDataDir, userTaskXml } from './durable/seed.ts';
import { counter, type ServerChild, startServer } from './durable/server.ts';
import { type Benchmark, cpuSecondsOf, formatNumber, percentiles, type Row, type RunOptions, round1, table } from './harness.ts';

/** The goal at 64 clients. */
export const GOAL_PER_SEC = 2000;
export const GOAL_P99_MS = 50;
/** Zeebe 8.8's published figure on 2 CPUs (not measured here). */
export const ZEEBE_PUBLISHED = 160;

export const CLIENTS = [1, 16, 64] as const;
export const MODES = ['FULL', 'NORMAL'] as const;
/** Server processes (SHANZHI_PROCESSES): one, and one per core of this 2-core machine. */
export const PROCESSES = [1, 2] as const;
const TOWN = '/nanhai/z01/';
const villageOf = (i: number) => `${TOWN}c${String(i + 1).padStart(2, '0')}/`;
const clerkOf = (i: number) => `clerk${String(i + 1).padStart(2, '0')}`;

/** Sets up the data dir (or the PostgreSQL database): a town with 64 villages, one clerk each, and the one-user-task process at the town. */
export async function seedHttp(target: { file: string } | { url: string }, clients: number): Promise<void> {
  const loader = 'url' in target ? await openPostgresLoader(target.url) : await openLoader(target.file);
  const { store, runtime } = loader;
  const passwordHash = await benchPasswordHash();
  await putUnit(store, '/nanhai/', '南海区', 'district');
  await putUnit(store, TOWN, '里水镇', 'town');
  for (let i = 0; i < clients; i++) {
    await putUnit(store, villageOf(i), `第${i + 1}村`, 'village');
    await putUser(store, {
      id: `u-${clerkOf(i)}`,
      username: clerkOf(i),
      displayName: `办事员${i + 1}`,
      passwordHash,
      grants: [['clerk', villageOf(i)]],
    });
  }
  await deploy(runtime, userTaskXml('review', '材料审核流程', '材料审核', 'candidateGroups="clerk"'), TOWN);
  await loader.close();
}

interface ClientCtx {
  readonly token: string;
  readonly village: string;
  n: number;
}

interface LoadResult {
  readonly clients: number;
  readonly lifecycles: number;
  readonly ms: number;
  readonly perSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly request: { start: number; complete: number };
  readonly requestP99: { start: number; complete: number };
  /** Server CPU over the window, in cores (1.0 = one core busy all the time). */
  readonly serverCores?: number;
  readonly benchCores: number;
}

/** One lifecycle: start, then complete the task the start answered with. Returns per-request milliseconds. */
async function lifecycle(pool: Pool, c: ClientCtx): Promise<[number, number]> {
  const t0 = performance.now();
  const instance = await json<{ id: string; tasks: { id: string; instanceId: string }[] }>(pool, 'POST', '/api/process-instances', {
    token: c.token,
    body: { definitionKey: 'review', orgUnit: c.village, variables: { applicant: '张三', subsidy: 1200, n: c.n++ } },
    expect: 201,
  });
  const task = instance.tasks[0];
  if (instance.tasks.length !== 1 || task?.instanceId !== instance.id)
    throw new Error(`start at ${c.village}: expected the one task of ${instance.id}, got ${JSON.stringify(instance.tasks)}`);
  const t1 = performance.now();
  await json(pool, 'POST', `/api/tasks/${task.id}/complete`, { token: c.token, body: { variables: { approved: true } } });
  const t2 = performance.now();
  return [t1 - t0, t2 - t1];
}

/** `clients` loops on one keep-alive pool of as many connections: `warmMs` unmeasured, then `ms` measured. */
export async function drive(
  origin: string,
  tokens: readonly string[],
  clients: number,
  warmMs: number,
  ms: number,
  serverPid?: number,
): Promise<LoadResult> {
  const pool = new Pool(origin, { connections: clients, pipelining: 1 });
  const ctxs: ClientCtx[] = Array.from({ length: clients }, (_, i) => ({ token: tokens[i] as string, village: villageOf(i), n: 0 }));
  let stop = false;
  let from = Number.POSITIVE_INFINITY;
  let to = Number.POSITIVE_INFINITY;
  const lat: number[] = [];
  const req: [number[], number[]] = [[], []];
  const loops = ctxs.map(async (c) => {
    while (!stop) {
      const t0 = performance.now();
      const parts = await lifecycle(pool, c);
      const t1 = performance.now();
      if (t1 >= from && t1 <= to) {
        lat.push(t1 - t0);
        for (const [k, p] of parts.entries()) req[k]?.push(p);
      }
    }
  });
  const failed = Promise.all(loops).then(() => undefined);
  const sleep = (t: number) => Promise.race([new Promise((r) => setTimeout(r, t)), failed]);
  await sleep(warmMs);
  const cpu0 = serverPid ? cpuSecondsOf(serverPid) : undefined;
  const bench0 = process.cpuUsage();
  from = performance.now();
  await sleep(ms);
  to = performance.now();
  const cpu1 = serverPid ? cpuSecondsOf(serverPid) : undefined;
  const bench1 = process.cpuUsage(bench0);
  stop = true;
  await failed;
  await pool.close();
  const window = to - from;
  const p = percentiles(lat);
  const p50 = (xs: number[]) => round1(percentiles(xs).p50);
  const p99 = (xs: number[]) => round1(percentiles(xs).p99);
  return {
    clients,
    lifecycles: lat.length,
    ms: Math.round(window),
    perSec: (lat.length * 1000) / window,
    p50Ms: round1(p.p50),
    p99Ms: round1(p.p99),
    maxMs: round1(p.max),
    request: { start: p50(req[0]), complete: p50(req[1]) },
    requestP99: { start: p99(req[0]), complete: p99(req[1]) },
    ...(cpu0 !== undefined && cpu1 !== undefined ? { serverCores: Math.round(((cpu1 - cpu0) * 1000 * 100) / window) / 100 } : {}),
    benchCores: Math.round(((bench1.user + bench1.system) / 1000 / window) * 100) / 100,
  };
}

export function httpTimes(options: RunOptions): { warmMs: number; ms: number } {
  return options.quick ? { warmMs: 500, ms: 1000 } : { warmMs: 2000, ms: 10_000 };
}

/**
 * What each run measures the server on: the embedded store at both sync levels, and (with
 * `--store postgres`) PostgreSQL on a throwaway cluster that syncs its commits (fsync and
 * synchronous_commit on, as in production), on this same machine.
 */
type Backend = { readonly store: 'sqlite'; readonly mode: (typeof MODES)[number] } | { readonly store: 'postgres' };

const backendLabel = (b: Backend) => (b.store === 'sqlite' ? b.mode : 'PostgreSQL');

export const httpBenchmark: Benchmark = {
  id: 'http',
  title: 'Durable over HTTP: start + complete lifecycles/s, real server in a child, SQLite (and PostgreSQL with --store postgres)',
  async run(options: RunOptions): Promise<Row[]> {
    const rows: Row[] = [];
    const { warmMs, ms } = httpTimes(options);
    const maxClients = Math.max(...CLIENTS);
    const stores = options.stores ?? ['sqlite'];
    const backends: Backend[] = [
      ...(stores.includes('sqlite') ? MODES.map((mode) => ({ store: 'sqlite' as const, mode })) : []),
      ...(stores.includes('postgres') ? [{ store: 'postgres' as const }] : []),
    ];
    let cluster: TestServer | undefined;
    try {
      for (const backend of backends) {
        if (backend.store === 'postgres' && !cluster) {
          options.log('PostgreSQL: starting a durable throwaway cluster');
          cluster = await startTestServer({ durable: true });
        }
        for (const processes of PROCESSES) {
          const data = tempDataDir(`http-${backendLabel(backend).toLowerCase()}-${processes}`);
          const label = `http ${backendLabel(backend)} · ${processes} process${processes > 1 ? 'es' : ''}`;
          let server: ServerChild | undefined;
          try {
            const url = cluster && backend.store === 'postgres' ? await cluster.createDatabase() : undefined;
            await seedHttp(url ? { url } : { file: data.file }, maxClients);
            server = await startServer({
              dataDir: data.dir,
              ...(backend.store === 'sqlite' ? { synchronous: backend.mode } : {}),
              env: { SHANZHI_PROCESSES: String(processes), ...(url ? { SHANZHI_STORE: url } : {}) },
            });
            options.log(`${label}: server pid ${server.pid} up in ${Math.round(server.bootMs)} ms; logging in ${maxClients} clerks`);
            const tokens = await loginAll(
              server.origin,
              Array.from({ length: maxClients }, (_, i) => clerkOf(i)),
            );
            for (const clients of CLIENTS.filter((c) => processes === 1 || c > 1)) {
              options.log(`${label}: ${clients} client(s), ${warmMs / 1000} s warm-up + ${ms / 1000} s`);
              const r = await drive(server.origin, tokens, clients, warmMs, ms, server.pid);
              const goalRow = clients === maxClients && backend.store === 'sqlite';
              const met = r.perSec >= GOAL_PER_SEC && r.p99Ms < GOAL_P99_MS;
              rows.push({
                benchmark: `HTTP lifecycle · ${backendLabel(backend)} · ${processes}p · ${clients} client${clients > 1 ? 's' : ''}`,
                unit: 'lc/s',
                ours: r.perSec,
                ...(goalRow
                  ? { peer: ZEEBE_PUBLISHED, peerName: 'Zeebe 8.8, published (not measured here)', ratio: r.perSec / ZEEBE_PUBLISHED }
                  : {}),
                ...(goalRow ? { goal: `≥ ${GOAL_PER_SEC}/s, p99 < ${GOAL_P99_MS} ms`, met } : {}),
                details: { store: backendLabel(backend), processes, ...r, requestsPerLifecycle: 2 },
              });
            }
            // With several processes, /metrics answers for the one that took the connection.
            const metrics = await server.metrics();
            const conflicts = counter(metrics, 'shanzhi_commands_total', { outcome: 'conflict' });
            const errors = counter(metrics, 'shanzhi_http_requests_total', { status: '500' });
            if (conflicts + errors > 0) options.log(`${label}: ${conflicts} conflicts, ${errors} server errors`);
          } finally {
            await server?.stop();
            data.dispose();
          }
        }
      }
    } finally {
      await cluster?.stop();
    }
    return rows;
  },

  detail(rows: readonly Row[]): string {
    const lines = rows.map((r) => {
      const d = r.details as unknown as LoadResult & { store: string; processes: number };
      return [
        `${d.store} · ${d.processes} · ${d.clients}`,
        formatNumber(r.ours, 'lc/s'),
        `${d.p50Ms} / ${d.p99Ms}`,
        `${d.request.start} / ${d.request.complete}`,
        `${d.requestP99.start} / ${d.requestP99.complete}`,
        d.serverCores === undefined ? '' : d.serverCores.toFixed(2),
        d.benchCores.toFixed(2),
      ];
    });
    return `${table(
      [
        'HTTP: store · processes · clients',
        'lc/s',
        'lifecycle ms p50 / p99',
        'p50 ms start / complete',
        'p99 ms start / complete',
        'server cores',
        'client cores',
      ],
      lines,
    )}\nFULL and NORMAL are the embedded store's sync levels; PostgreSQL runs on this machine with fsync and synchronous_commit on.\nA lifecycle is 2 requests: start (its answer lists the clerk's task), complete. Zeebe 8.8's 160 instances/s at 370 ms median on 2 CPUs is its published figure, not measured here.`;
  },
};
