/**
 * Approximate length of `value` serialised as JSON. Counting stops once it passes `cap`, so the
 * walk costs at most about `cap` steps even for huge, shared or cyclic values.
 */
export function approximateSize(value: unknown, cap: number): number {
  let size = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0 && size <= cap) {
    const next = pending.pop();
    if (typeof next === 'string') {
      size += next.length + 2;
    } else if (Array.isArray(next)) {
      size += 2 + next.length;
      // each element costs at least its separator, so more than `cap` of them can never matter
      for (let i = 0; i < next.length && i <= cap - size; i++) pending.push(next[i]);
    } else if (next !== null && typeof next === 'object' && isPlainObject(next)) {
      size += 2;
      for (const key in next) {
        size += key.length + 4;
        pending.push((next as Record<string, unknown>)[key]);
        if (size > cap) break;
      }
    } else {
      // numbers, booleans, null and FEEL temporals print as short tokens
      size += next === null || next === undefined ? 4 : String(next).length;
    }
  }
  return size;
}

export function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
