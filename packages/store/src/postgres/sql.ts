import type { PathRange } from '../reach.ts';
import type { SortValue } from '../sorts.ts';
import { orderByText } from '../sqlText.ts';

/**
 * A piece of SQL and its parameters, written with the `sql` tag. An interpolated value is always
 * a parameter ($1, $2...), never text in the statement; an interpolated Sql is spliced in with its
 * parameters, so conditions compose the way the SQLite adapter's `?` lists do, without counting.
 */
export class Sql {
  /** `texts` has one more item than `values`: text, value, text, value... text. */
  private constructor(
    readonly texts: readonly string[],
    readonly values: readonly unknown[],
  ) {}

  static of(strings: readonly string[], values: readonly unknown[]): Sql {
    const texts: string[] = [];
    const params: unknown[] = [];
    let text = strings[0] ?? '';
    values.forEach((value, i) => {
      if (value instanceof Sql) {
        text += value.texts[0];
        value.values.forEach((inner, j) => {
          texts.push(text);
          params.push(inner);
          text = value.texts[j + 1] ?? '';
        });
      } else {
        texts.push(text);
        params.push(value);
        text = '';
      }
      text += strings[i + 1] ?? '';
    });
    texts.push(text);
    return new Sql(texts, params);
  }

  /** The statement text with numbered parameters, and their values, as pg takes them. */
  toQuery(): { text: string; values: unknown[] } {
    return { text: this.texts.reduce((text, part, i) => `${text}$${i}${part}`), values: [...this.values] };
  }
}

export const sql = (strings: TemplateStringsArray, ...values: unknown[]): Sql => Sql.of(strings, values);

/** Statement text from the code itself (a table or column name), never from input. */
export const raw = (text: string): Sql => Sql.of([text], []);

export const join = (parts: readonly Sql[], separator: string): Sql =>
  parts.length === 0 ? raw('') : Sql.of(['', ...parts.slice(1).map(() => separator), ''], parts);

export const whereAll = (conditions: readonly Sql[]): Sql => (conditions.length === 0 ? sql`TRUE` : join(conditions, ' AND '));

/** Within any of the ranges; the columns are COLLATE "C", so the ranges of reach.ts hold as they do in JavaScript. */
export const withinRanges = (column: string, ranges: readonly PathRange[]): Sql =>
  sql`(${join(
    ranges.map((range) => sql`(${raw(column)} >= ${range.from} AND ${raw(column)} < ${range.to})`),
    ' OR ',
  )})`;

/** Rows after the cursor's key: one row-value comparison, which PostgreSQL answers from the sort's index. */
export const afterKey = (columns: readonly string[], direction: 'asc' | 'desc', key: readonly SortValue[]): Sql =>
  sql`(${raw(columns.join(', '))}) ${raw(direction === 'asc' ? '>' : '<')} (${join(
    key.map((value) => sql`${value}`),
    ', ',
  )})`;

export const orderBy = (columns: readonly string[], direction: 'asc' | 'desc'): Sql => raw(orderByText(columns, direction));

/** A row to insert: column name to value, in the order the columns are written. */
export type Row = Readonly<Record<string, unknown>>;

/**
 * Parameters per INSERT at most: well under the 65,535 PostgreSQL takes in one statement, so
 * a large batch goes as a few statements of a few hundred rows rather than one huge one.
 */
const MAX_PARAMETERS = 16_384;

/** `INSERT INTO table (a, b) VALUES ($1, $2), ($3, $4)...` for rows of the same columns, in as few statements as fit. */
export function insertRows(table: string, rows: readonly Row[], suffix: Sql = sql``): Sql[] {
  const first = rows[0];
  if (first === undefined) return [];
  const columns = Object.keys(first);
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const statements: Sql[] = [];
  for (let from = 0; from < rows.length; from += perStatement) {
    const values = rows.slice(from, from + perStatement).map(
      (row) =>
        sql`(${join(
          columns.map((column) => sql`${row[column]}`),
          ', ',
        )})`,
    );
    statements.push(sql`INSERT INTO ${raw(table)} (${raw(columns.join(', '))}) VALUES ${join(values, ', ')}${suffix}`);
  }
  return statements;
}

/** `SET a = excluded.a, ...` for an upsert: every column but the key ones takes the value the INSERT proposed. */
export const setExcluded = (columns: readonly string[], key: readonly string[]): Sql =>
  raw(
    `SET ${columns
      .filter((column) => !key.includes(column))
      .map((column) => `${column} = excluded.${column}`)
      .join(', ')}`,
  );

/** `a = $1, b = $2` for an UPDATE of the row's columns. */
export const assignments = (row: Row): Sql =>
  join(
    Object.entries(row).map(([column, value]) => sql`${raw(column)} = ${value}`),
    ', ',
  );
