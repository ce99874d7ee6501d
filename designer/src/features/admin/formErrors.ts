import { ApiFailure } from '../../shared/api.ts';
import { fieldErrorsOf } from '../../shared/form/serverErrors.ts';

/** A refusal split for an antd Form: messages on the fields they name, the rest for an alert above it. */
export interface FormRefusal {
  readonly fields: { name: string; errors: string[] }[];
  readonly rest?: string;
}

/**
 * Puts the server's field problems (`body.path` → the form's `segment`) on the form's fields;
 * `byCode` sends a refusal without field details (SZ_USERNAME_TAKEN) to the field it is about.
 */
export function refusalFor(error: unknown, byField: Record<string, string>, byCode: Record<string, string> = {}): FormRefusal {
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof ApiFailure)) return { fields: [], rest: message };
  const onCode = byCode[error.code];
  if (onCode) return { fields: [{ name: onCode, errors: [message] }] };
  const named = new Map<string, string[]>();
  const unnamed: string[] = [];
  for (const e of fieldErrorsOf(error.details)) {
    const name = byField[e.field];
    if (name) named.set(name, [...(named.get(name) ?? []), e.message]);
    else unnamed.push(e.message);
  }
  const fields = [...named].map(([name, errors]) => ({ name, errors }));
  if (fields.length === 0) return { fields, rest: message };
  return unnamed.length > 0 ? { fields, rest: unnamed.join('；') } : { fields };
}
