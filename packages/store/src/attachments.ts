import { createHash } from 'node:crypto';
import type { AttachmentRecord } from './records.ts';

export const sha256Hex = (content: Uint8Array): string => createHash('sha256').update(content).digest('hex');

/** The metadata must describe the content exactly; a mismatch is refused before anything is stored. */
export function checkAttachment(meta: AttachmentRecord, content: Uint8Array): void {
  if (!/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/.test(meta.id)) {
    throw new Error(`attachment id "${meta.id}" must be 1 to 128 letters, digits, ".", "_" or "-"`);
  }
  if (content.byteLength !== meta.size) {
    throw new Error(`attachment ${meta.id}: size ${meta.size} does not match its ${content.byteLength} bytes of content`);
  }
  if (sha256Hex(content) !== meta.sha256) {
    throw new Error(`attachment ${meta.id}: sha256 does not match its content`);
  }
}

/** Read back content must still be what was stored. */
export function checkStoredContent(meta: AttachmentRecord, content: Uint8Array): Uint8Array {
  if (sha256Hex(content) !== meta.sha256) throw new Error(`attachment ${meta.id}: stored content no longer matches its sha256`);
  return content;
}
