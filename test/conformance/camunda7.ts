/** Suite 1: the Camunda 7 engine tests restated in shared/peer/camunda7/expectations.json. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile, type Model } from '@shanzhi/engine';
import adaptationsFile from './camunda7.adaptations.json' with { type: 'json' };
import skips from './camunda7.skips.json' with { type: 'json' };
import { type ElementAdaptation, rewriteModel } from './camunda7Rewrite.ts';
import { CaseFailure, Harness, type JobAction, type Step } from './harness.ts';
import { type CaseResult, fail, pass, type SuiteResult, skipped } from './report.ts';

interface Expectation {
  id: string;
  model: string;
  also?: string[];
  missing?: string[];
  processId: string;
  summary: string;
  steps: Step[];
  feel?: Record<string, string>;
  portable: boolean;
  notPortableBecause?: string;
}

const adaptations = adaptationsFile.models as Record<string, Record<string, ElementAdaptation>>;
const reconstructed = adaptationsFile.reconstructed as Record<string, { why: string; models: string[] }>;
const skipReasons = skips as Record<string, string>;
const HERE = import.meta.dirname;

export async function runCamunda7(peer: string): Promise<SuiteResult> {
  const dir = join(peer, 'camunda7');
  const cases = JSON.parse(readFileSync(join(dir, 'expectations.json'), 'utf8')) as Expectation[];
  const results: CaseResult[] = [];
  for (const c of cases) results.push(await runCase(dir, c));
  return { suite: 'camunda7', cases: results };
}

async function runCase(dir: string, c: Expectation): Promise<CaseResult> {
  const skip = skipReasons[c.id];
  if (skip !== undefined) return skipped(c.id, skip);
  const tag = c.portable ? '' : 'not portable, run adapted: ';
  try {
    const files = [c.model, ...(c.also ?? [])].map((f) => ({ name: f, xml: readFileSync(join(dir, f), 'utf8') }));
    for (const f of reconstructed[c.id]?.models ?? []) files.push({ name: f, xml: readFileSync(join(HERE, f), 'utf8') });
    const jobs: Record<string, JobAction> = {};
    const models: Model[] = [];
    const rewriteNotes: string[] = [];
    for (const f of files) {
      const adapt = adaptations[f.name] ?? {};
      for (const [id, a] of Object.entries(adapt)) if (a.job && a.job !== 'manual') jobs[id] = a.job;
      const rewritten = await rewriteModel(f.xml, c.feel ?? {}, adapt);
      rewriteNotes.push(...rewritten.notes);
      const compiled = await compile(rewritten.xml);
      if (!compiled.ok) {
        const problems = compiled.problems.map((p) => `${p.rule} ${p.elementId ?? '-'}: ${p.message}`).join('; ');
        return fail(c.id, `${tag}${f.name} does not compile after the rewrite: ${problems}`);
      }
      models.push(compiled.model);
    }
    const harness = new Harness(c.processId, { jobs });
    for (const m of models) harness.deploy(m);
    const notes = harness.run(c.steps);
    const extra = [...rewriteNotes, ...notes];
    if (!c.portable)
      extra.unshift(
        c.notPortableBecause?.includes('history') || c.notPortableBecause?.includes('execution-tree')
          ? 'history/execution-tree part not checked'
          : 'adapted',
      );
    if (reconstructed[c.id]) extra.unshift('calling model reconstructed');
    return pass(c.id, `${c.portable ? '' : 'not portable; '}${extra.join('; ')}`);
  } catch (e) {
    if (e instanceof CaseFailure) return fail(c.id, `${tag}${e.message}`);
    return fail(c.id, `${tag}runner error: ${(e as Error).message}`);
  }
}
