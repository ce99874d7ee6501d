import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../src');

/** Everything under src/ is the core: no I/O (the model runner, the shell, lives in cli/). */
function coreFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return coreFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

const FORBIDDEN: [RegExp, string][] = [
  [/\bDate\.now\s*\(/, 'reads the clock (time comes in ctx.now)'],
  [/\bnew Date\(\s*\)/, 'reads the clock (time comes in ctx.now)'],
  [/\bMath\.random\s*\(/, 'draws random numbers (ids come from ctx.newId)'],
  [/from ['"]node:/, 'imports a Node module (I/O belongs to the shell)'],
  [/\brequire\(/, 'loads modules at run time'],
  [/\bprocess\.(env|argv|stdout|exit)/, 'touches the process'],
  [/\b(setTimeout|setInterval|setImmediate|fetch)\s*\(/, 'schedules or does I/O'],
  [/\beval\(|new Function\(|\bvm\./, 'evaluates code (expressions go through FEEL)'],
];

describe('the engine core is pure', () => {
  const files = coreFiles(SRC);

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(FORBIDDEN)('no source file matches %s', (pattern, why) => {
    const offenders = files
      .filter((f) => pattern.test(readFileSync(f, 'utf8').replace(/^\s*(\/\/|\*).*$/gm, '')))
      .map((f) => `${relative(SRC, f)} ${why}`);
    expect(offenders).toEqual([]);
  });
});
