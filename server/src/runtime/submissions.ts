import type { FieldRule, Vars } from '@shanzhi/engine';
import { type Lang, type SubmissionError, validateSubmission } from '@shanzhi/forms';
import { ApiError } from '../errors.ts';
import type { LoadedForm } from './forms.ts';

/** A form as a step binds it: the pinned form and the step's field rules. */
export interface BoundForm {
  readonly loaded: LoadedForm;
  readonly rules: readonly FieldRule[];
}

/**
 * What a step submits through its form, as the process variables it becomes: validated against
 * the form its definition pinned and the step's field rules, with the values the instance holds
 * as what readonly and hidden fields keep. The mapping is one for one: each top-level field of
 * the form is the process variable of that name (an attachment is its id, never its content);
 * fields the form does not declare are refused, and what the step may not change is not written
 * again. A refusal is 400 SZ_FORM_INVALID, each error naming its field by its title.
 */
export function submittedVariables(bound: BoundForm, data: Vars, current: Vars, lang: Lang): Vars {
  const result = validateSubmission(bound.loaded.form, bound.rules, data, { previous: current, lang, closed: true });
  if (!result.ok) throw formInvalid(result.errors, lang);
  const fixed = new Set(bound.rules.filter((r) => r.access === 'readonly' || r.access === 'hidden').map((r) => r.field));
  return Object.fromEntries(Object.entries(result.value).filter(([field]) => !fixed.has(field)));
}

export function formInvalid(errors: readonly SubmissionError[], lang: Lang): ApiError {
  const named = errors.map((e) => ({ ...e, message: e.label ? `${e.label}${lang === 'en' ? ': ' : '：'}${e.message}` : e.message }));
  // The errors are worded in `lang` already: the language the request asked for.
  return new ApiError('SZ_FORM_INVALID', { errors: named.map((e) => e.message).join(lang === 'en' ? '; ' : '；') }, { errors: named });
}
