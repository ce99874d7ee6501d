import type { ValidateFunction } from 'ajv';
import { createFormsAjv } from './ajv.ts';
import { LruCache } from './cache.ts';
import type { Form } from './types.ts';

/**
 * How many compiled forms stay in memory. Each holds its own Ajv instance and generated code
 * (tens of kilobytes for the 40-field rental-housing form); four templates, their steps' forms,
 * a few versions each and the villages' variants fit within it, and an evicted form just
 * compiles again (about 10 ms for that form).
 */
const VALIDATOR_CACHE_SIZE = 200;

/** Forms made by defineForm, with the JSON text of their schema (the cache's content check). */
const fingerprints = new WeakMap<Form, string>();

/**
 * Keyed by key@version and the schema's text: one key and version can carry different schemas
 * (a village's variant of a town form, the designer previewing unsaved edits), and each must run
 * its own validator, never a stale one.
 */
const validators = new LruCache<string, ValidateFunction>(VALIDATOR_CACHE_SIZE);

/** Records a checked form and compiles it now, so a schema Ajv cannot compile is refused at definition time. */
export function register(form: Form, fingerprint: string): void {
  fingerprints.set(form, fingerprint);
  try {
    validatorOf(form);
  } catch (error) {
    fingerprints.delete(form);
    throw error;
  }
}

export function isDefined(form: unknown): form is Form {
  return typeof form === 'object' && form !== null && fingerprints.has(form as Form);
}

export function validatorOf(form: Form): ValidateFunction {
  const fingerprint = fingerprints.get(form);
  if (fingerprint === undefined) throw new TypeError('not a form made by defineForm');
  const id = `${form.key}@${form.version}\n${fingerprint}`;
  let validate = validators.get(id);
  if (!validate) {
    // One Ajv per form: nothing compiled for one form is reachable from another, and an evicted
    // form's instance is garbage as a whole (Ajv itself never lets go of what it compiled).
    validate = createFormsAjv().compile(form.schema);
    validators.set(id, validate);
  }
  return validate;
}
