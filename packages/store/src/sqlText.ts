import type { Sort, SortField } from './sorts.ts';

/** SQL text both SQL adapters (SQLite, PostgreSQL) build alike; their placeholders differ, so parameters stay with each. */

/** The columns of a sort's fields, in its order, each with `alias` before it (`e.`, or ''). */
export const sortColumns = (sort: Pick<Sort<unknown>, 'fields'>, columns: Partial<Record<SortField, string>>, alias: string): string[] =>
  sort.fields.map((field) => {
    const column = columns[field];
    if (column === undefined) throw new Error(`no column for sort field ${field}`);
    return `${alias}${column}`;
  });

export const orderByText = (columns: readonly string[], direction: 'asc' | 'desc'): string =>
  `ORDER BY ${columns.map((column) => `${column} ${direction.toUpperCase()}`).join(', ')}`;

/** A LIKE pattern for `text` anywhere in the column, its wildcards escaped with `\` (LIKE ... ESCAPE '\'). */
export const containing = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
