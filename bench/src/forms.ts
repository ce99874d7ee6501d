/**
 * Benchmark 5, forms: validations per second of the 40-field rental-house form
 * (packages/forms/test/fixtures/rental-house.form.json, with its valid and invalid examples) in
 * packages/forms, in process, and through POST /api/forms/validate on the real server (a child
 * process, 16 concurrent requests over keep-alive connections).
 *
 * In process, the form is defined once and each operation is one `validateSubmission`. The
 * endpoint takes the form definition in every request body; it defines a definition it has
 * not seen (`defineForm`: envelope, meta-schema and policy checks, measured alone here) and
 * answers one it has from its cache (server/src/routes/forms/formCache.ts: a SHA-256 of the
 * body's definition), so per request it pays parsing the ~9 KB body, that hash, HTTP and auth.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineForm, validateSubmission } from '@shanzhi/forms';
import { json, loginAll, Pool } from './durable/client.ts';
import { benchPasswordHash, openLoader, putUnit, putUser, tempDataDir } from './durable/seed.ts';
import { type ServerChild, startServer } from './durable/server.ts';
import {
  BENCH_DIR,
  type Benchmark,
  cpuSecondsOf,
  formatNumber,
  measure,
  percentiles,
  type Row,
  type RunOptions,
  round2,
  table,
} from './harness.ts';

const FIXTURES = join(BENCH_DIR, '..', 'packages', 'forms', 'test', 'fixtures');
const fixture = (name: string): unknown => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));
export const CONCURRENCY = 16;

interface FormsDetail {
  readonly p50Us: number;
  readonly p99Us: number;
  readonly errors?: number;
  readonly serverCores?: number;
  readonly where: string;
}

/** 16 loops of POST /api/forms/validate for `ms`, after `warmMs`. */
async function driveValidate(
  server: ServerChild,
  token: string,
  body: unknown,
  expectOk: boolean,
  warmMs: number,
  ms: number,
): Promise<{ perSec: number; p50: number; p99: number; serverCores?: number; errors: number }> {
  const pool = new Pool(server.origin, { connections: CONCURRENCY });
  let stop = false;
  let from = Number.POSITIVE_INFINITY;
  let to = Number.POSITIVE_INFINITY;
  const lat: number[] = [];
  let errors = 0;
  const loops = Array.from({ length: CONCURRENCY }, async () => {
    while (!stop) {
      const t0 = performance.now();
      const out = await json<{ ok: boolean; errors: unknown[] }>(pool, 'POST', '/api/forms/validate', { token, body });
      const t1 = performance.now();
      if (out.ok !== expectOk) throw new Error(`validate answered ok=${out.ok}, expected ${expectOk}`);
      if (t1 >= from && t1 <= to) {
        lat.push(t1 - t0);
        errors += out.errors.length;
      }
    }
  });
  const all = Promise.all(loops).then(() => undefined);
  const sleep = (t: number) => Promise.race([new Promise((r) => setTimeout(r, t)), all]);
  await sleep(warmMs);
  const cpu0 = cpuSecondsOf(server.pid);
  from = performance.now();
  await sleep(ms);
  to = performance.now();
  const cpu1 = cpuSecondsOf(server.pid);
  stop = true;
  await all;
  await pool.close();
  const p = percentiles(lat);
  return {
    perSec: (lat.length * 1000) / (to - from),
    p50: p.p50,
    p99: p.p99,
    errors: lat.length ? errors / lat.length : 0,
    ...(cpu0 !== undefined && cpu1 !== undefined ? { serverCores: round2(((cpu1 - cpu0) * 1000) / (to - from)) } : {}),
  };
}

