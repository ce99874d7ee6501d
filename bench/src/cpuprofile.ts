/**
 * Reading a V8 .cpuprofile (from `node --cpu-prof`): self time by function and by file, and
 * inclusive time (self plus callees) of chosen functions, as plain-text tables.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_DIR, table } from './harness.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const ROOT = join(BENCH_DIR, '..');

function where(url: string): string {
  if (!url) return '(native)';
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  const rel = path.startsWith(ROOT) ? relative(ROOT, path) : path;
  return rel.replace(/^node_modules\/\.pnpm\/([^/]+)\/node_modules\//, '$1: ');
}

const nameOf = (n: ProfileNode) =>
  `${n.callFrame.functionName || '(anonymous)'}  ${where(n.callFrame.url)}${n.callFrame.url ? `:${n.callFrame.lineNumber + 1}` : ''}`;

export interface ProfileSummary {
  readonly totalMs: number;
  readonly byFunction: [string, number][];
  readonly byFile: [string, number][];
  /** Inclusive µs per function name (recursion counted once). */
  readonly inclusive: Map<string, number>;
}

export function readProfile(file: string): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  // Self time per node from the sample deltas (more exact than hitCount × interval).
  const selfUs = new Map<number, number>();
  for (const [k, id] of profile.samples.entries()) selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[k] ?? 0));
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    if (!us) continue;
    byFunction.set(nameOf(node), (byFunction.get(nameOf(node)) ?? 0) + us);
    const file = where(node.callFrame.url);
    byFile.set(file, (byFile.get(file) ?? 0) + us);
  }
  const inclusive = new Map<string, number>();
  const onStack = new Set<string>();
  const walk = (id: number): number => {
    const node = nodes.get(id);
    if (!node) return 0;
    const name = nameOf(node);
    const fresh = !onStack.has(name);
    if (fresh) onStack.add(name);
    let us = selfUs.get(id) ?? 0;
    for (const child of node.children ?? []) us += walk(child);
    if (fresh) {
      onStack.delete(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + us);
    }
    return us;
  };
  const root = profile.nodes[0];
  if (root) walk(root.id);
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return { totalMs: total / 1000, byFunction: sorted(byFunction), byFile: sorted(byFile), inclusive };
}

/** Self time by function and by file, the top `top` of each. */
export function summariseProfile(file: string, top: number): string {
  const s = readProfile(file);
  const rows = (list: [string, number][]) =>
    list.slice(0, top).map(([k, us]) => [k, `${(us / 1000).toFixed(0)} ms`, `${((100 * us) / 1000 / s.totalMs).toFixed(1)}%`]);
  return [
    `${relative(ROOT, file)}: ${s.totalMs.toFixed(0)} ms sampled`,
    '',
    table(['function (self time)', 'ms', 'share'], rows(s.byFunction)),
    '',
    table(['file (self time)', 'ms', 'share'], rows(s.byFile)),
  ].join('\n');
}

/** Self time grouped by the first pattern (on "function  file:line") that matches; the rest is "other". */
export function groupSelfTime(s: ProfileSummary, groups: readonly (readonly [string, RegExp])[]): [string, number][] {
  const out = new Map<string, number>(groups.map(([g]) => [g, 0]));
  out.set('other', 0);
  for (const [name, us] of s.byFunction) {
    const g = groups.find(([, re]) => re.test(name))?.[0] ?? 'other';
    out.set(g, (out.get(g) ?? 0) + us);
  }
  return [...out].map(([g, us]) => [g, (100 * us) / 1000 / s.totalMs] as [string, number]).sort((a, b) => b[1] - a[1]);
}

/** Inclusive share of the functions whose name matches each pattern (the largest match). */
export function inclusiveShare(s: ProfileSummary, pattern: RegExp): number {
  let best = 0;
  for (const [name, us] of s.inclusive) if (pattern.test(name)) best = Math.max(best, us);
  return (100 * best) / 1000 / s.totalMs;
}

/** What the server's self time is spent on, first match wins (patterns on "function  file:line"). */
export const SERVER_GROUPS: readonly (readonly [string, RegExp])[] = [
  ['SQLite BEGIN/COMMIT: WAL page writes, checkpoints, fsync', /sqliteTransaction|methods\/transaction\.js|wrappers\.js/],
  [
    'SQLite statements writing a commit (instance, events, tasks, inbox rows, jobs)',
    /packages\/store\/src\/sqlite\/(commit|events|tasks|jobs|subscriptions|notices|rows|sql|errors)\.ts/,
  ],
  ['SQLite reads (inbox, sessions, users, grants, definitions, instances)', /packages\/store\/src\/sqlite\/|better-sqlite3/],
  ['JWT verification (fast-jwt, HMAC)', /fast-jwt|Hmac|createSecretKey|crypto\/keys/],
  ['event hash chain (canonical JSON, SHA-256)', /packages\/store\/src\/chain\.ts|crypto\/hash/],
  ['engine (start, step)', /packages\/engine\//],
  ['server: routes, runtime, auth, metrics', /server\/src\//],
  [
    'Fastify, HTTP, sockets, JSON, logging',
    /fastify|find-my-way|avvio|pino|node:_http|node:net|node:internal\/streams|node:events|node:buffer|secure-json|fast-json|writeUtf8String|writev|ajv|node:internal\/(timers|process)/,
  ],
  ['garbage collector', /garbage collector/],
  ['idle (waiting for requests)', /\(idle\)/],
  ['tsx, module loading, start-up', /tsx|esbuild|node:internal\/modules|source_map|compileSourceTextModule|wrapSafe|\(program\)/],
];

export const SERVER_INCLUSIVE: readonly (readonly [string, RegExp])[] = [
  ['group commit: the transactions of the store writes (groupCommit.ts)', /^\(anonymous\)\s+packages\/store\/src\/sqlite\/groupCommit/],
  ['CommandExecutor.startOnce (POST /process-instances after its checks)', /^startOnce\s/],
  ['CommandExecutor.runLoop (complete)', /^runLoop\s/],
  ['auth hook: token, session, user, grants', /^\(anonymous\)\s+server\/src\/plugins\/auth\.ts/],
  ['  JWT verify', /^verify\s+server\/src\/auth\/accessTokens/],
  ['  principal (user + grants)', /^principalOf\s/],
  ['Store.tasks.inbox (GET /tasks)', /^\(anonymous\)\s+packages\/store\/src\/sqlite\/inbox\.ts/],
  ['event chain (extendChain)', /^extendChain\s/],
  ['engine step', /^step\s+packages\/engine/],
];
