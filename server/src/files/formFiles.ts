import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FormInput } from '../runtime/forms.ts';

/** Form definitions kept as files beside a model: every `*.form.json` of a folder, by name. */
export function readFormFiles(dir: string): FormInput[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.form.json'))
    .sort()
    .map((name) => {
      const text = readFileSync(join(dir, name), 'utf8');
      try {
        return JSON.parse(text) as FormInput;
      } catch (error) {
        throw new Error(`${name} is not JSON: ${(error as Error).message}`);
      }
    });
}
