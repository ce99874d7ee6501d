/**
 * The shared harness: timing loops, result rows, the table and the JSON file. Each benchmark
 * is a module exporting a `Benchmark`; `index.ts` lists them, so adding one is one line there.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform, release, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface RunOptions {
  /** Measured time per throughput case, ms. */
  readonly minMs: number;
  /** Warm-up time per throughput case, ms (JIT, inline caches, allocation sites). */
  readonly warmupMs: number;
  /** Progress lines go here (stderr), so stdout stays the table. */
  readonly log: (line: string) => void;
  /** `--quick`: the durable benchmarks at a tenth of their sizes and times (a smoke run, not a result). */
  readonly quick?: boolean;
  /** `--full`: the durable benchmarks at the full sizes even where that takes longer than the run's budget. */
  readonly full?: boolean;
  /** `--store sqlite,postgres`: the stores the HTTP benchmark runs the server on (default: the embedded one). */
  readonly stores?: readonly ('sqlite' | 'postgres')[];
}

/** One line of the table. Numbers are raw; `higherIsBetter` says which way the ratio points. */
export interface Row {
  readonly benchmark: string;
  readonly unit: string;
  readonly ours: number;
  readonly peer?: number;
  readonly peerName?: string;
  /** Ours over peer when higher is better (throughput), peer over ours when lower is (size, latency). */
  readonly ratio?: number;
  readonly goal?: string;
  readonly met?: boolean;
  /** Anything else worth keeping in the JSON (latency percentiles, sample counts, notes). */
  readonly details?: Record<string, unknown>;
}

export interface Benchmark {
  /** Selects it with `--only`. */
  readonly id: string;
  readonly title: string;
  run(options: RunOptions): Promise<Row[]>;
  /** An optional second table printed under the main one (latencies, side numbers). */
  detail?(rows: readonly Row[]): string;
}

export interface Measurement {
  readonly ops: number;
  readonly ms: number;
  readonly opsPerSec: number;
  /** Per-operation latency, microseconds. */
  readonly p50Us: number;
  readonly p99Us: number;
  readonly maxUs: number;
}

/**
 * Runs `fn` over and over, one at a time (an async `fn` is awaited before the next call),
 * first for `warmupMs` unmeasured, then for at least `minMs` measured. Each call is timed,
 * so the percentiles are per operation; ops/s is the count over the measured wall time.
 */
export async function measure(
  fn: (i: number) => unknown,
  options: { minMs: number; warmupMs: number; maxOps?: number },
): Promise<Measurement> {
  let i = 0;
  const warmEnd = performance.now() + options.warmupMs;
  while (performance.now() < warmEnd) {
    const r = fn(i++);
    if (r instanceof Promise) await r;
  }
  const maxOps = options.maxOps ?? Number.POSITIVE_INFINITY;
  const samples: number[] = [];
  const t0 = performance.now();
  const end = t0 + options.minMs;
  let t = t0;
  while (t < end && samples.length < maxOps) {
    const r = fn(i++);
    if (r instanceof Promise) await r;
    const after = performance.now();
    samples.push(after - t);
    t = after;
  }
  const ms = t - t0;
  const sorted = Float64Array.from(samples).sort();
  const pick = (q: number) => (sorted.length ? (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number) : 0);
  return {
    ops: samples.length,
    ms,
    opsPerSec: (samples.length * 1000) / ms,
    p50Us: pick(0.5) * 1000,
    p99Us: pick(0.99) * 1000,
    maxUs: (sorted.at(-1) ?? 0) * 1000,
  };
}

/** p50/p99/max of latencies in ms (any order; the array is not changed). */
export function percentiles(samples: readonly number[]): { p50: number; p99: number; max: number; n: number } {
  const sorted = Float64Array.from(samples).sort();
  const pick = (q: number) => (sorted.length ? (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number) : 0);
  return { p50: pick(0.5), p99: pick(0.99), max: sorted.at(-1) ?? 0, n: sorted.length };
}

/** CPU seconds (user + system) a process and its children have used so far, from /proc (Linux); undefined elsewhere. */
export function cpuSecondsOf(pid: number): number | undefined {
  const own = statOf(pid);
  if (own === undefined) return undefined;
  let seconds = own.seconds;
  // A server started with several processes: its forked servers are its children.
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const child = statOf(Number(entry));
    if (child?.parent === pid) seconds += child.seconds;
  }
  return seconds;
}

function statOf(pid: number): { parent: number; seconds: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the command name: the parent pid is field 2, utime and stime fields 12 and 13 (14 and 15 of the whole line).
    return { parent: Number(fields[1]), seconds: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS };
  } catch {
    return undefined;
  }
}
const CLOCK_TICKS = 100;

export const round1 = (n: number) => Math.round(n * 10) / 10;
export const round2 = (n: number) => Math.round(n * 100) / 100;

export function formatNumber(value: number, unit: string): string {
  if (unit === 'B') return value >= 1024 ? `${(value / 1024).toFixed(2)} KB` : `${value} B`;
  if (value >= 100) return `${Math.round(value).toLocaleString('en-US')}`;
  return value.toFixed(value >= 10 ? 1 : 2);
}

export function formatRatio(ratio: number | undefined): string {
  if (ratio === undefined) return '';
  return `${ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(1)}x`;
}

/** A plain-text table, columns padded by display width (CJK counts double). */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const width = (s: string) =>
    [...s].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(ch) ? 2 : 1), 0);
  const cols = header.map((h, c) => Math.max(width(h), ...rows.map((r) => width(r[c] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => {
        const pad = ' '.repeat((cols[c] as number) - width(cell));
        return c === 0 ? cell + pad : pad + cell;
      })
      .join('  ');
  return [line(header), cols.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function resultsTable(rows: readonly Row[]): string {
  return table(
    ['benchmark', 'unit', 'ours', 'peer', 'ratio', 'goal', 'met?'],
    rows.map((r) => [
      r.benchmark,
      r.unit,
      formatNumber(r.ours, r.unit),
      r.peer === undefined ? '' : formatNumber(r.peer, r.unit),
      formatRatio(r.ratio),
      r.goal ?? '',
      r.met === undefined ? '' : r.met ? 'yes' : 'NO',
    ]),
  );
}

export function machine(): Record<string, unknown> {
  const cpu = cpus();
  let commit: string | undefined;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: BENCH_DIR,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    commit = undefined;
  }
  return {
    node: process.version,
    v8: process.versions.v8,
    platform: `${platform()} ${release()} ${arch()}`,
    cpu: cpu[0]?.model,
    cores: cpu.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    /** 1-minute load average when this was called: other work on the machine lowers every number. */
    load1: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    commit,
  };
}

/** Writes bench/results/<iso time>.json (the folder is git-ignored and made here). */
export function writeResults(payload: Record<string, unknown>): string {
  const dir = join(BENCH_DIR, 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(
    dir,
    `${new Date()
      .toISOString()
      .replace(/:/g, '-')
      .replace(/\.\d+Z$/, 'Z')}.json`,
  );
  writeFileSync(file, `${JSON.stringify(payload, null, 2)}\n`);
  return file;
}
