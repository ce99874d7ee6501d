import type { Store } from '../port.ts';
import { DEFINITION_COLUMNS, type DefinitionRow, definitionRow, toDefinition } from './rows.ts';
import type { Sqlite } from './sql.ts';
import { sqliteVersioned } from './versioned.ts';

export function sqliteDefinitions(sqlite: Sqlite): Store['definitions'] {
  const versions = sqliteVersioned(sqlite, {
    name: 'definitions',
    columns: DEFINITION_COLUMNS,
    noun: 'definition',
    toRow: definitionRow,
    toRecord: toDefinition,
  });
  return {
    ...versions,
    async latest(key, unitPath) {
      const row = sqlite
        .statement('SELECT * FROM definitions WHERE key = ? AND unit_path = ? ORDER BY version DESC LIMIT 1')
        .get(key, unitPath) as DefinitionRow | undefined;
      return row && toDefinition(row);
    },
  };
}
