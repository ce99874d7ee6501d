import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkAttachment, checkStoredContent } from '../attachments.ts';
import type { Store } from '../port.ts';
import type { AttachmentRecord } from '../records.ts';
import { refusingDuplicates } from './errors.ts';
import { ATTACHMENT_COLUMNS, type AttachmentRow, attachmentRow, toAttachment } from './rows.ts';
import { insertInto, type Sqlite } from './sql.ts';

/** Where an attachment's content lives: `<files>/<first two hex digits of its sha256>/<id>`. */
const contentPath = (filesDir: string, meta: Pick<AttachmentRecord, 'id' | 'sha256'>): string =>
  join(filesDir, meta.sha256.slice(0, 2), meta.id);

/** Writes to a temporary name, syncs, then renames: the file is either whole or absent. */
function writeDurably(path: string, content: Uint8Array): void {
  const temporary = `${path}.${process.pid}.partial`;
  const fd = openSync(temporary, 'w');
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * Metadata in the database, content as files in a folder beside it. The row is inserted and the
 * file written in one transaction that commits last: a duplicate id is refused before any file
 * is touched, and a failed write leaves no row behind.
 */
export function sqliteAttachments({ statement, write }: Sqlite, filesDir: string): Store['attachments'] {
  const byId = (id: string) => {
    const row = statement('SELECT * FROM attachments WHERE id = ?').get(id) as AttachmentRow | undefined;
    return row && toAttachment(row);
  };
  return {
    async add(meta, content) {
      checkAttachment(meta, content);
      await write(() => {
        refusingDuplicates(
          () => statement(insertInto('attachments', ATTACHMENT_COLUMNS)).run(attachmentRow(meta)),
          () => `attachment ${meta.id}`,
        );
        const path = contentPath(filesDir, meta);
        mkdirSync(dirname(path), { recursive: true });
        writeDurably(path, content);
      });
    },
    async ofTask(taskId) {
      return (statement('SELECT * FROM attachments WHERE task_id = ? ORDER BY at, id').all(taskId) as AttachmentRow[]).map(toAttachment);
    },
    async byId(id) {
      return byId(id);
    },
    async content(id) {
      const meta = byId(id);
      if (meta === undefined) return undefined;
      const bytes = readFileSync(contentPath(filesDir, meta));
      return checkStoredContent(meta, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    },
  };
}
