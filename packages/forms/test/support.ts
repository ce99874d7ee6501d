import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineForm, type Form, type FormDefinitionInput } from '../src/index.ts';

export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8')) as T;
}

/** The rental-housing register of DOMAIN.md, 40 fields, as shipped for the benchmark. */
export function rentalHouse(): Form {
  return defineForm(fixture<FormDefinitionInput>('rental-house.form.json'));
}

let versions = 0;

/** A small form around the given properties (a new version each call, so caches never mix tests). */
export function formOf(properties: Record<string, unknown>, extra: Record<string, unknown> = {}): Form {
  return defineForm({ key: 'test-form', version: ++versions, title: '测试表单', schema: { type: 'object', properties, ...extra } });
}
