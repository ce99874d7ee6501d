import { describe, expect, it } from 'vitest';
import { csvBlob, toCsv } from './exports.ts';

/** The blob's bytes, read the way a browser reads a download (jsdom's Blob has no arrayBuffer). */
const bytesOf = (blob: Blob) =>
  new Promise<Uint8Array>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.readAsArrayBuffer(blob);
  });

const sheet = (rows: (string | number)[][]) => ({ name: '按村', header: ['村（社区）', '逾期'], rows });

describe('the dashboard CSV', () => {
  it('writes a header and a line per row, ended with CRLF, numbers as numbers', () => {
    expect(
      toCsv(
        sheet([
          ['鹤峰村', 1],
          ['宏岗村', 0],
        ]),
      ),
    ).toBe('村（社区）,逾期\r\n鹤峰村,1\r\n宏岗村,0\r\n');
  });

  it('quotes a cell with a comma, a quote, a line break or spaces at its ends, doubling its quotes', () => {
    expect(
      toCsv(
        sheet([
          ['鹤峰村,东片', 1],
          ['“祠堂”与"广场"', 2],
          ['两行\n说明', 3],
          [' 前后有空格 ', 4],
        ]),
      ),
    ).toBe('村（社区）,逾期\r\n"鹤峰村,东片",1\r\n"“祠堂”与""广场""",2\r\n"两行\n说明",3\r\n" 前后有空格 ",4\r\n');
  });

  it('keeps a spreadsheet from running a name that starts like a formula', () => {
    expect(
      toCsv(
        sheet([
          ['=HYPERLINK("x")', 1],
          ['-1', 2],
          ['@SUM', 3],
        ]),
      ),
    ).toBe('村（社区）,逾期\r\n"\'=HYPERLINK(""x"")",1\r\n\'-1,2\r\n\'@SUM,3\r\n');
  });

  it('starts the file with a byte order mark so Excel reads it as UTF-8', async () => {
    const bytes = await bytesOf(csvBlob(sheet([['鹤峰村', 1]])));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe('村（社区）,逾期\r\n鹤峰村,1\r\n');
  });
});
