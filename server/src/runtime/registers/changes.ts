import type { RegisterEntryRecord } from '@shanzhi/store';

/** What a write of a whole register changed, entry by entry, and the same as a sentence people read on a board. */
export interface RegisterChanges {
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly retired: readonly string[];
  /** zh-CN, e.g. 新增：第十二条；修改：第三条（条款内容）；删除：第七条. Empty when nothing changed. */
  readonly summary: string;
}

type Data = Readonly<Record<string, unknown>>;

/** Same JSON, key order aside: a write of unchanged data adds no revision. */
export function sameData(a: Data, b: Data): boolean {
  return canonical(a) === canonical(b);
}

const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Data).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  );

/**
 * The changes between the entries before (live ones) and the data written now, by key, with the
 * changed fields named by their titles in the register's form.
 */
export function registerChanges(
  before: ReadonlyMap<string, RegisterEntryRecord>,
  written: ReadonlyMap<string, Data>,
  retired: readonly string[],
  titles: Readonly<Record<string, string>>,
): RegisterChanges {
  const added: string[] = [];
  const changed: string[] = [];
  const fieldsOf: string[] = [];
  for (const [key, data] of written) {
    const old = before.get(key);
    if (old === undefined || old.retired) added.push(key);
    else if (!sameData(old.data, data)) {
      changed.push(key);
      const fields = [...new Set([...Object.keys(old.data), ...Object.keys(data)])].filter(
        (f) => canonical(old.data[f]) !== canonical(data[f]),
      );
      fieldsOf.push(`${key}（${fields.map((f) => titles[f] ?? f).join('、')}）`);
    }
  }
  const parts = [
    added.length ? `新增：${added.join('、')}` : '',
    changed.length ? `修改：${fieldsOf.join('、')}` : '',
    retired.length ? `删除：${retired.join('、')}` : '',
  ].filter((p) => p !== '');
  return { added, changed, retired, summary: parts.join('；') };
}
