import { isBody } from '../behaviors/loopBody.ts';
import { type EngineError, engineError } from '../errors.ts';
import type { Processing } from '../processing/processing.ts';
import type { ElementInstance, Vars } from '../state/types.ts';

/** A user task someone can act on: not a loop body, and not one whose holder has completed it while its signers sign. */
export function openTask(p: Processing, key: string): ElementInstance | undefined {
  const ei = p.instance(key);
  return ei && !isBody(ei) && ei.task && !ei.signing?.held && p.model.elements[ei.e]?.kind === 'userTask' ? ei : undefined;
}

export function invalidVariables(vars: unknown): EngineError | undefined {
  if (vars === undefined) return undefined;
  if (typeof vars !== 'object' || vars === null || Array.isArray(vars)) {
    return engineError('SZ_VARIABLES_INVALID', 'variables must be a JSON object');
  }
  return undefined;
}

export function payload(vars: Vars | undefined): { vars?: Vars } {
  return vars && Object.keys(vars).length > 0 ? { vars } : {};
}
