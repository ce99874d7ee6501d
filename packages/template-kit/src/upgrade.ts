import { message } from './messages.ts';
import { parameterSchemas, resolveParameters } from './parameters.ts';
import { fieldsAdded } from './patches.ts';
import type { Lang, Overlay, PatchOp, TemplatePackage, TownSettings } from './types.ts';

export type ConflictKind = 'parameter-removed' | 'parameter-out-of-bounds' | 'form-closed' | 'field-taken';
export type DecisionAction = 'drop' | 'default' | 'value' | 'rename';

/** Something the village set that the new version does not take as it is: shown for a decision, never dropped silently. */
export interface Conflict {
  /** `parameter:postingDays`, `form:key-matter-proposal`, `field:key-matter-proposal/contactPhone`. */
  readonly id: string;
  readonly kind: ConflictKind;
  readonly message: string;
  readonly options: readonly DecisionAction[];
  /** What the village has there now. */
  readonly current?: unknown;
  /** Why the last decision given for it did not settle it. */
  readonly refused?: string;
}

export interface Decision {
  readonly action: DecisionAction;
  /** The new value (`value`) or the new field name (`rename`). */
  readonly value?: unknown;
}

export interface UpgradeInput {
  readonly overlay: Overlay;
  readonly to: TemplatePackage;
  readonly settings: TownSettings;
  readonly decisions?: Readonly<Record<string, Decision>>;
  readonly lang: Lang;
}

/**
 * The village's overlay carried over to a new template version: what still fits is kept as it
 * is; what does not is a conflict until a decision settles it (drop it, take the new default, a
 * new value, a new field name). The overlay is ready to render when no conflict is left.
 */
export function upgradeOverlay(input: UpgradeInput): { readonly overlay: Overlay; readonly conflicts: readonly Conflict[] } {
  const { to, settings, lang } = input;
  const decisions = input.decisions ?? {};
  const conflicts: Conflict[] = [];
  const settle = (conflict: Omit<Conflict, 'refused'>, apply: (d: Decision) => string | undefined) => {
    const decision = decisions[conflict.id];
    if (!decision) return conflicts.push(conflict);
    const refused = conflict.options.includes(decision.action)
      ? apply(decision)
      : message(lang, 'decision-invalid', { conflict: conflict.id, action: decision.action, options: conflict.options.join(', ') });
    if (refused !== undefined) conflicts.push({ ...conflict, refused });
  };

  const schemas = parameterSchemas(to);
  const parameters: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(input.overlay.parameters ?? {})) {
    const id = `parameter:${name}`;
    if (!Object.hasOwn(schemas, name)) {
      settle(
        {
          id,
          kind: 'parameter-removed',
          options: ['drop'],
          current: value,
          message: message(lang, 'conflict-parameter-removed', { name, value }),
        },
        () => undefined,
      );
      continue;
    }
    const fits = (v: unknown) => {
      const checked = resolveParameters(to, settings, { [name]: v }, lang);
      return checked.ok ? undefined : checked.problems.map((p) => p.message).join('；');
    };
    const wrong = fits(value);
    if (wrong === undefined) {
      parameters[name] = value;
      continue;
    }
    const label = (schemas[name]?.title as string | undefined) ?? name;
    settle(
      {
        id,
        kind: 'parameter-out-of-bounds',
        options: ['default', 'value'],
        current: value,
        message: message(lang, 'conflict-out-of-bounds', { label, value, message: wrong }),
      },
      (d) => {
        if (d.action === 'default') return undefined;
        const again = fits(d.value);
        if (again === undefined) parameters[name] = d.value;
        return again;
      },
    );
  }

  const fields: Record<string, readonly PatchOp[]> = {};
  for (const [key, ops] of Object.entries(input.overlay.fields ?? {})) {
    const form = to.forms.find((f) => f.key === key);
    const title = form?.title ?? key;
    const added = fieldsAdded(ops);
    if (!form || !to.manifest.extensible?.[key]) {
      settle(
        {
          id: `form:${key}`,
          kind: 'form-closed',
          options: ['drop'],
          current: added,
          message: message(lang, 'conflict-form-closed', { form: title, fields: added.join('、') }),
        },
        () => undefined,
      );
      continue;
    }
    let kept = [...ops];
    const own = Object.keys((form.schema.properties as object | undefined) ?? {});
    for (const name of added.filter((n) => own.includes(n))) {
      settle(
        {
          id: `field:${key}/${name}`,
          kind: 'field-taken',
          options: ['drop', 'rename'],
          current: name,
          message: message(lang, 'conflict-field-taken', { form: title, name }),
        },
        (d) => {
          if (d.action === 'drop') {
            kept = withoutField(kept, name);
            return undefined;
          }
          const to = typeof d.value === 'string' ? d.value : '';
          if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(to) || own.includes(to))
            return message(lang, 'field-exists', { form: title, name: to || '""' });
          kept = renameField(kept, name, to);
          return undefined;
        },
      );
    }
    if (kept.length > 0) fields[key] = kept;
  }

  const overlay: Overlay = {
    ...(Object.keys(parameters).length > 0 ? { parameters } : {}),
    ...(Object.keys(fields).length > 0 ? { fields } : {}),
    ...(input.overlay.name === undefined ? {} : { name: input.overlay.name }),
  };
  return { overlay, conflicts };
}

const mentions = (op: PatchOp, name: string) => op.value === name || op.path.split('/').includes(name);

function withoutField(ops: readonly PatchOp[], name: string): PatchOp[] {
  return ops.filter((op) => !mentions(op, name));
}

function renameField(ops: readonly PatchOp[], from: string, to: string): PatchOp[] {
  return ops.map((op) =>
    mentions(op, from)
      ? {
          ...op,
          path: op.path
            .split('/')
            .map((part) => (part === from ? to : part))
            .join('/'),
          ...(op.value === from ? { value: to } : {}),
        }
      : op,
  );
}
