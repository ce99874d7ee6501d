import Database from 'better-sqlite3';
import { StoreDuplicate } from '../port.ts';

/** The `table.column, ...` a UNIQUE or PRIMARY KEY violation names, or undefined for any other error. */
function violatedKey(error: unknown): string | undefined {
  if (!(error instanceof Database.SqliteError)) return undefined;
  if (error.code !== 'SQLITE_CONSTRAINT_UNIQUE' && error.code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') return undefined;
  return error.message.replace(/^(UNIQUE|PRIMARY KEY) constraint failed: /, '');
}

/** Runs `work`; a unique key violation becomes StoreDuplicate naming what `describe` says the key holds. */
export function refusingDuplicates<T>(work: () => T, describe: (key: string) => string): T {
  try {
    return work();
  } catch (error) {
    const key = violatedKey(error);
    if (key !== undefined) throw new StoreDuplicate(describe(key));
    throw error;
  }
}
