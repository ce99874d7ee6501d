import type { ErrorSchema } from '@rjsf/utils';

/** A field the server found wrong: its name or JSON pointer (`/amount`, `body.variables.amount`) and the message. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
  /** The field's title, which SZ_FORM_INVALID puts before the message (联系人手机号：…). */
  readonly label?: string;
}

/** On the field itself its title is already there: the message without it. */
function onField(e: FieldError): string {
  for (const separator of ['：', ': ']) {
    if (e.label && e.message.startsWith(`${e.label}${separator}`)) return e.message.slice(e.label.length + separator.length);
  }
  return e.message;
}

function isFieldError(value: unknown): value is FieldError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as FieldError).field === 'string' &&
    typeof (value as FieldError).message === 'string'
  );
}

/**
 * The fields a refusal names: SZ_FORM_INVALID carries `details.errors` (a pointer and a message
 * per field), SZ_VALIDATION a list of `{ field, message }` naming request parts.
 */
export function fieldErrorsOf(details: unknown): FieldError[] {
  const list = Array.isArray(details) ? details : (details as { errors?: unknown } | undefined)?.errors;
  return Array.isArray(list) ? list.filter(isFieldError) : [];
}

/** The path of a field inside the form: `/a/0/b` and `body.variables.a.0.b` both name a → 0 → b. */
export function fieldPath(field: string): string[] {
  const path = field.startsWith('/') ? field.slice(1).split('/') : field.split('.');
  const inside = path[0] === 'body' && path[1] === 'variables' ? path.slice(2) : path;
  return inside.filter(Boolean).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The server's field errors as rjsf's extra errors, each on the field it names; the rest go on the form. */
export function errorSchemaOf(errors: readonly FieldError[]): ErrorSchema {
  const schema: Record<string, unknown> = {};
  for (const e of errors) {
    let node = schema;
    for (const segment of fieldPath(e.field)) {
      node[segment] ??= {};
      node = node[segment] as Record<string, unknown>;
    }
    const list = (node.__errors as string[] | undefined) ?? [];
    node.__errors = [...list, onField(e)];
  }
  return schema as ErrorSchema;
}
