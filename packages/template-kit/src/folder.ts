import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Manifest, TemplateForm, TemplatePackage } from './types.ts';

/**
 * Reads a template folder: template.json (the manifest), process.bpmn, forms/*.form.json,
 * parameters.json (the parameter schema as a form), and when present texts.en.json and README.md.
 */
export function readTemplateFolder(dir: string): TemplatePackage {
  const json = <T>(file: string): T => {
    try {
      return JSON.parse(readFileSync(join(dir, file), 'utf8')) as T;
    } catch (error) {
      throw new Error(`template ${dir}: ${file}: ${(error as Error).message}`);
    }
  };
  const optional = (file: string) => (existsSync(join(dir, file)) ? readFileSync(join(dir, file), 'utf8') : undefined);
  const formsDir = join(dir, 'forms');
  const forms = existsSync(formsDir)
    ? readdirSync(formsDir)
        .filter((f) => f.endsWith('.form.json'))
        .sort()
        .map((f) => json<TemplateForm>(join('forms', f)))
    : [];
  const en = optional('texts.en.json');
  const readme = optional('README.md');
  return {
    manifest: json<Manifest>('template.json'),
    process: readFileSync(join(dir, 'process.bpmn'), 'utf8'),
    forms,
    parameters: json<TemplateForm>('parameters.json'),
    ...(en ? { texts: { en: JSON.parse(en) } } : {}),
    ...(readme ? { readme } : {}),
  };
}

/** Every template folder under a library folder (templates/), by id order. */
export function readTemplateLibrary(root: string): TemplatePackage[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'template.json')))
    .map((d) => d.name)
    .sort()
    .map((name) => readTemplateFolder(join(root, name)));
}
