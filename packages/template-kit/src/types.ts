import type { Lang } from '@shanzhi/forms';

export type { Lang };

/** A text in both languages the product speaks. */
export type Texts = { readonly 'zh-CN': string; readonly en: string };

/** Where a default comes from: a law's article, a policy document, an article of the seeds. */
export interface Source {
  readonly title: string;
  readonly article?: string;
  /** What the template takes from it, e.g. the quorum of a representatives' meeting. */
  readonly rule: Texts;
}

export const CATEGORIES = ['village-affairs', 'party-building', 'covenant', 'grid-governance'] as const;
export type Category = (typeof CATEGORIES)[number];

/** template.json: what a template is, whom it needs, where its rules come from. */
export interface Manifest {
  /** kebab-case, e.g. key-matters. */
  readonly id: string;
  /** Semver: a major version may change what a village set, a minor one only adds. */
  readonly version: string;
  readonly name: Texts;
  readonly description: Texts;
  readonly category: Category;
  /** The roles the procedure hands work to (approver, clerk, member, grid-worker ...). */
  readonly roles: readonly string[];
  readonly sources: readonly Source[];
  /** The forms a village may add fields to, by key, and the fields the procedure relies on. */
  readonly extensible?: Readonly<Record<string, { readonly relied: readonly string[] }>>;
  /** The registers (台账) the procedure keeps at the unit that adopts it, by id (kebab-case). */
  readonly registers?: Readonly<Record<string, RegisterSpec>>;
}

/** A register: its entries are the data of one of the template's forms, keyed by one of its required fields. */
export interface RegisterSpec {
  readonly name: Texts;
  /** The key of the form in forms/. */
  readonly form: string;
  /** The form field that keys an entry: a house number, a clause number. */
  readonly key: string;
}

/** A form as a template ships it: the deployment's own form input. */
export interface TemplateForm {
  readonly key: string;
  readonly title: string;
  readonly schema: Readonly<Record<string, unknown>>;
  readonly uiSchema?: Readonly<Record<string, unknown>>;
}

/**
 * A template package as read from its folder: JSON all through, so a store keeps it as it is.
 * `process` is BPMN 2.0 XML whose attribute values and texts may hold `{{parameter}}`
 * placeholders; the forms' strings may too.
 */
export interface TemplatePackage {
  readonly manifest: Manifest;
  readonly process: string;
  readonly forms: readonly TemplateForm[];
  /** What a village may change: a JSON Schema 2020-12 object with zh-CN titles and a default for each. */
  readonly parameters: TemplateForm;
  /** English for the parameters' titles and descriptions, by parameter name. */
  readonly texts?: { readonly en?: Readonly<Record<string, { readonly title?: string; readonly description?: string }>> };
  readonly readme?: string;
}

/** What a town sets when it publishes: tighter bounds than the template's, and its own defaults. */
export interface TownSettings {
  readonly bounds?: Readonly<Record<string, Bound>>;
  readonly defaults?: Readonly<Record<string, unknown>>;
}

/** The keywords a town may narrow; for a list, `enum` narrows what its items may be. */
export interface Bound {
  readonly minimum?: number;
  readonly maximum?: number;
  readonly enum?: readonly unknown[];
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly maxLength?: number;
}

export const BOUND_KEYWORDS = ['minimum', 'maximum', 'enum', 'minItems', 'maxItems', 'maxLength'] as const;

/** One JSON Patch (RFC 6902) operation; overlays may only `add`, and only at the places patches.ts allows. */
export interface PatchOp {
  readonly op: string;
  readonly path: string;
  readonly value?: unknown;
}

/**
 * What a village keeps of its own over a publication: the parameters it set (the rest follow
 * the town), the fields it added to forms (JSON Patch per form key), and its own name for the procedure.
 */
export interface Overlay {
  readonly parameters?: Readonly<Record<string, unknown>>;
  readonly fields?: Readonly<Record<string, readonly PatchOp[]>>;
  readonly name?: string;
}

/** One reason a package, a town's settings or an overlay is refused, at a path into what was given. */
export interface TemplateProblem {
  readonly code: string;
  /** Where: `parameters/postingDays`, `fields/key-matter-proposal/0`, `process`, `forms/key-matter-proposal` ... */
  readonly path: string;
  readonly message: string;
}
