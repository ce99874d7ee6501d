/** Languages messages are written in; zh-CN is the default everywhere. */
export type Lang = 'zh-CN' | 'en';

export const DEFAULT_LANG: Lang = 'zh-CN';

/**
 * A form as authored in the designer or shipped in a template. The schema describes the whole
 * record (every field of every step); what a step may touch is said by its field rules.
 */
export interface FormDefinitionInput {
  readonly key: string;
  readonly version: number;
  readonly title: string;
  /** JSON Schema 2020-12 with `type: "object"` at the root. */
  readonly schema: Readonly<Record<string, unknown>>;
  /** react-jsonschema-form's uiSchema (order, widgets, placeholders): passed through to the browser. */
  readonly uiSchema?: Readonly<Record<string, unknown>>;
}

declare const checked: unique symbol;

/**
 * A definition that passed `defineForm`: deep-frozen, so what was checked is what runs. The brand
 * keeps unchecked objects out of `validateSubmission` at compile time (and a WeakSet at run time).
 */
export interface Form extends FormDefinitionInput {
  readonly [checked]: true;
}

/**
 * What a step may do with a field: the engine's `sz:field access` (FormBinding.fields), taken
 * by shape so this package depends on no other of ours.
 */
export type FieldAccess = 'editable' | 'readonly' | 'hidden' | 'required';

export interface FieldRule {
  /** A top-level property of the form's schema. */
  readonly field: string;
  readonly access: FieldAccess;
}

/** One reason a definition was refused, at a JSON pointer into the definition. */
export interface DefinitionProblem {
  readonly path: string;
  readonly code: DefinitionProblemCode;
  readonly message: string;
}

export type DefinitionProblemCode =
  | 'definition-invalid'
  | 'schema-invalid'
  | 'dialect-unsupported'
  | 'schema-not-object'
  | 'too-many-properties'
  | 'too-deep'
  | 'format-unsupported'
  | 'ref-not-local'
  | 'ref-unresolved'
  | 'id-not-allowed'
  | 'keyword-unsupported'
  | 'pattern-invalid'
  | 'pattern-unsafe'
  | 'schema-compile';

/**
 * One reason a submission was refused. `field` is a JSON pointer into the submitted data;
 * `code` is the JSON Schema keyword that failed, or one of ours: readonly, hidden, maxDepth.
 */
export interface SubmissionError {
  readonly field: string;
  readonly code: string;
  readonly message: string;
  /** The title the form gives the field (房东姓名), so a message can name it as the clerk sees it. */
  readonly label?: string;
}

export type SubmissionResult =
  | { readonly ok: true; readonly value: Record<string, unknown> }
  | { readonly ok: false; readonly errors: readonly SubmissionError[] };

export interface SubmissionOptions {
  readonly lang?: Lang;
  /** The instance's current values: readonly and hidden fields must keep them. */
  readonly previous?: Readonly<Record<string, unknown>>;
  /**
   * Refuse top-level fields the form does not declare, even where its schema leaves
   * additionalProperties open: what a step submits becomes process variables, so nothing else may ride along.
   */
  readonly closed?: boolean;
}
