/**
 * Helpers for JSON values (what forms hold). Written out rather than imported from node:util so
 * the package also runs in the designer's browser bundle.
 */

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A copy through JSON text: only JSON survives, and keys such as `__proto__` stay ordinary own
 * properties (structuredClone would drop them, and the schema would never see them).
 */
export function cloneJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** Deep equality of JSON values; key order does not matter, array order does. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  if (!isJsonObject(a) || !isJsonObject(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]));
}

/**
 * The JSON pointer of the first object or array nested deeper than `limit` levels (the value
 * itself is level 1), or undefined. Recursion stops at the limit, so hostile nesting can neither
 * overflow the stack here nor reach code that would (Ajv, JSON.stringify). The pointer is only
 * built on the way out of a find: a pass over acceptable data allocates nothing.
 */
export function tooDeepAt(value: unknown, limit: number): string | undefined {
  const segments: string[] = [];
  const deeper = (node: unknown, depth: number): boolean => {
    if (typeof node !== 'object' || node === null) return false;
    if (depth > limit) return true;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        if (deeper(node[i], depth + 1)) {
          segments.push(String(i));
          return true;
        }
      }
    } else {
      for (const key in node) {
        if (Object.hasOwn(node, key) && deeper((node as JsonObject)[key], depth + 1)) {
          segments.push(escapePointer(key));
          return true;
        }
      }
    }
    return false;
  };
  return deeper(value, 1)
    ? segments
        .reverse()
        .map((s) => `/${s}`)
        .join('')
    : undefined;
}

/** One JSON pointer segment (RFC 6901): `~` → `~0`, `/` → `~1`. */
export function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

export function unescapePointer(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}

/** Freezes a parsed JSON value all the way down. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
