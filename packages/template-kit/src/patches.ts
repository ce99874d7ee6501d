import { problem } from './messages.ts';
import { isRecord } from './placeholders.ts';
import type { Lang, PatchOp, TemplateForm, TemplateProblem } from './types.ts';

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** What a village's patch of one form is checked against. */
export interface PatchContext {
  readonly form: TemplateForm;
  /** Parameter names: a field of the same name would shadow the parameter's variable. */
  readonly reserved: ReadonlySet<string>;
  readonly lang: Lang;
}

/**
 * A village's fields added to a template form: RFC 6902 `add` operations at four places only:
 * a new property (`/schema/properties/<name>`), making a new field required (`/schema/required/-`),
 * its display (`/uiSchema/<name>`) and its place (`/uiSchema/ui:order/-` or an index). Nothing the
 * template has can be changed or removed, so the fields the procedure relies on stay.
 */
export function applyFieldPatch(ops: readonly PatchOp[], ctx: PatchContext): { form: TemplateForm; problems: TemplateProblem[] } {
  const { form, reserved, lang } = ctx;
  const schema = structuredClone(form.schema) as Record<string, unknown>;
  const uiSchema = structuredClone(form.uiSchema ?? {}) as Record<string, unknown>;
  if (!isRecord(schema.properties)) schema.properties = {};
  const properties = schema.properties as Record<string, unknown>;
  const added = new Set<string>();
  const problems: TemplateProblem[] = [];
  const refuse = (index: number, code: Parameters<typeof problem>[1], values: Record<string, unknown>): void => {
    problems.push(problem(lang, code, `fields/${form.key}/${index}`, { form: form.title, index: index + 1, ...values }));
  };

  const apply = (op: PatchOp, index: number): void => {
    if (op.op !== 'add') return refuse(index, 'patch-op', { op: op.op });
    const at = parsePointer(op.path);
    const [where, ...rest] = at;
    if (where === 'schema' && rest[0] === 'properties' && rest.length === 2) {
      const name = rest[1] as string;
      if (!FIELD_NAME.test(name)) return refuse(index, 'field-name', { name });
      if (reserved.has(name)) return refuse(index, 'field-reserved', { name });
      if (Object.hasOwn(properties, name)) return refuse(index, 'field-exists', { name });
      if (!isRecord(op.value)) return refuse(index, 'field-schema', { name });
      properties[name] = structuredClone(op.value);
      added.add(name);
      return;
    }
    const name = typeof op.value === 'string' ? op.value : undefined;
    if (where === 'schema' && rest[0] === 'required' && rest[1] === '-' && rest.length === 2) {
      if (name === undefined || !added.has(name)) return refuse(index, 'field-not-added', { name: String(op.value) });
      schema.required = [...(Array.isArray(schema.required) ? schema.required : []), name];
      return;
    }
    if (where === 'uiSchema' && rest.length === 1 && rest[0] !== 'ui:order') {
      const field = rest[0] as string;
      if (!added.has(field)) return refuse(index, 'field-not-added', { name: field });
      if (!isRecord(op.value)) return refuse(index, 'field-schema', { name: field });
      uiSchema[field] = structuredClone(op.value);
      return;
    }
    if (where === 'uiSchema' && rest[0] === 'ui:order' && rest.length === 2 && (rest[1] === '-' || /^\d+$/.test(rest[1] as string))) {
      if (name === undefined || !added.has(name)) return refuse(index, 'field-not-added', { name: String(op.value) });
      const order = Array.isArray(uiSchema['ui:order'])
        ? [...(uiSchema['ui:order'] as unknown[])]
        : [...Object.keys(properties).filter((p) => p !== name), '*'];
      const place = rest[1] === '-' ? order.length : Math.min(Number(rest[1]), order.length);
      order.splice(place, 0, name);
      uiSchema['ui:order'] = order;
      return;
    }
    refuse(index, 'patch-path', { path: op.path });
  };
  for (const [index, op] of ops.entries()) apply(op, index);
  const hasUi = form.uiSchema !== undefined || Object.keys(uiSchema).length > 0;
  return { form: { ...form, schema, ...(hasUi ? { uiSchema } : {}) }, problems };
}

/** The fields a patch adds, in order. */
export function fieldsAdded(ops: readonly PatchOp[]): string[] {
  return ops.flatMap((op) => {
    const at = parsePointer(op.path);
    return op.op === 'add' && at.length === 3 && at[0] === 'schema' && at[1] === 'properties' ? [at[2] as string] : [];
  });
}

/** RFC 6901: `/a~1b/c~0d` → ['a/b', 'c~d']. */
function parsePointer(pointer: string): string[] {
  if (!pointer.startsWith('/')) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}
