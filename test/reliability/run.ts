/**
 * `pnpm test:reliability`: issue #14's reliability parts, one after another, a summary line per
 * part and the final line; exits 1 when any built part fails. Parts not built yet are named as
 * such and count for nothing.
 *
 * RELIABILITY_INSTANCES (default 2000) and RELIABILITY_CRASHES (default 5) size the crash part,
 * RELIABILITY_RACES (default 50 per kind) the races part; RELIABILITY_PARTS (e.g. `races`) runs
 * only the parts named.
 */
import { crashPart } from './crash/index.ts';
import { racesPart } from './races/index.ts';
import { finalLine, type NotBuilt, type PartResult, partLine } from './report.ts';

const int = (name: string, fallback: number) => {
  const value = process.env[name];
  const n = value === undefined || value === '' ? fallback : Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, not '${value}'`);
  return n;
};

const log = (line: string) => process.stdout.write(`  ${line}\n`);
const only = new Set((process.env.RELIABILITY_PARTS ?? '').split(',').filter(Boolean));
const wanted = (name: string) => only.size === 0 || only.has(name);

const parts: { name: string; run?: () => Promise<PartResult> }[] = [
  {
    name: 'crash',
    run: () =>
      crashPart({ instances: int('RELIABILITY_INSTANCES', 2000), crashes: int('RELIABILITY_CRASHES', 5), withinMs: 15 * 60_000, log }),
  },
  { name: 'races', run: () => racesPart({ perKind: int('RELIABILITY_RACES', 50), log }) },
  { name: 'inputs' },
  { name: 'access matrix' },
];

const unknown = [...only].filter((name) => !parts.some((p) => p.name === name));
if (unknown.length > 0)
  throw new Error(`RELIABILITY_PARTS names no part '${unknown.join("', '")}': the parts are ${parts.map((p) => p.name).join(', ')}`);

const results: (PartResult | NotBuilt)[] = [];
for (const part of parts) {
  if (!wanted(part.name)) continue;
  if (!part.run) {
    results.push({ name: part.name, notBuilt: true });
    continue;
  }
  process.stdout.write(`${part.name}: running\n`);
  const began = performance.now();
  try {
    results.push(await part.run());
  } catch (error) {
    const seconds = (performance.now() - began) / 1000;
    results.push({
      name: part.name,
      ok: false,
      summary: `stopped by an error`,
      failures: [String((error as Error)?.stack ?? error)],
      seconds,
    });
  }
}

for (const r of results) {
  if ('notBuilt' in r || r.ok) continue;
  process.stdout.write(`\n${r.name} failures (${r.failures.length}):\n`);
  for (const f of r.failures.slice(0, 30)) process.stdout.write(`  ${f}\n`);
}
process.stdout.write('\n');
for (const r of results) process.stdout.write(`${partLine(r)}\n`);
process.stdout.write(`${finalLine(results)}\n`);
process.exit(results.every((r) => 'notBuilt' in r || r.ok) ? 0 : 1);
