import { type EngineError, engineError } from '../errors.ts';
import type { Vars } from '../state/types.ts';

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