export const formsBenchmark: Benchmark = {
  id: 'forms',
  title: 'Forms: validations/s of the 40-field rental-house form, in process and through POST /api/forms/validate',
  async run(options: RunOptions): Promise<Row[]> {
    const definition = fixture('rental-house.form.json');
    const valid = fixture('rental-house.valid.json');
    const invalid = fixture('rental-house.invalid.json');
    const fields = Object.keys((definition as { schema: { properties: object } }).schema.properties).length;
    const form = defineForm(definition);
    const check = (data: unknown, ok: boolean) => {
      const r = validateSubmission(form, [], data);
      if (r.ok !== ok) throw new Error(`the ${ok ? 'valid' : 'invalid'} example validated ok=${r.ok}`);
      return r.ok ? 0 : r.errors.length;
    };
    const invalidErrors = check(invalid, false);
    check(valid, true);

    const timing = options.quick ? { minMs: 500, warmupMs: 200 } : { minMs: options.minMs, warmupMs: options.warmupMs };
    const rows: Row[] = [];
    const inProcess = (name: string, fn: () => unknown, note: string) =>
      measure(fn, timing).then((m) => {
        options.log(`forms: ${name}: ${Math.round(m.opsPerSec)}/s`);
        rows.push({
          benchmark: `forms · ${name}`,
          unit: 'val/s',
          ours: m.opsPerSec,
          details: { p50Us: round2(m.p50Us), p99Us: round2(m.p99Us), where: note, fields } satisfies FormsDetail & { fields: number },
        });
      });
    await inProcess('valid, in process', () => validateSubmission(form, [], valid), 'validateSubmission, form defined once');
    await inProcess('invalid, in process', () => validateSubmission(form, [], invalid), `validateSubmission, ${invalidErrors} errors`);
    await inProcess('defineForm alone, in process', () => defineForm(definition), 'what the endpoint does once per distinct definition');

    const data = tempDataDir('forms');
    let server: ServerChild | undefined;
    try {
      const loader = await openLoader(data.file);
      await putUnit(loader.store, '/nanhai/', '南海区', 'district');
      await putUser(loader.store, {
        id: 'u-designer',
        username: 'designer',
        displayName: '表单设计员',
        passwordHash: await benchPasswordHash(),
        grants: [['designer', '/nanhai/']],
      });
      await loader.close();
      server = await startServer({ dataDir: data.dir, synchronous: 'FULL' });
      const [token] = await loginAll(server.origin, ['designer']);
      const httpMs = options.quick ? { warm: 500, ms: 1000 } : { warm: 1500, ms: 5000 };
      for (const [name, body, ok] of [
        ['valid', valid, true],
        ['invalid', invalid, false],
      ] as const) {
        options.log(`forms: ${name} through POST /api/forms/validate, ${CONCURRENCY} concurrent`);
        const r = await driveValidate(server, token as string, { form: definition, data: body }, ok, httpMs.warm, httpMs.ms);
        rows.push({
          benchmark: `forms · ${name}, POST /api/forms/validate (${CONCURRENCY} concurrent)`,
          unit: 'val/s',
          ours: r.perSec,
          details: {
            p50Us: round2(r.p50 * 1000),
            p99Us: round2(r.p99 * 1000),
            ...(r.serverCores === undefined ? {} : { serverCores: r.serverCores }),
            errors: r.errors,
            where: 'HTTP, form definition in every body (defined once, then cached)',
            fields,
          },
        });
      }
    } finally {
      await server?.stop();
      data.dispose();
    }
    return rows;
  },

  detail(rows: readonly Row[]): string {
    const lines = rows.map((r) => {
      const d = r.details as unknown as FormsDetail;
      const us = (x: number) => (x >= 1000 ? `${round2(x / 1000)} ms` : `${x} µs`);
      return [
        r.benchmark.replace(/^forms · /, ''),
        formatNumber(r.ours, 'val/s'),
        `${us(d.p50Us)} / ${us(d.p99Us)}`,
        d.serverCores?.toFixed(2) ?? '',
        d.where,
      ];
    });
    return table(['forms (40 fields)', 'per s', 'p50 / p99', 'server cores', 'what'], lines);
  },
};
