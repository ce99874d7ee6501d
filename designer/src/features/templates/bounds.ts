/** A parameter's schema as the template declares it (JSON Schema 2020-12). */
type Schema = Record<string, unknown>;

/** What a town may narrow on a parameter, as the server's publication bounds take it. */
export interface Bound {
  minimum?: number;
  maximum?: number;
  enum?: unknown[];
  minItems?: number;
  maxItems?: number;
  maxLength?: number;
}

/**
 * How one parameter is bounded on the publishing screen: a number between two limits, a choice
 * among the template's options (one value, or several for a list), a list's length, a text's length.
 * The template's own limits come along: the town may narrow them, never widen them.
 */
export type BoundRow =
  | { readonly name: string; readonly title: string; readonly kind: 'range'; readonly minimum?: number; readonly maximum?: number }
  | {
      readonly name: string;
      readonly title: string;
      readonly kind: 'choices';
      readonly options: readonly unknown[];
      readonly many: boolean;
      readonly minItems?: number;
      readonly maxItems?: number;
    }
  | { readonly name: string; readonly title: string; readonly kind: 'count'; readonly minItems?: number; readonly maxItems?: number }
  | { readonly name: string; readonly title: string; readonly kind: 'length'; readonly maxLength?: number };

const numberOf = (value: unknown) => (typeof value === 'number' ? value : undefined);
const isRecord = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Each parameter a town can bound, in the template's order; booleans and objects have nothing to narrow. */
export function boundRows(properties: Readonly<Record<string, Schema>>): BoundRow[] {
  return Object.entries(properties).flatMap(([name, schema]): BoundRow[] => {
    const title = typeof schema.title === 'string' ? schema.title : name;
    const items = isRecord(schema.items) ? schema.items : undefined;
    const count = { minItems: numberOf(schema.minItems), maxItems: numberOf(schema.maxItems) };
    if (schema.type === 'number' || schema.type === 'integer')
      return [{ name, title, kind: 'range', minimum: numberOf(schema.minimum), maximum: numberOf(schema.maximum) }];
    if (schema.type === 'string' && Array.isArray(schema.enum))
      return [{ name, title, kind: 'choices', options: schema.enum, many: false }];
    if (schema.type === 'string') return [{ name, title, kind: 'length', maxLength: numberOf(schema.maxLength) }];
    if (schema.type === 'array' && Array.isArray(items?.enum))
      return [{ name, title, kind: 'choices', options: items.enum, many: true, ...count }];
    if (schema.type === 'array') return [{ name, title, kind: 'count', ...count }];
    return [];
  });
}

/**
 * The bounds to publish: only what the town set, and only where it narrows the template (a limit
 * equal to the template's, or every option kept, says nothing and is left out).
 */
export function boundsToPublish(rows: readonly BoundRow[], entered: Readonly<Record<string, Bound>>): Record<string, Bound> {
  const out: Record<string, Bound> = {};
  for (const row of rows) {
    const given = entered[row.name];
    if (!given) continue;
    const bound: Bound = {};
    const keep = (keyword: 'minimum' | 'maximum' | 'minItems' | 'maxItems' | 'maxLength', own: number | undefined) => {
      const value = given[keyword];
      if (typeof value === 'number' && value !== own) bound[keyword] = value;
    };
    if (row.kind === 'range') {
      keep('minimum', row.minimum);
      keep('maximum', row.maximum);
    }
    if (row.kind === 'choices' || row.kind === 'count') {
      keep('minItems', row.minItems);
      keep('maxItems', row.maxItems);
    }
    if (row.kind === 'choices' && given.enum && given.enum.length < row.options.length) bound.enum = [...given.enum];
    if (row.kind === 'length') keep('maxLength', row.maxLength);
    if (Object.keys(bound).length > 0) out[row.name] = bound;
  }
  return out;
}

/** The town's defaults worth publishing: those that differ from the template's own. */
export function defaultsToPublish(
  properties: Readonly<Record<string, Schema>>,
  values: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).filter(
      ([name, value]) => value !== undefined && JSON.stringify(value) !== JSON.stringify(properties[name]?.default),
    ),
  );
}

/**
 * The town's limits that go past the template's own (kept from a publication of an older version
 * whose limits were wider): the server refuses them, so the screen flags them first.
 */
export function pastTemplate(row: BoundRow, bound: Bound | undefined): (keyof Bound)[] {
  if (!bound) return [];
  const below = (value: number | undefined, limit: number | undefined) => value !== undefined && limit !== undefined && value < limit;
  const above = (value: number | undefined, limit: number | undefined) => value !== undefined && limit !== undefined && value > limit;
  const past: (keyof Bound)[] = [];
  if (row.kind === 'range') {
    if (below(bound.minimum, row.minimum) || above(bound.minimum, row.maximum)) past.push('minimum');
    if (above(bound.maximum, row.maximum) || below(bound.maximum, row.minimum)) past.push('maximum');
  }
  if (row.kind === 'choices' && bound.enum?.some((v) => !row.options.some((o) => JSON.stringify(o) === JSON.stringify(v))))
    past.push('enum');
  if (row.kind === 'length' && above(bound.maxLength, row.maxLength)) past.push('maxLength');
  return past;
}
