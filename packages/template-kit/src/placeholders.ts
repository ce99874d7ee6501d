/**
 * `{{name}}` placeholders: how a template's model and forms take the parameters. A placeholder
 * names a parameter, a field of it (`{{escalation.days}}`), or a field of each item of a list
 * (`{{matters[].type}}`). In XML the value is written as text, escaped, a list joined by commas;
 * in a form a string that is a placeholder alone becomes the value itself (a list for an `enum`).
 */

const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w]*(?:\[\])?(?:\.[A-Za-z_][\w]*)*)\s*\}\}/g;
const ALONE = /^\{\{\s*([A-Za-z_][\w]*(?:\[\])?(?:\.[A-Za-z_][\w]*)*)\s*\}\}$/;

/** The parameter a placeholder's path starts from: `matters[].type` → `matters`. */
export const rootOf = (path: string): string => path.split(/[.[]/)[0] as string;

/** Every placeholder path in a text. */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
}

/** Every placeholder path in the strings of a JSON value. */
export function placeholdersInJson(value: unknown): string[] {
  if (typeof value === 'string') return placeholdersIn(value);
  if (Array.isArray(value)) return value.flatMap(placeholdersInJson);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(placeholdersInJson);
  return [];
}

/** The value at a placeholder's path; undefined where the path leads nowhere. */
export function valueAt(values: Readonly<Record<string, unknown>>, path: string): unknown {
  const [head, ...rest] = path.split('.');
  const each = head?.endsWith('[]') === true;
  const root = values[each ? (head as string).slice(0, -2) : (head as string)];
  const walk = (v: unknown): unknown => rest.reduce<unknown>((at, key) => (isRecord(at) ? at[key] : undefined), v);
  if (!each) return walk(root);
  return Array.isArray(root) ? root.map(walk) : undefined;
}

export class PlaceholderError extends Error {
  constructor(
    readonly path: string,
    readonly reason: 'unknown' | 'not-text',
  ) {
    super(`placeholder {{${path}}}: ${reason}`);
  }
}

/** The XML with every placeholder replaced by its value as escaped text. */
export function fillXml(xml: string, values: Readonly<Record<string, unknown>>): string {
  return xml.replace(PLACEHOLDER, (_whole, path: string) => escapeXml(asText(path, valueAt(values, path))));
}

/** A copy of a JSON value with its placeholders filled: alone in a string, by the value itself. */
export function fillJson(value: unknown, values: Readonly<Record<string, unknown>>): unknown {
  if (typeof value === 'string') {
    const alone = ALONE.exec(value);
    if (alone) {
      const path = alone[1] as string;
      const found = valueAt(values, path);
      if (found === undefined) throw new PlaceholderError(path, 'unknown');
      return structuredClone(found);
    }
    return value.replace(PLACEHOLDER, (_whole, path: string) => asText(path, valueAt(values, path)));
  }
  if (Array.isArray(value)) return value.map((v) => fillJson(v, values));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillJson(v, values)]));
  return value;
}

function asText(path: string, value: unknown): string {
  if (value === undefined || value === null) throw new PlaceholderError(path, 'unknown');
  if (Array.isArray(value)) return value.map((v) => asText(path, v)).join(',');
  if (typeof value === 'object') throw new PlaceholderError(path, 'not-text');
  return String(value);
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
