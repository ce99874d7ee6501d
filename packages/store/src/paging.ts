import { type Page, StoreCursorInvalid } from './port.ts';
import type { Sort, SortValue } from './sorts.ts';

type SortShape = Pick<Sort<unknown>, 'name' | 'fields'>;

export const MAX_PAGE_SIZE = 500;

/** A page size between 1 and MAX_PAGE_SIZE; anything else is a caller's mistake. */
export function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new Error(`page limit must be an integer from 1 to ${MAX_PAGE_SIZE}, not ${limit}`);
  }
  return limit;
}

/** Cursors are opaque to callers: base64url of the sort's name and the last item's sort key. */
function encodeCursor(sort: SortShape, key: readonly SortValue[]): string {
  return Buffer.from(JSON.stringify([sort.name, ...key])).toString('base64url');
}

/** The sort key a cursor carries; throws when it is not one this sort made. */
export function decodeCursor(sort: SortShape, cursor: string): SortValue[] {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  if (
    !Array.isArray(decoded) ||
    decoded[0] !== sort.name ||
    decoded.length !== sort.fields.length + 1 ||
    !decoded.slice(1).every((value) => typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)))
  ) {
    throw new StoreCursorInvalid(`invalid cursor for the "${sort.name}" order: pass back the "next" value of the previous page unchanged`);
  }
  return decoded.slice(1) as SortValue[];
}

/** Turns `limit + 1` rows, read in sort order, into a page and the cursor after its last item. */
export function toPage<T>(rows: readonly T[], limit: number, sort: Sort<T>): Page<T> {
  if (rows.length <= limit) return { items: rows };
  const items = rows.slice(0, limit);
  return { items, next: encodeCursor(sort, sort.keyOf(items[limit - 1] as T)) };
}
