import { describe, expect, it } from 'vitest';
import { acceptFile } from './sniff.ts';

describe('attachment types are checked by their bytes', () => {
  it('accepts what the bytes confirm', () => {
    expect(acceptFile('image/png', Buffer.from('89504e470d0a1a0a0000', 'hex'))).toBe('image/png');
    expect(acceptFile('image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(acceptFile('application/pdf', Buffer.from('%PDF-1.4'))).toBe('application/pdf');
    expect(acceptFile('text/csv; charset=utf-8', Buffer.from('姓名,电话\n张三,1\n'))).toBe('text/csv');
    const docx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from('[Content_Types].xml')]);
    expect(acceptFile('application/vnd.openxmlformats-officedocument.wordprocessingml.document', docx)).toBeDefined();
    const odt = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.alloc(26),
      Buffer.from('mimetypeapplication/vnd.oasis.opendocument.text'),
    ]);
    expect(acceptFile('application/vnd.oasis.opendocument.text', odt)).toBe('application/vnd.oasis.opendocument.text');
  });

  it('refuses a type that is not allowed, or bytes that say something else', () => {
    expect(acceptFile('application/x-msdownload', Buffer.from('MZ'))).toBeUndefined();
    expect(acceptFile('image/png', Buffer.from('%PDF-1.4'))).toBeUndefined();
    expect(acceptFile('text/plain', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00]))).toBeUndefined();
    expect(acceptFile('text/plain', Buffer.from([0xff, 0xfe, 0x00]))).toBeUndefined();
    expect(acceptFile('application/pdf', Buffer.alloc(0))).toBeUndefined();
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40)]);
    expect(acceptFile('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', zip)).toBeUndefined();
  });
});
