import { ApiFailure, api, ok } from '../../shared/api.ts';
import type { DeployProblem } from './problems.ts';

/** What deploy would refuse, asked of the server without storing anything (POST /api/deployments?dryRun=true). */
export async function dryRun(xml: string, unit: string): Promise<readonly DeployProblem[]> {
  const report = await ok(api.POST('/api/deployments', { params: { query: { dryRun: true } }, body: { xml, unit } }));
  return 'problems' in report ? report.problems : [];
}

/** The problems a refused deploy names (400 SZ_BPMN_INVALID or SZ_FORM_DEFINITION_INVALID), undefined for any other failure. */
export function refusalProblems(error: unknown): readonly DeployProblem[] | undefined {
  if (!(error instanceof ApiFailure) || error.status !== 400) return undefined;
  const problems = (error.details as { problems?: unknown } | undefined)?.problems;
  return Array.isArray(problems) ? (problems as DeployProblem[]) : undefined;
}

/** The longest version note the server keeps. */
export const MAX_NOTE = 500;

/** Deploys the model at the unit as the key's next version, with what changed in it. */
export async function deploy(xml: string, unit: string, note: string) {
  const said = note.trim();
  const answer = await ok(api.POST('/api/deployments', { body: { xml, unit, ...(said ? { note: said } : {}) } }));
  // The client types the route's two answers together; without dryRun it is the 201, the definition.
  if (!('id' in answer)) throw new Error('the server answered a deploy with a dry-run report');
  return answer;
}
