import type { SuiteResult } from './report.ts';
export async function runBpmnEngine(_peer: string): Promise<SuiteResult> {
  return { suite: 'bpmn-engine', cases: [] };
}
