import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ObjectId } from 'mongodb';
import { checkAttachment, checkStoredContent } from '../attachments.ts';
import type { Store } from '../port.ts';
import { StoreDuplicate } from '../port.ts';
import type { AttachmentRecord } from '../records.ts';
import { type Collections, documentOf, recordOf } from './collections.ts';
import { duplicateKeyFields } from './errors.ts';

/**
 * Content in GridFS, metadata in `attachments`. The content goes first under a fresh id, then
 * the metadata that points at it: an attachment is listed only once its content is whole, and
 * a refused duplicate id deletes the content it had uploaded, never the first attachment's.
 */
export function mongoAttachments({ attachments, attachmentContent }: Collections): Store['attachments'] {
  return {
    async add(meta, content) {
      checkAttachment(meta, content);
      const contentId = new ObjectId();
      await pipeline(Readable.from([Buffer.from(content)]), attachmentContent.openUploadStreamWithId(contentId, meta.fileName));
      try {
        await attachments.insertOne({ ...documentOf(meta), contentId });
      } catch (error) {
        await attachmentContent.delete(contentId);
        if (duplicateKeyFields(error) !== undefined) throw new StoreDuplicate(`attachment ${meta.id}`);
        throw error;
      }
    },
    async ofTask(taskId) {
      return (await attachments.find({ taskId }).sort({ at: 1, _id: 1 }).toArray()).map((doc) =>
        recordOf<AttachmentRecord>(doc, ['contentId']),
      );
    },
    async byId(id) {
      const doc = await attachments.findOne({ _id: id });
      return doc === null ? undefined : recordOf<AttachmentRecord>(doc, ['contentId']);
    },
    async content(id) {
      const doc = await attachments.findOne({ _id: id });
      if (doc === null) return undefined;
      const chunks: Buffer[] = [];
      for await (const chunk of attachmentContent.openDownloadStream(doc.contentId)) chunks.push(chunk as Buffer);
      const bytes = Buffer.concat(chunks);
      return checkStoredContent(
        recordOf<AttachmentRecord>(doc, ['contentId']),
        new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      );
    },
  };
}
