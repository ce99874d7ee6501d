/**
 * `pnpm bench [--only engine,state,http,inbox,forms,timers] [--store sqlite,postgres] [--time 3000] [--warmup 1000] [--quick] [--full]`:
 * runs the registered benchmarks in order, prints one table with ratios and goals to stdout
 * (progress goes to stderr) and writes everything to bench/results/<iso time>.json.
 */
import { parseArgs } from 'node:util';
import { engineBenchmark } from './engine.ts';
import { formsBenchmark } from './forms.ts';
import { type Benchmark, machine, type Row, resultsTable, writeResults } from './harness.ts';
import { httpBenchmark } from './http.ts';
import { inboxBenchmark } from './inbox.ts';
import { stateSizeBenchmark } from './stateSize.ts';
import { timersBenchmark } from './timers.ts';

/** Every benchmark, in the order they run. Register a new one with one line here. */
const BENCHMARKS: readonly Benchmark[] = [
  engineBenchmark,
  stateSizeBenchmark,
  httpBenchmark,
  inboxBenchmark,
  formsBenchmark,
  timersBenchmark,
];

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    time: { type: 'string', default: '3000' },
    warmup: { type: 'string', default: '1000' },
    quick: { type: 'boolean', default: false },
    full: { type: 'boolean', default: false },
    store: { type: 'string', default: 'sqlite' },
  },
});

const only = values.only?.split(',').map((s) => s.trim());
const unknown = only?.filter((id) => !BENCHMARKS.some((b) => b.id === id)) ?? [];
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}; known: ${BENCHMARKS.map((b) => b.id).join(', ')}`);
  process.exit(2);
}
const selected = BENCHMARKS.filter((b) => !only || only.includes(b.id));
const STORES = ['sqlite', 'postgres'] as const;
const stores = values.store.split(',').map((s) => s.trim());
const unknownStores = stores.filter((s) => !(STORES as readonly string[]).includes(s));
if (unknownStores.length > 0) {
  console.error(`unknown store ${unknownStores.join(', ')}; known: ${STORES.join(', ')}`);
  process.exit(2);
}
const options = {
  minMs: Number(values.time),
  warmupMs: Number(values.warmup),
  log: (line: string) => process.stderr.write(`  … ${line}\n`),
  quick: values.quick ?? false,
  full: values.full ?? false,
  stores: stores as (typeof STORES)[number][],
};

const atStart = machine();
if (Number(atStart.load1) > 0.5)
  process.stderr.write(`warning: the machine is busy (1-minute load ${atStart.load1}): the numbers will be low and noisy\n`);
const started = Date.now();
const results: { id: string; title: string; rows: Row[] }[] = [];
for (const b of selected) {
  process.stderr.write(`${b.title}\n`);
  results.push({ id: b.id, title: b.title, rows: await b.run(options) });
}
const seconds = (Date.now() - started) / 1000;

const rows = results.flatMap((r) => r.rows);
console.log(`\nShanzhi benchmarks (${seconds.toFixed(0)} s; node ${process.version}; ${machine().cores} cores)\n`);
console.log(resultsTable(rows));
for (const r of results) {
  const detail = BENCHMARKS.find((b) => b.id === r.id)?.detail?.(r.rows);
  if (detail) console.log(`\n${detail}`);
}
const file = writeResults({
  at: new Date().toISOString(),
  seconds,
  options: { minMs: options.minMs, warmupMs: options.warmupMs, only: only ?? null, quick: options.quick, full: options.full, stores },
  machine: { ...atStart, load1AtEnd: machine().load1 },
  peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  benchmarks: results,
});
console.log(`\nwritten ${file}`);
const missed = rows.filter((r) => r.met === false);
if (missed.length > 0) console.log(`goals not met: ${missed.map((r) => r.benchmark).join('; ')}`);
