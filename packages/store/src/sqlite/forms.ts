import type { Store } from '../port.ts';
import { FORM_COLUMNS, formRow, toForm } from './rows.ts';
import type { Sqlite } from './sql.ts';
import { sqliteVersioned } from './versioned.ts';

export function sqliteForms(sqlite: Sqlite): Store['forms'] {
  return sqliteVersioned(sqlite, { name: 'forms', columns: FORM_COLUMNS, noun: 'form', toRow: formRow, toRecord: toForm });
}
