import { ApiError } from '../errors.ts';
import type { DeployResult } from './definitions.ts';
import type { FormProblem } from './forms.ts';

/** 400 SZ_FORM_DEFINITION_INVALID: the first problem in the message, every one in details. */
export function formDefinitionInvalid(problems: readonly FormProblem[]): ApiError {
  const first = problems[0];
  const params = { form: first?.form ?? '', path: first?.path || '/', problem: first?.message ?? '' };
  return new ApiError('SZ_FORM_DEFINITION_INVALID', params, { problems });
}

/** Why a deployment was refused, as the API answers it: its forms' problems, or its model's. */
export function deployRefusal(result: Exclude<DeployResult, { ok: true }>): ApiError {
  if (result.code === 'SZ_FORM_DEFINITION_INVALID') return formDefinitionInvalid(result.problems);
  const params = { count: result.problems.length, first: result.problems[0]?.message ?? '' };
  return new ApiError('SZ_BPMN_INVALID/deploy', params, { problems: result.problems });
}
