/**
 * A deep copy of plain JSON (objects, arrays, strings, numbers, booleans, null): what state,
 * events and variables are by contract. Several times cheaper than structuredClone, which
 * has to handle every structured type and cycles.
 */
export function copyJson<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copyJson) as T;
  const out: Record<string, unknown> = {};
  for (const key in value) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = copyJson(v);
  }
  return out as T;
}
