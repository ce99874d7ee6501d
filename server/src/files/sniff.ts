/**
 * What an attachment really is, by its first bytes, not by what the client says. Accepted:
 * images (PNG, JPEG, GIF, WebP), PDF, office documents (OOXML and OpenDocument zips, legacy OLE2
 * Word/Excel/PowerPoint) and UTF-8 text. The declared content type must be one of these and
 * agree with the bytes.
 */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

type Kind = 'png' | 'jpeg' | 'gif' | 'webp' | 'pdf' | 'ooxml' | 'odf' | 'ole' | 'text';

const ALLOWED: Readonly<Record<string, Kind>> = {
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'ooxml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'ooxml',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'ooxml',
  'application/vnd.oasis.opendocument.text': 'odf',
  'application/vnd.oasis.opendocument.spreadsheet': 'odf',
  'application/vnd.oasis.opendocument.presentation': 'odf',
  'application/msword': 'ole',
  'application/vnd.ms-excel': 'ole',
  'application/vnd.ms-powerpoint': 'ole',
  'text/plain': 'text',
  'text/csv': 'text',
  'text/markdown': 'text',
};

export const ALLOWED_CONTENT_TYPES = Object.keys(ALLOWED);

/** The normalised content type when the bytes are what it says and it is allowed; undefined otherwise. */
export function acceptFile(declared: string, bytes: Uint8Array): string | undefined {
  const type = declared.split(';')[0]?.trim().toLowerCase() ?? '';
  const kind = ALLOWED[type];
  if (!kind || bytes.length === 0) return undefined;
  return matches(kind, type, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) ? type : undefined;
}

function matches(kind: Kind, type: string, b: Buffer): boolean {
  switch (kind) {
    case 'png':
      return starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case 'jpeg':
      return starts(b, [0xff, 0xd8, 0xff]);
    case 'gif':
      return b.subarray(0, 6).toString('latin1') === 'GIF87a' || b.subarray(0, 6).toString('latin1') === 'GIF89a';
    case 'webp':
      return b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP';
    case 'pdf':
      return b.subarray(0, 5).toString('latin1') === '%PDF-';
    case 'ooxml':
      return isZip(b) && b.includes('[Content_Types].xml', 0, 'latin1');
    case 'odf':
      return (
        isZip(b) && b.subarray(30, 38).toString('latin1') === 'mimetype' && b.subarray(38, 38 + type.length).toString('latin1') === type
      );
    case 'ole':
      return starts(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    case 'text':
      return isText(b);
  }
}

function starts(b: Buffer, sig: readonly number[]): boolean {
  return b.length >= sig.length && sig.every((x, i) => b[i] === x);
}

function isZip(b: Buffer): boolean {
  return starts(b, [0x50, 0x4b, 0x03, 0x04]);
}

/** UTF-8 without control characters other than tab, line feed, carriage return and form feed. */
function isText(b: Buffer): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return false;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}
