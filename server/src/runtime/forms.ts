import type { ElementModel, FormBinding, Model, Problem } from '@shanzhi/engine';
import { type DefinitionProblem, defineForm, type Form, FormDefinitionError, type Lang } from '@shanzhi/forms';
import type { DefinitionRecord, FormRecord, Store } from '@shanzhi/store';
import type { IdGenerator } from '../clock.ts';

/** A form as a designer sends it: the store gives the version. */
export interface FormInput {
  readonly key: string;
  readonly title: string;
  readonly schema: Readonly<Record<string, unknown>>;
  readonly uiSchema?: Readonly<Record<string, unknown>>;
}

/** A stored form, checked and compiled for validation. */
export interface LoadedForm {
  readonly record: FormRecord;
  readonly form: Form;
}

/** Why a form definition was refused: which form (by key) and where in it. */
export interface FormProblem extends DefinitionProblem {
  readonly form: string;
}

/** A process element that shows a form: a user task, or the start event (the start form). */
export interface Binding {
  readonly element: ElementModel;
  readonly binding: FormBinding;
}

/** The forms of a model, pinned: form key -> the FormRecord each binding resolved to, or 'own' for one deployed with it. */
export type Pins = ReadonlyMap<string, FormRecord | 'own'>;

/**
 * Deployed form definitions: checked by @shanzhi/forms before they are stored, versioned per key
 * and unit by the store, and pinned by the process definitions that bind them, so a running
 * instance keeps the form its definition was deployed with. Compiled forms are kept by id: a
 * stored version never changes.
 */
export class Forms {
  private readonly cache = new Map<string, LoadedForm>();

  constructor(
    private readonly deps: { store: Store; newId: IdGenerator },
    private readonly max = 500,
  ) {}

  /** The problems of a definition, in `lang`; none when it would deploy. */
  problems(input: FormInput, lang?: Lang): FormProblem[] {
    try {
      defineForm({ ...input, version: 1 }, lang ? { lang } : {});
      return [];
    } catch (error) {
      if (!(error instanceof FormDefinitionError)) throw error;
      return error.problems.map((p) => ({ ...p, form: input.key }));
    }
  }

  /** Stores a checked definition as the next version of its key at the unit. */
  async deploy(input: FormInput, at: { unitPath: string; deployedBy: string; now: number }): Promise<LoadedForm> {
    const record = await this.deps.store.forms.deploy({
      id: this.deps.newId(),
      key: input.key,
      title: input.title,
      schema: input.schema,
      ...(input.uiSchema ? { uiSchema: input.uiSchema } : {}),
      unitPath: at.unitPath,
      deployedAt: at.now,
      deployedBy: at.deployedBy,
    });
    return this.remember(record);
  }

  async byId(id: string): Promise<LoadedForm | undefined> {
    const hit = this.cache.get(id);
    if (hit) {
      this.cache.delete(id);
      this.cache.set(id, hit);
      return hit;
    }
    const record = await this.deps.store.forms.byId(id);
    return record && this.remember(record);
  }

  /**
   * Finds the form every binding of the model names: the version it names, at the unit or above;
   * without one, the form of that key deployed with the model (`own`), else the newest at the unit
   * or above. A binding that finds none is a problem naming its element.
   */
  async pin(model: Model, unitPath: string, own: ReadonlySet<string>): Promise<{ pins: Pins; problems: Problem[] }> {
    const pins = new Map<string, FormRecord | 'own'>();
    const problems: Problem[] = [];
    for (const { element, binding } of bindingsOf(model)) {
      if (pins.has(binding.key)) continue;
      const found =
        binding.version === undefined && own.has(binding.key)
          ? 'own'
          : await this.deps.store.forms.nearest(binding.key, unitPath, binding.version);
      if (found) pins.set(binding.key, found);
      else problems.push(missing(element, binding, unitPath));
    }
    return { pins, problems };
  }

  /** The form a definition pinned for this binding. */
  async bound(definition: DefinitionRecord, binding: FormBinding): Promise<LoadedForm | undefined> {
    const id = definition.forms?.[binding.key];
    return id === undefined ? undefined : this.byId(id);
  }

  private remember(record: FormRecord): LoadedForm {
    const { key, version, title, schema, uiSchema } = record;
    const loaded = { record, form: defineForm({ key, version, title, schema, ...(uiSchema ? { uiSchema } : {}) }) };
    this.cache.set(record.id, loaded);
    if (this.cache.size > this.max) this.cache.delete(this.cache.keys().next().value as string);
    return loaded;
  }
}

/** Every element of every process of the model that binds a form. */
export function bindingsOf(model: Model): Binding[] {
  const out: Binding[] = [];
  for (const process of Object.values(model.processes))
    for (const element of Object.values(process.elements)) if (element.form?.key) out.push({ element, binding: element.form });
  return out;
}

function missing(element: ElementModel, binding: FormBinding, unitPath: string): Problem {
  const which = binding.version === undefined ? `'${binding.key}'` : `'${binding.key}' version ${binding.version}`;
  return {
    rule: 'form-missing',
    elementId: element.id,
    elementType: element.kind,
    message: `${element.id} shows form ${which}, which is not deployed at ${unitPath} or above it: deploy it first, or with the model`,
  };
}
