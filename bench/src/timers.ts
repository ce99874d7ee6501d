/**
 * Benchmark 6, timers: instances each waiting on a timer catch event (`timeDate`), all due in
 * the same minute, loaded through the store (the server's runtime, one `Store.commit` each);
 * then two real server processes (children, workers running, sharing the SQLite file) fire
 * them. Measured: the time from spawning the servers until no timer job is left and every
 * instance has moved past its timer to the user task after it (逾期处理, offered to the
 * village clerks); then checked, in the tables: each instance has exactly one
 * `SubscriptionTriggered` event and one task (no timer fired twice, none lost).
 *
 * The minute the timers are due in is the one just before the load starts, so every timer is
 * due by the time the servers are up: the run measures how fast two processes drain a minute's
 * 100,000 timers, not how long a minute is.
 */

import Database from 'better-sqlite3';
import { definitionsXml, deploy, openLoader, putUnit, tempDataDir } from './durable/seed.ts';
import { counter, type ServerChild, startServer } from './durable/server.ts';
import { type Benchmark, formatNumber, percentiles, type Row, type RunOptions, round1, table } from './harness.ts';

export const FULL_TIMERS = 100_000;
const VILLAGES = 30;
const TOWN = '/nanhai/z01/';
const village = (v: number) => `${TOWN}c${String(v + 1).padStart(2, '0')}/`;
const BATCH = 1000;
const PROCESSES = Number(process.env.BENCH_TIMER_PROCESSES ?? 2);
/** Give up (and fail the run) after this long without the last timer firing. */
const MAX_WAIT_MS = 8 * 60_000;

const TIMER_XML = definitionsXml(`<bpmn:process id="deadline" name="整改期限" isExecutable="true">
    <bpmn:startEvent id="start"/>
    <bpmn:intermediateCatchEvent id="due" name="整改期满"><bpmn:timerEventDefinition><bpmn:timeDate>=due</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:userTask id="overdue" name="逾期处理"><bpmn:extensionElements><sz:assignment candidateGroups="clerk"/></bpmn:extensionElements></bpmn:userTask>
    <bpmn:endEvent id="end"/>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="due"/>
    <bpmn:sequenceFlow id="f2" sourceRef="due" targetRef="overdue"/>
    <bpmn:sequenceFlow id="f3" sourceRef="overdue" targetRef="end"/>
  </bpmn:process>`);

export function timerCount(options: RunOptions): number {
  return options.quick ? FULL_TIMERS / 20 : FULL_TIMERS;
}

interface TimerDetail {
  readonly timers: number;
  readonly loadSeconds: number;
  readonly loadPerSec: number;
  readonly bootMs: number[];
  readonly drainSeconds: number;
  readonly firedPerSec: number;
  readonly firedBy: number[];
  readonly lostLeases: number;
  readonly conflicts: number;
  readonly nothingLeft: number;
  readonly firedTwice: number;
  readonly notFired: number;
  readonly instancesWithoutOneTask: number;
  /** Timers fired per second, second by second from the spawn. */
  readonly curve: number[];
  /** GET /health answered while the backlog fired (one probe per server every 100 ms): is the API still served? */
  readonly health: { readonly probes: number; readonly p50Ms: number; readonly p99Ms: number; readonly maxMs: number };
}

/** Asks each server for /health every 100 ms until `done`; the answer times in ms. */
async function probeHealth(servers: readonly ServerChild[], done: () => boolean): Promise<number[]> {
  const times: number[] = [];
  await Promise.all(
    servers.map(async (server) => {
      while (!done()) {
        const t0 = performance.now();
        const res = await fetch(`${server.origin}/health`);
        await res.arrayBuffer();
        times.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 100));
      }
    }),
  );
  return times;
}

