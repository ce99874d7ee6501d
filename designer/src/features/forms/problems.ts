import type { MessageKey } from '../../i18n/zh-CN.ts';
import { allFields } from './edits.ts';
import { boundKeys, type Container, type FormModel } from './model.ts';

/** A field name the process can use as a variable (FEEL, sz:field), as the engine's conditions need. */
export const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** Why the builder will not publish a field yet, per field id: checked as the designer types. */
export function fieldProblems(model: FormModel): Map<string, MessageKey[]> {
  const problems = new Map<string, MessageKey[]>();
  const add = (id: string, key: MessageKey) => problems.set(id, [...(problems.get(id) ?? []), key]);
  const visit = (container: Container) => {
    const seen = new Map<string, number>();
    for (const f of container.fields) seen.set(f.name, (seen.get(f.name) ?? 0) + 1);
    for (const f of container.fields) {
      if (!FIELD_NAME.test(f.name)) add(f.id, 'forms.problem.name');
      else if ((seen.get(f.name) ?? 0) > 1) add(f.id, 'forms.problem.nameTaken');
      if (f.kind === 'unsupported') continue;
      if (!f.title.trim()) add(f.id, 'forms.problem.title');
      if (boundKeys(f.kind) && f.min !== undefined && f.max !== undefined && f.min > f.max) add(f.id, 'forms.problem.bounds');
      if (f.kind === 'choice' || f.kind === 'multiChoice') {
        const values = f.options.map((o) => o.value.trim());
        if (values.length === 0) add(f.id, 'forms.problem.noOptions');
        else if (values.some((v) => !v) || new Set(values).size !== values.length) add(f.id, 'forms.problem.options');
      }
      if (f.kind === 'group' && f.inner?.fields.length === 0) add(f.id, 'forms.problem.emptyGroup');
      if (f.inner) visit(f.inner);
    }
  };
  visit(model.root);
  return problems;
}

/** Fields of a schema made elsewhere that no palette type shows: kept as they are, listed for the designer. */
export function unsupportedFields(model: FormModel) {
  return allFields(model.root).filter((f) => f.kind === 'unsupported');
}
