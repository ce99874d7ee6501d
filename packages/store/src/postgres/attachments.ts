import { checkAttachment, checkStoredContent } from '../attachments.ts';
import type { Store } from '../port.ts';
import type { Postgres } from './db.ts';
import { refusingDuplicates } from './errors.ts';
import { insertRecords, selectAll, selectOne } from './queries.ts';
import { sql } from './sql.ts';
import { ATTACHMENTS } from './tables.ts';

/**
 * Metadata and content in one transaction, in two tables: lists read only the metadata, and
 * every server process, on whichever machine, reads the same content.
 */
export function postgresAttachments(pg: Postgres): Store['attachments'] {
  const byId = (id: string) => selectOne(pg, ATTACHMENTS, sql`WHERE id = ${id}`);
  return {
    async add(meta, content) {
      checkAttachment(meta, content);
      await refusingDuplicates(
        () =>
          pg.transaction(async (tx) => {
            await insertRecords(tx, ATTACHMENTS, [meta]);
            await tx.run(sql`INSERT INTO attachment_contents (id, content) VALUES (${meta.id}, ${content})`);
          }),
        () => `attachment ${meta.id}`,
      );
    },
    async ofTask(taskId) {
      return selectAll(pg, ATTACHMENTS, sql`WHERE task_id = ${taskId} ORDER BY at, id`);
    },
    byId,
    async content(id) {
      const meta = await byId(id);
      if (meta === undefined) return undefined;
      const [row] = await pg.rows<{ content: Buffer }>(sql`SELECT content FROM attachment_contents WHERE id = ${id}`);
      if (row === undefined) throw new Error(`attachment ${id} has no stored content`);
      const bytes = row.content;
      return checkStoredContent(meta, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    },
  };
}
