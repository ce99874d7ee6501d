/** A table as files: a header row, then one row per line, each cell text or a number. */
export type Cell = string | number;
export type Sheet = { readonly name: string; readonly header: readonly string[]; readonly rows: readonly (readonly Cell[])[] };

/** Spreadsheets run a cell that starts like this as a formula: such text is written with a leading apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(cell: Cell): string {
  if (typeof cell === 'number') return String(cell);
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV, lines ended with CRLF. */
export function toCsv(sheet: Sheet): string {
  return [sheet.header, ...sheet.rows]
    .map((row) => row.map(csvCell).join(','))
    .join('\r\n')
    .concat('\r\n');
}

/** UTF-8 with a byte order mark, so Excel opens the Chinese as Chinese rather than as Latin-1. */
export const csvBlob = (sheet: Sheet): Blob => new Blob(['\uFEFF', toCsv(sheet)], { type: 'text/csv;charset=utf-8' });

/** An .xlsx of the sheet, its header bold; the writer loads only when someone exports. */
export async function xlsxBlob(sheet: Sheet): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const header = sheet.header.map((value) => ({ value, fontWeight: 'bold' as const }));
  const rows = sheet.rows.map((row) => row.map((value) => ({ value })));
  return writeXlsxFile([header, ...rows], {
    sheet: sheet.name,
    columns: sheet.header.map((h) => ({ width: Math.max(10, h.length * 2 + 2) })),
  }).toBlob();
}
