import { cpSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { schemaVersion } from './migrations.ts';
import { openDatabase } from './open.ts';

/** The attachments folder that belongs to a database file. */
export const filesDirOf = (file: string): string => join(dirname(resolve(file)), 'files');

/**
 * Copies a live database with SQLite's online backup (writers carry on meanwhile), then its
 * attachment files beside the copy. Content files never change once written, so copying them
 * after the database misses nothing the copy refers to.
 */
export async function backupDatabase(db: Database.Database, filesDir: string, toFile: string): Promise<void> {
  if (!existsSync(dirname(resolve(toFile)))) throw new Error(`cannot back up to ${toFile}: its folder does not exist`);
  await db.backup(toFile);
  if (existsSync(filesDir)) cpSync(filesDir, filesDirOf(toFile), { recursive: true, force: false });
}

/**
 * Restores a backup made by `backup` into `toFile` (which the server must not have open):
 * checks the backup first, then copies it page by page through SQLite, so a stale WAL file
 * beside `toFile` cannot mix old pages into the restored database. Then its attachment files.
 */
export async function restoreSqliteBackup(fromFile: string, toFile: string): Promise<void> {
  if (resolve(fromFile) === resolve(toFile)) throw new Error('restore needs two different files');
  if (!existsSync(fromFile)) throw new Error(`backup ${fromFile} does not exist`);
  const backup = openDatabase(fromFile);
  try {
    const check = backup.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`backup ${fromFile} is damaged: ${String(check)}`);
    if (schemaVersion(backup) === 0) throw new Error(`${fromFile} is not a Shanzhi database`);
    await backup.backup(toFile);
  } finally {
    backup.close();
  }
  const files = filesDirOf(fromFile);
  if (existsSync(files)) cpSync(files, filesDirOf(toFile), { recursive: true, force: false });
}
