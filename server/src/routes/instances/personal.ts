import { maskId, maskMobile } from '@shanzhi/forms';
import type { FastifyInstance } from 'fastify';

const MASKS: Readonly<Record<string, (value: string) => string>> = { 'cn-id': maskId, 'cn-mobile': maskMobile };

/**
 * The fields that hold personal data (identity and mobile numbers) in any form a definition
 * pinned, by name. An instance's variables and history show them masked: the step whose form
 * has the field shows it whole to the person working it, and no one else needs it.
 */
export async function personalFields(app: FastifyInstance, definitionId: string): Promise<Map<string, (value: string) => string>> {
  const fields = new Map<string, (value: string) => string>();
  const definition = await app.runtime.definitions.byId(definitionId);
  for (const formId of Object.values(definition?.record.forms ?? {})) {
    const form = await app.store.forms.byId(formId);
    if (form) for (const [name, mask] of personalFieldsOf(form.schema)) fields.set(name, mask);
  }
  return fields;
}

/** The top-level fields of one form that hold personal data, with their masks. */
export function personalFieldsOf(schema: Readonly<Record<string, unknown>>): Map<string, (value: string) => string> {
  const fields = new Map<string, (value: string) => string>();
  const properties = (schema.properties ?? {}) as Record<string, { format?: unknown }>;
  for (const [name, field] of Object.entries(properties)) {
    const mask = typeof field?.format === 'string' ? MASKS[field.format] : undefined;
    if (mask) fields.set(name, mask);
  }
  return fields;
}

/** A copy with every string under a personal field's name masked, at any depth (variables, events' data). */
export function masked<T>(value: T, fields: ReadonlyMap<string, (value: string) => string>): T {
  if (fields.size === 0) return value;
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== 'object') return v;
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => {
        const mask = fields.get(k);
        return [k, mask && typeof x === 'string' ? mask(x) : walk(x)];
      }),
    );
  };
  return walk(value) as T;
}
