/**
 * Suite 2: behaviours asserted by the bpmn-engine / bpmn-elements tests, restated as data in
 * bpmn-engine.cases.json and run on the peer's fixtures (shared/peer/bpmn-engine-fixtures).
 * Their expressions are JavaScript; a case rewrites the few it needs into FEEL with the same
 * key forms as the Camunda 7 suite, and stands in for service tasks with jobs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile, type Model } from '@shanzhi/engine';
import cases from './bpmn-engine.cases.json' with { type: 'json' };
import { type ElementAdaptation, rewriteModel } from './camunda7Rewrite.ts';
import { CaseFailure, Harness, type JobAction, type Step } from './harness.ts';
import { type CaseResult, fail, pass, type SuiteResult, skipped } from './report.ts';

interface EngineCase {
  id: string;
  group: string;
  fixture: string;
  behaviour: string;
  processId?: string;
  feel?: Record<string, string>;
  adapt?: Record<string, ElementAdaptation>;
  steps: Step[];
  note?: string;
  skip?: string;
}

export async function runBpmnEngine(peer: string): Promise<SuiteResult> {
  const dir = join(peer, 'bpmn-engine-fixtures');
  const results: CaseResult[] = [];
  for (const c of cases.cases as EngineCase[]) results.push(await runCase(dir, c));
  return { suite: 'bpmn-engine', cases: results };
}

async function runCase(dir: string, c: EngineCase): Promise<CaseResult> {
  if (c.skip) return skipped(c.id, c.skip);
  try {
    const rewritten = await rewriteModel(readFileSync(join(dir, c.fixture), 'utf8'), c.feel ?? {}, c.adapt ?? {});
    const compiled = await compile(rewritten.xml);
    if (!compiled.ok) {
      return fail(
        c.id,
        `${c.fixture} does not compile: ${compiled.problems.map((p) => `${p.rule} ${p.elementId ?? '-'}: ${p.message}`).join('; ')}`,
      );
    }
    const model: Model = compiled.model;
    const jobs: Record<string, JobAction> = {};
    for (const [id, a] of Object.entries(c.adapt ?? {})) if (a.job && a.job !== 'manual') jobs[id] = a.job;
    const harness = new Harness(c.processId ?? model.main, { jobs });
    harness.deploy(model);
    const notes = harness.run(c.steps);
    return pass(c.id, [c.note, ...notes].filter(Boolean).join('; '));
  } catch (e) {
    if (e instanceof CaseFailure) return fail(c.id, `${e.message} [${c.fixture}]`);
    return fail(c.id, `runner error: ${(e as Error).message} [${c.fixture}]`);
  }
}
