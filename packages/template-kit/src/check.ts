import { problem } from './messages.ts';
import { parameterSchemas, resolveParameters } from './parameters.ts';
import { placeholdersIn, placeholdersInJson, rootOf } from './placeholders.ts';
import { CATEGORIES, type Lang, type RegisterSpec, type TemplatePackage, type TemplateProblem } from './types.ts';

const ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/**
 * What keeps a package from being a template: a manifest missing what the library shows, a
 * parameter without a default, a placeholder naming no parameter, an extensible form that is not
 * there. The model itself is checked where it is deployed, after rendering.
 */
export function packageProblems(pkg: TemplatePackage, lang: Lang): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const m = pkg.manifest;
  const manifest = (what: string, ok: boolean) => ok || problems.push(problem(lang, 'manifest-invalid', `manifest/${what}`, { what }));
  manifest('id', typeof m?.id === 'string' && ID.test(m.id));
  manifest('version', typeof m?.version === 'string' && SEMVER.test(m.version));
  for (const text of ['name', 'description'] as const) manifest(text, Boolean(m?.[text]?.['zh-CN']?.trim() && m[text].en?.trim()));
  manifest('category', (CATEGORIES as readonly string[]).includes(m?.category));
  manifest('roles', Array.isArray(m?.roles) && m.roles.length > 0);
  manifest(
    'sources',
    Array.isArray(m?.sources) && m.sources.length > 0 && m.sources.every((s) => s.title && s.rule?.['zh-CN'] && s.rule.en),
  );
  if (problems.length > 0) return problems;

  const keys = pkg.forms.map((f) => f.key);
  for (const key of new Set(keys.filter((k, i) => keys.indexOf(k) !== i))) {
    problems.push(problem(lang, 'package-invalid', `forms/${key}`, { what: `form ${key} twice` }));
  }
  for (const [key, { relied }] of Object.entries(m.extensible ?? {})) {
    const form = pkg.forms.find((f) => f.key === key);
    const fields = Object.keys((form?.schema.properties as object | undefined) ?? {});
    const missing = form ? relied.filter((r) => !fields.includes(r)) : [key];
    if (missing.length > 0)
      problems.push(problem(lang, 'package-invalid', `manifest/extensible/${key}`, { what: `not in the forms: ${missing.join(', ')}` }));
  }

  for (const [id, spec] of Object.entries(m.registers ?? {})) problems.push(...registerProblems(pkg, id, spec, lang));

  const schemas = parameterSchemas(pkg);
  for (const [name, schema] of Object.entries(schemas)) {
    if (!Object.hasOwn(schema, 'default')) problems.push(problem(lang, 'parameter-default-missing', `parameters/${name}`, { name }));
  }
  const used = [
    ...placeholdersIn(pkg.process).map((p) => ['process', p] as const),
    ...pkg.forms.flatMap((f) => placeholdersInJson([f.schema, f.uiSchema]).map((p) => [`forms/${f.key}`, p] as const)),
  ];
  for (const [where, path] of used) {
    if (!Object.hasOwn(schemas, rootOf(path))) problems.push(problem(lang, 'placeholder-unknown', where, { name: path }));
  }
  if (problems.length > 0) return problems;
  const defaults = resolveParameters(pkg, {}, {}, lang);
  return defaults.ok ? [] : defaults.problems;
}

/** A register names a form of the package and one of its required fields as its key. */
function registerProblems(pkg: TemplatePackage, id: string, spec: RegisterSpec, lang: Lang): TemplateProblem[] {
  const where = `manifest/registers/${id}`;
  const invalid = (what: string) => [problem(lang, 'package-invalid', where, { what })];
  if (!ID.test(id)) return invalid(`register id ${id} is not kebab-case`);
  if (!spec?.name?.['zh-CN']?.trim() || !spec.name.en?.trim()) return invalid(`register ${id} needs a zh-CN and an en name`);
  const form = pkg.forms.find((f) => f.key === spec.form);
  if (!form) return invalid(`register ${id} names form ${spec.form}, which is not in forms/`);
  const required = Array.isArray(form.schema.required) ? (form.schema.required as unknown[]) : [];
  if (!Object.hasOwn((form.schema.properties as object | undefined) ?? {}, spec.key) || !required.includes(spec.key)) {
    return invalid(`register ${id} is keyed by ${spec.key}, which is no required field of form ${spec.form}`);
  }
  return [];
}
