/**
 * The embedded store of a stopped server, opened on a copy of its file: the checks read what the
 * server left and cannot change it (opening a store may migrate or checkpoint).
 */
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InstanceRecord, Store } from '@shanzhi/store';
import { createSqliteStore } from '@shanzhi/store/sqlite';

export function openCopy(dataDir: string): { store: Store; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'shanzhi-reliability-copy-'));
  for (const suffix of ['', '-wal']) {
    const from = join(dataDir, `shanzhi.db${suffix}`);
    if (existsSync(from)) copyFileSync(from, join(dir, `shanzhi.db${suffix}`));
  }
  return { store: createSqliteStore({ file: join(dir, 'shanzhi.db') }), dir };
}

/** Every instance of a procedure, every status, page by page. */
export async function instancesOf(store: Store, definitionKey: string): Promise<InstanceRecord[]> {
  const out: InstanceRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.instances.list({ reach: ['/'], definitionKey, limit: 500, ...(cursor ? { cursor } : {}) });
    out.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return out;
}
