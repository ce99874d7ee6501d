import { Ajv2020 } from 'ajv/dist/2020.js';
import { addSupportedFormats } from './formats/index.ts';

/**
 * The one Ajv configuration forms are validated with (the conformance suite builds its
 * validators here too, so it measures what production runs).
 *
 * - allErrors: a clerk sees every field to fix at once, not the first.
 * - useDefaults: defaults fill missing fields, and the value returned carries them.
 * - no coercion, no removal: JSON in, JSON out; a wrong type is an error, not a guess.
 * - ownProperties: a field named `constructor` or `toString` is not "present" by inheritance
 *   (the suite's required.json and properties.json test exactly that).
 * - strict off: unknown keywords are ignored, as the specification says; defineForm does the
 *   checks that matter for forms and names the path, which Ajv's strict mode does not.
 * - validateSchema off: defineForm already checked the schema against the meta-schema.
 * - one instance per form (compiled.ts): no form can reach another's schema by URI, and dropping
 *   a form frees all of it (Ajv keeps whatever it compiled, ajv#1413).
 */
export function createFormsAjv(): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    useDefaults: true,
    coerceTypes: false,
    removeAdditional: false,
    ownProperties: true,
    strict: false,
    validateSchema: false,
    logger: false,
  });
  addSupportedFormats(ajv);
  return ajv;
}
