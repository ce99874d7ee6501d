import { defineForm, FormDefinitionError, validateSubmission } from '@shanzhi/forms';
import { problem } from './messages.ts';
import { isRecord } from './placeholders.ts';
import {
  BOUND_KEYWORDS,
  type Bound,
  type Lang,
  type TemplateForm,
  type TemplatePackage,
  type TemplateProblem,
  type TownSettings,
} from './types.ts';

type Schema = Record<string, unknown>;

const LOWER: readonly (keyof Bound)[] = ['minimum', 'minItems'];
/** The keyword bounding a value from the other side: a town's minimum may not pass the template's maximum. */
const COUNTERPART: Readonly<Record<string, string>> = {
  minimum: 'maximum',
  maximum: 'minimum',
  minItems: 'maxItems',
  maxItems: 'minItems',
  maxLength: 'minLength',
};

/** The parameter schema's properties, by name. */
export function parameterSchemas(pkg: Pick<TemplatePackage, 'parameters'>): Readonly<Record<string, Schema>> {
  const properties = pkg.parameters.schema.properties;
  return isRecord(properties) ? (properties as Record<string, Schema>) : {};
}

/**
 * The parameters as a village sees them under a town's publication: the template's schema with
 * the town's bounds in place of the template's own and the town's defaults. It is a form, so the
 * designer renders it and the server validates it like any other.
 */
export function boundedParameters(pkg: TemplatePackage, settings: TownSettings = {}): TemplateForm {
  const properties = Object.fromEntries(
    Object.entries(parameterSchemas(pkg)).map(([name, schema]) => {
      const bound = settings.bounds?.[name] ?? {};
      const narrowed: Schema = structuredClone(schema);
      for (const keyword of BOUND_KEYWORDS) {
        const value = bound[keyword];
        if (value === undefined) continue;
        if (keyword === 'enum' && narrowed.type === 'array' && isRecord(narrowed.items))
          narrowed.items = { ...narrowed.items, enum: value };
        else narrowed[keyword] = value;
      }
      if (settings.defaults && Object.hasOwn(settings.defaults, name)) narrowed.default = structuredClone(settings.defaults[name]);
      return [name, narrowed];
    }),
  );
  return { ...pkg.parameters, schema: { ...pkg.parameters.schema, properties } };
}

/** What is wrong with a town's settings: bounds of no parameter, looser than the template's, empty; defaults outside them. */
export function settingsProblems(pkg: TemplatePackage, settings: TownSettings, lang: Lang): TemplateProblem[] {
  const schemas = parameterSchemas(pkg);
  const problems: TemplateProblem[] = [];
  for (const [name, bound] of Object.entries(settings.bounds ?? {})) {
    const path = `bounds/${name}`;
    const schema = schemas[name];
    if (!schema) {
      problems.push(problem(lang, 'bound-unknown', path, { name }));
      continue;
    }
    for (const [keyword, value] of Object.entries(bound ?? {})) {
      if (!(BOUND_KEYWORDS as readonly string[]).includes(keyword)) {
        problems.push(problem(lang, 'bound-keyword', `${path}/${keyword}`, { name, keyword, allowed: BOUND_KEYWORDS.join(', ') }));
        continue;
      }
      const looser = looserThan(schema, keyword as keyof Bound, value);
      if (looser !== undefined) problems.push(problem(lang, 'bound-looser', `${path}/${keyword}`, { name, keyword, value, limit: looser }));
    }
    const narrowed = parameterSchemas({ parameters: boundedParameters(pkg, { bounds: { [name]: bound } }) })[name] as Schema;
    const empty = emptyRange(narrowed);
    if (empty) problems.push(problem(lang, 'bound-empty', path, { name, detail: empty }));
  }
  for (const name of Object.keys(settings.defaults ?? {})) {
    if (!schemas[name]) problems.push(problem(lang, 'parameter-unknown', `defaults/${name}`, { name }));
  }
  if (problems.length > 0) return problems;
  const resolved = resolveParameters(pkg, settings, {}, lang);
  return resolved.ok ? [] : resolved.problems.map((p) => ({ ...p, path: p.path.replace(/^parameters\//, 'defaults/') }));
}

/**
 * The values a rendering uses: the village's, else the town's defaults, else the template's,
 * checked against the bounded schema. Problems name each parameter by its title.
 */
export function resolveParameters(
  pkg: TemplatePackage,
  settings: TownSettings,
  given: Readonly<Record<string, unknown>>,
  lang: Lang,
): { readonly ok: true; readonly values: Record<string, unknown> } | { readonly ok: false; readonly problems: TemplateProblem[] } {
  const schemas = parameterSchemas(pkg);
  const unknown = Object.keys(given).filter((name) => !Object.hasOwn(schemas, name));
  if (unknown.length > 0)
    return { ok: false, problems: unknown.map((name) => problem(lang, 'parameter-unknown', `parameters/${name}`, { name })) };
  const bounded = boundedParameters(pkg, settings);
  let form: ReturnType<typeof defineForm>;
  try {
    form = defineForm({ key: bounded.key, version: 1, title: bounded.title, schema: bounded.schema }, { lang });
  } catch (error) {
    if (!(error instanceof FormDefinitionError)) throw error;
    return { ok: false, problems: [problem(lang, 'form-invalid', 'parameters', { form: bounded.key, detail: error.message })] };
  }
  const result = validateSubmission(form, undefined, given, { lang, closed: true });
  if (result.ok) return { ok: true, values: result.value };
  return {
    ok: false,
    problems: result.errors.map((e) =>
      problem(lang, 'parameter-invalid', `parameters${e.field}`, { label: e.label ?? e.field.slice(1), message: e.message }),
    ),
  };
}

/** The template's own limit a town's bound goes past, or undefined when the bound lies within it. */
function looserThan(schema: Schema, keyword: keyof Bound, value: unknown): string | undefined {
  if (keyword === 'enum') {
    const allowed = (schema.type === 'array' && isRecord(schema.items) ? schema.items.enum : schema.enum) as unknown[] | undefined;
    if (!Array.isArray(value)) return allowed ? JSON.stringify(allowed) : 'a list';
    if (!allowed) return undefined;
    const outside = value.filter((v) => !allowed.some((a) => JSON.stringify(a) === JSON.stringify(v)));
    return outside.length > 0 ? JSON.stringify(allowed) : undefined;
  }
  if (typeof value !== 'number') return 'a number';
  const own = schema[keyword];
  const lower = LOWER.includes(keyword);
  const counterpart = schema[COUNTERPART[keyword] as string];
  if (typeof own === 'number' && (lower ? value < own : value > own)) return `${keyword} ${own}`;
  if (typeof counterpart === 'number' && (lower ? value > counterpart : value < counterpart)) return `${lower ? '≤' : '≥'} ${counterpart}`;
  return undefined;
}

function emptyRange(schema: Schema): string | undefined {
  const pairs: [string, string][] = [
    ['minimum', 'maximum'],
    ['minItems', 'maxItems'],
  ];
  for (const [low, high] of pairs) {
    const a = schema[low];
    const b = schema[high];
    if (typeof a === 'number' && typeof b === 'number' && a > b) return `${low} ${a} > ${high} ${b}`;
  }
  const values = schema.type === 'array' && isRecord(schema.items) ? schema.items.enum : schema.enum;
  if (Array.isArray(values) && values.length === 0) return 'enum []';
  return undefined;
}
