import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';

/**
 * Whether another connection (a running server, another CLI) has the database open: an
 * exclusive lock cannot be taken while any other connection to a WAL database is open.
 */
export function heldByAnother(file: string): boolean {
  if (!existsSync(file)) return false;
  const db = new Database(file, { timeout: 0, fileMustExist: true });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY' || (error as { code?: string }).code === 'SQLITE_LOCKED') return true;
    throw error;
  } finally {
    db.close();
  }
}