export const timersBenchmark: Benchmark = {
  id: 'timers',
  title: 'Timers: 100,000 due in the same minute, two server processes sharing the SQLite file',
  async run(options: RunOptions): Promise<Row[]> {
    const count = timerCount(options);
    const data = tempDataDir('timers');
    const servers: ServerChild[] = [];
    try {
      // Load: every timer due in the minute before the load starts (spread evenly over it).
      const loader = await openLoader(data.file);
      await putUnit(loader.store, '/nanhai/', '南海区', 'district');
      await putUnit(loader.store, TOWN, '里水镇', 'town');
      for (let v = 0; v < VILLAGES; v++) await putUnit(loader.store, village(v), `第${v + 1}村`, 'village');
      const def = await deploy(loader.runtime, TIMER_XML, TOWN);
      const minute = Math.floor(Date.now() / 60_000) * 60_000 - 60_000;
      const t0 = performance.now();
      await loader.inBatches(0, count, BATCH, async (i) => {
        const out = await loader.runtime.executor.start({
          definition: def,
          unitPath: village(i % VILLAGES),
          actor: 'system:bench',
          businessKey: `ZG-${String(i).padStart(6, '0')}`,
          variables: { due: new Date(minute + Math.floor((i * 60_000) / count)).toISOString(), site: '东区三巷 12 号' },
        });
        if (!out.ok) throw new Error(`start refused: ${out.error.code} ${out.error.message}`);
      });
      const loadMs = performance.now() - t0;
      await loader.close();
      options.log(`timers: ${count.toLocaleString('en-US')} instances waiting on timers loaded in ${Math.round(loadMs / 1000)} s`);

      const db = new Database(data.file, { readonly: true });
      const pending = db.prepare("SELECT count(*) AS n FROM jobs WHERE kind = 'timer' AND retries > 0");
      const left = () => (pending.get() as { n: number }).n;
      if (left() !== count) throw new Error(`expected ${count} timer jobs, found ${left()}`);

      // Two servers (BENCH_TIMER_PROCESSES=1 for one), spawned together; the clock starts at the spawn,
      // so the time includes the ~1 s they take to start.
      const from = performance.now();
      let failed: unknown;
      const starting = Promise.all(
        Array.from({ length: PROCESSES }, () =>
          startServer({
            dataDir: data.dir,
            ...(process.env.BENCH_TIMER_PROFILE ? { cpuProfileDir: process.env.BENCH_TIMER_PROFILE } : {}),
          }).then((server) => {
            servers.push(server); // stopped in the finally below, also when the other fails
            return server;
          }),
        ),
      ).then(
        (up) => {
          options.log(`timers: servers ${up.map((s) => `${s.pid} answered /health after ${Math.round(s.bootMs)} ms`).join(', ')}`);
          return up;
        },
        (error: unknown) => {
          failed = error;
          return [];
        },
      );
      // Polled from the spawn on, while the servers start (a server fires from the moment its
      // workers start, before it listens).
      const curve: number[] = [];
      let last = count;
      let nextTick = from + 1000;
      let drainMs = 0;
      const probing = starting.then((up) => probeHealth(up, () => drainMs > 0 || failed !== undefined));
      for (;;) {
        if (failed) throw failed;
        const n = left();
        const now = performance.now();
        if (now >= nextTick || n === 0) {
          curve.push(last - n);
          last = n;
          nextTick += 1000;
        }
        if (n === 0) {
          drainMs = now - from;
          break;
        }
        if (now - from > MAX_WAIT_MS) throw new Error(`${n} timers still pending after ${MAX_WAIT_MS / 1000} s`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const up = await starting;
      if (failed) throw failed;
      const bootMs = up.map((s) => Math.round(s.bootMs));
      const health = percentiles(await probing);
      options.log(`timers: all fired ${Math.round(drainMs)} ms after the servers were spawned`);

      const metrics = await Promise.all(servers.map((s) => s.metrics()));
      const firedBy = metrics.map((m) => counter(m, 'shanzhi_worker_jobs_total', { kind: 'timer', outcome: 'done' }));
      const lostLeases = metrics.reduce((s, m) => s + counter(m, 'shanzhi_worker_jobs_total', { kind: 'timer', outcome: 'lost' }), 0);
      const conflicts = metrics.reduce((s, m) => s + counter(m, 'shanzhi_commit_conflicts_total'), 0);
      const nothingLeft = metrics.reduce(
        (s, m) => s + counter(m, 'shanzhi_commands_total', { command: 'fireTimer', outcome: 'rejected' }),
        0,
      );
      for (const s of servers.splice(0)) await s.stop();

      // Exactly one fired timer and one task per instance, read from the tables.
      const triggered = db
        .prepare(
          `SELECT count(*) AS n, sum(c > 1) AS twice FROM (
             SELECT instance_id, count(*) AS c FROM events WHERE json_extract(event, '$.type') = 'SubscriptionTriggered' GROUP BY instance_id)`,
        )
        .get() as { n: number; twice: number | null };
      const tasks = db
        .prepare(
          'SELECT count(*) AS n FROM (SELECT i.id, count(t.id) AS c FROM instances i LEFT JOIN tasks t ON t.instance_id = i.id GROUP BY i.id) WHERE c != 1',
        )
        .get() as { n: number };
      db.close();
      const firedTwice = triggered.twice ?? 0;
      const notFired = count - triggered.n;
      if (firedTwice > 0 || notFired > 0 || tasks.n > 0)
        throw new Error(`timers: ${firedTwice} fired twice, ${notFired} never fired, ${tasks.n} instances without exactly one task`);

      const detail: TimerDetail = {
        timers: count,
        loadSeconds: round1(loadMs / 1000),
        loadPerSec: Math.round((count * 1000) / loadMs),
        bootMs,
        drainSeconds: round1(drainMs / 1000),
        firedPerSec: Math.round((count * 1000) / drainMs),
        firedBy,
        lostLeases,
        conflicts,
        nothingLeft,
        firedTwice,
        notFired,
        instancesWithoutOneTask: tasks.n,
        curve,
        health: { probes: health.n, p50Ms: round1(health.p50), p99Ms: round1(health.p99), maxMs: round1(health.max) },
      };
      return [
        {
          benchmark: `timers · ${count.toLocaleString('en-US')} due, ${PROCESSES} processes · time until all fired`,
          unit: 's',
          ours: drainMs / 1000,
          details: { ...detail },
        },
        {
          benchmark: `timers · fired twice / never fired (of ${count.toLocaleString('en-US')})`,
          unit: 'count',
          ours: firedTwice + notFired,
          goal: '0',
          met: firedTwice + notFired === 0,
          details: { firedTwice, notFired },
        },
      ];
    } finally {
      for (const s of servers) await s.stop();
      data.dispose();
    }
  },

  detail(rows: readonly Row[]): string {
    const d = rows[0]?.details as unknown as TimerDetail | undefined;
    if (!d) return '';
    const curve = d.curve.map((n) => formatNumber(n, '/s')).join(' ');
    return `${table(
      [
        'timers',
        'loaded in',
        'all fired in',
        'fired/s',
        'fired by A / B',
        'lost leases',
        'conflicts',
        'fired twice',
        'never fired',
        '/health meanwhile p50 / p99 / max',
      ],
      [
        [
          d.timers.toLocaleString('en-US'),
          `${d.loadSeconds} s (${formatNumber(d.loadPerSec, '/s')}/s)`,
          `${d.drainSeconds} s`,
          formatNumber(d.firedPerSec, '/s'),
          d.firedBy.map((n) => n.toLocaleString('en-US')).join(' / '),
          String(d.lostLeases),
          String(d.conflicts),
          String(d.firedTwice),
          String(d.notFired),
          `${d.health.p50Ms} / ${d.health.p99Ms} / ${d.health.maxMs} ms (${d.health.probes})`,
        ],
      ],
    )}\nfired per second, second by second: ${curve}`;
  },
};
