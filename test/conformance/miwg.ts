/**
 * Suite 3: the 21 OMG BPMN MIWG reference models. There is no run-time behaviour to compare, and
 * the reference holds every model valid: a model passes when it compiles. Most are diagram-interchange
 * models our executable-model compiler refuses; that is `refused`, not a pass, when every problem names
 * the element (id) and says what is wrong, so a designer can find it, and a failure when one does not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '@shanzhi/engine';
import { type CaseResult, fail, pass, refused, type SuiteResult } from './report.ts';

export async function runMiwg(peer: string): Promise<SuiteResult> {
  const dir = join(peer, 'miwg');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.bpmn'))
    .sort();
  const results: CaseResult[] = [];
  for (const f of files) {
    const result = await compile(readFileSync(join(dir, f), 'utf8'));
    if (result.ok) {
      results.push(pass(f, `compiles (${Object.keys(result.model.processes).length} process(es))`));
      continue;
    }
    const counts = new Map<string, number>();
    for (const p of result.problems) counts.set(p.rule, (counts.get(p.rule) ?? 0) + 1);
    const rules = [...counts].map(([rule, n]) => (n > 1 ? `${rule} x${n}` : rule)).join(', ');
    const unnamed = result.problems.filter((p) => !p.elementId || !p.message);
    const untyped = result.problems.filter((p) => p.elementId && !p.elementType);
    if (unnamed.length > 0) {
      const first = unnamed[0];
      results.push(
        fail(f, `rejected; ${unnamed.length} problem(s) name no element, e.g. ${first?.rule}: ${first?.message} | rules: ${rules}`),
      );
    } else {
      results.push(
        refused(f, `every problem names its element${untyped.length > 0 ? ` (${untyped.length} without a type)` : ''} | rules: ${rules}`),
      );
    }
  }
  return { suite: 'miwg', cases: results };
}
