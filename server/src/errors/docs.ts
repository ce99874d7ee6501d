import { ENGINE_ERRORS } from '@shanzhi/engine';
import { codeOf, ERRORS, type MessageId } from './catalogue.ts';
import { FIELD_PROBLEMS } from './fieldProblems.ts';
import type { Entry, Texts } from './template.ts';

/**
 * The tables of docs/errors.md that the catalogue fills: each sits between
 * `<!-- generated: name -->` and `<!-- end generated -->`, and the prose around them stays as
 * written. A test fails when the file differs from what this makes; `pnpm docs:errors` writes it.
 */
export function updateErrorDocs(markdown: string): string {
  const tables = new Map([
    ['engine', codeTable(isEngine)],
    ['server', codeTable((id) => !isEngine(id))],
    ['fields', fieldTable()],
  ]);
  const updated = markdown.replace(
    /(<!-- generated: (\w+) -->\n)[\s\S]*?(<!-- end generated -->)/g,
    (whole, open: string, name: string, close: string) => {
      const table = tables.get(name);
      if (table === undefined) return whole;
      tables.delete(name);
      return `${open}${table}\n${close}`;
    },
  );
  if (tables.size > 0) throw new Error(`docs/errors.md has no place for the generated tables ${[...tables.keys()].join(', ')}`);
  return updated;
}

const isEngine = (id: MessageId) => Object.hasOwn(ENGINE_ERRORS, codeOf(id));

function codeTable(included: (id: MessageId) => boolean): string {
  const rows = (Object.keys(ERRORS) as MessageId[]).filter(included).map((id) => {
    const base: Entry = ERRORS[codeOf(id)];
    const texts: Texts & { readonly shows?: string } = ERRORS[id];
    const variant = id.includes('/') ? ` (${id.slice(id.indexOf('/') + 1)})` : '';
    const status = base.status === undefined ? '—' : String(base.status);
    return [`\`${codeOf(id)}\`${variant}`, status, texts['zh-CN'], texts.en, texts.shows ?? base.shows];
  });
  return table(['code', 'status', 'zh-CN', 'en', 'where it shows'], rows);
}

function fieldTable(): string {
  const rows = Object.entries(FIELD_PROBLEMS).map(([key, texts]) => [`\`${key}\``, texts['zh-CN'], texts.en]);
  return table(['problem', 'zh-CN', 'en'], rows);
}

/** A Markdown table with its columns padded to their widest cell, a Chinese character counting two. */
function table(head: string[], rows: string[][]): string {
  const cells = [head, ...rows].map((row) => row.map((cell) => cell.replaceAll('|', '\\|')));
  const widths = head.map((_, i) => Math.max(3, ...cells.map((row) => width(row[i] ?? ''))));
  const line = (row: string[]) => `| ${row.map((cell, i) => cell + ' '.repeat((widths[i] ?? 0) - width(cell))).join(' | ')} |`;
  const [header = [], ...body] = cells;
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...body.map(line)].join('\n');
}

const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

function width(text: string): number {
  let n = 0;
  for (const ch of text) n += WIDE.test(ch) ? 2 : 1;
  return n;
}
