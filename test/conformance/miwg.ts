import type { SuiteResult } from './report.ts';
export async function runMiwg(_peer: string): Promise<SuiteResult> {
  return { suite: 'miwg', cases: [] };
}
