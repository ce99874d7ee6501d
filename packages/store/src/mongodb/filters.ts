import type { Document } from 'mongodb';
import type { PathRange } from '../reach.ts';
import type { Sort, SortField, SortValue } from '../sorts.ts';

/** The document field behind each sort field. */
const SORT_FIELDS: Record<SortField, string> = {
  dueOrder: 'dueOrder',
  priorityOrder: 'priorityOrder',
  createdAt: 'createdAt',
  startedAt: 'startedAt',
  dueAt: 'dueAt',
  username: 'username',
  key: 'key',
  id: '_id',
};

export const withinRanges = (field: string, ranges: readonly PathRange[]): Document => ({
  $or: ranges.map((range) => ({ [field]: { $gte: range.from, $lt: range.to } })),
});

export const sortSpec = (sort: Pick<Sort<unknown>, 'fields' | 'direction'>): Record<string, 1 | -1> =>
  Object.fromEntries(sort.fields.map((field) => [SORT_FIELDS[field], sort.direction === 'asc' ? 1 : -1]));

/** Documents after the cursor's key in the sort's order: (a > x) or (a = x and b > y) or ... */
export function afterKey(sort: Pick<Sort<unknown>, 'fields' | 'direction'>, key: readonly SortValue[]): Document {
  const op = sort.direction === 'asc' ? '$gt' : '$lt';
  const fields = sort.fields.map((field) => SORT_FIELDS[field]);
  return {
    $or: fields.map((field, i) => ({
      ...Object.fromEntries(fields.slice(0, i).map((equal, j) => [equal, key[j]])),
      [field]: { [op]: key[i] },
    })),
  };
}

/** `text` anywhere in the field, ignoring case, taken literally. */
export const containing = (text: string): RegExp => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
