import { ApiFailure } from '../../shared/api.ts';
import { fieldAtPointer } from './edits.ts';
import type { FormModel } from './model.ts';

/** The server's refusal (SZ_FORM_DEFINITION_INVALID) on the fields its problems point at; the rest for the page. */
export function placeProblems(model: FormModel, error: unknown) {
  const byField = new Map<string, string[]>();
  const other: string[] = [];
  const details =
    error instanceof ApiFailure ? (error.details as { problems?: { path: string; message: string }[] } | undefined) : undefined;
  for (const p of details?.problems ?? []) {
    const field = fieldAtPointer(model, p.path);
    if (field) byField.set(field.id, [...(byField.get(field.id) ?? []), p.message]);
    else other.push(p.message);
  }
  return { byField, other };
}
