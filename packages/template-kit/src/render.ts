import { problem } from './messages.ts';
import { resolveParameters } from './parameters.ts';
import { applyFieldPatch } from './patches.ts';
import { fillJson, fillXml, PlaceholderError } from './placeholders.ts';
import type { Lang, Overlay, TemplateForm, TemplatePackage, TemplateProblem, Texts, TownSettings } from './types.ts';

/** A template rendered for one unit: an ordinary deployment (model, forms) and the variables every instance starts with. */
export interface Rendering {
  readonly xml: string;
  readonly forms: readonly TemplateForm[];
  /** The parameters as resolved: the process reads them as variables (`=amount >= filingThreshold`). */
  readonly variables: Readonly<Record<string, unknown>>;
  /** The registers the unit keeps for the procedure, each on one of the forms above. */
  readonly registers: readonly RenderedRegister[];
}

export interface RenderedRegister {
  readonly id: string;
  readonly name: Texts;
  readonly formKey: string;
  readonly keyField: string;
}

export type RenderResult =
  | { readonly ok: true; readonly rendering: Rendering }
  | { readonly ok: false; readonly problems: readonly TemplateProblem[] };

const MAX_NAME = 60;

/**
 * Template + town settings + a village's overlay → a deployment. Pure: what it returns is what the
 * server deploys (and checks again, as it checks every deployment). Problems name the parameter,
 * the form and the operation at fault; nothing is rendered half.
 */
export function render(pkg: TemplatePackage, settings: TownSettings, overlay: Overlay, lang: Lang): RenderResult {
  const resolved = resolveParameters(pkg, settings, overlay.parameters ?? {}, lang);
  if (!resolved.ok) return resolved;
  const values = resolved.values;
  const problems: TemplateProblem[] = [];
  const name = overlay.name?.trim();
  if (overlay.name !== undefined && (!name || [...name].length > MAX_NAME)) problems.push(problem(lang, 'name-invalid', 'name'));

  const filled = (what: string, fill: () => unknown) => {
    try {
      return fill();
    } catch (error) {
      if (!(error instanceof PlaceholderError)) throw error;
      const code = error.reason === 'unknown' ? 'placeholder-unknown' : 'placeholder-not-text';
      problems.push(problem(lang, code, what, { name: error.path }));
      return undefined;
    }
  };
  const xml = filled('process', () => fillXml(pkg.process, values)) as string | undefined;
  const reserved = new Set(Object.keys(values));
  const forms = pkg.forms.map((form) => {
    const own = {
      ...form,
      ...(filled(`forms/${form.key}`, () => fillJson({ schema: form.schema, uiSchema: form.uiSchema }, values)) as object),
    };
    const ops = overlay.fields?.[form.key];
    if (!ops || ops.length === 0) return own as TemplateForm;
    const patched = applyFieldPatch(ops, { form: own as TemplateForm, reserved, lang });
    problems.push(...patched.problems);
    return patched.form;
  });
  for (const key of Object.keys(overlay.fields ?? {})) {
    const form = pkg.forms.find((f) => f.key === key);
    if (!form || !pkg.manifest.extensible?.[key])
      problems.push(problem(lang, 'form-not-extensible', `fields/${key}`, { form: form?.title ?? key }));
  }
  if (problems.length > 0 || xml === undefined) return { ok: false, problems };
  const registers = Object.entries(pkg.manifest.registers ?? {}).map(([id, r]) => ({
    id,
    name: r.name,
    formKey: r.form,
    keyField: r.key,
  }));
  return { ok: true, rendering: { xml: name ? renamed(xml, name) : xml, forms, variables: values, registers } };
}

/** The model with its process named as the village calls it (the first process: a template has one). */
function renamed(xml: string, name: string): string {
  const escaped = name.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return xml.replace(/<((?:[\w-]+:)?process)\b([^>]*)>/, (_tag, element: string, attributes: string) => {
    const named = /\sname="[^"]*"/.test(attributes)
      ? attributes.replace(/\sname="[^"]*"/, ` name="${escaped}"`)
      : `${attributes} name="${escaped}"`;
    return `<${element}${named}>`;
  });
}
