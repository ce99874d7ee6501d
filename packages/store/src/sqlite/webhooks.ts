import { checkWebhook } from '../checks.ts';
import type { Store } from '../port.ts';
import { reachRanges, selfAndAbove } from '../reach.ts';
import { toWebhook, WEBHOOK_COLUMNS, type WebhookRow, webhookRow } from './rows.ts';
import { insertInto, type Sqlite, withinRanges } from './sql.ts';

const LIST_ORDER = 'ORDER BY unit_path, created_at, id';

export function sqliteWebhooks({ statement, write }: Sqlite): Store['webhooks'] {
  const upsert = `${insertInto('webhooks', WEBHOOK_COLUMNS)} ON CONFLICT (id) DO UPDATE SET ${WEBHOOK_COLUMNS.filter((c) => c !== 'id')
    .map((c) => `${c} = excluded.${c}`)
    .join(', ')}`;
  return {
    async put(webhook) {
      checkWebhook(webhook);
      await write(() => statement(upsert).run(webhookRow(webhook)));
    },
    async remove(id) {
      return (await write(() => statement('DELETE FROM webhooks WHERE id = ?').run(id))).changes > 0;
    },
    async byId(id) {
      const row = statement('SELECT * FROM webhooks WHERE id = ?').get(id) as WebhookRow | undefined;
      return row && toWebhook(row);
    },
    async forUnit(unitPath) {
      const units = selfAndAbove(unitPath);
      const rows = statement(`SELECT * FROM webhooks WHERE unit_path IN (${units.map(() => '?').join(', ')}) ${LIST_ORDER}`).all(
        ...units,
      ) as WebhookRow[];
      return rows.map(toWebhook);
    },
    async list(reach) {
      const ranges = reachRanges(reach);
      if (ranges.length === 0) return [];
      const within = withinRanges('unit_path', ranges);
      return (statement(`SELECT * FROM webhooks WHERE ${within.sql} ${LIST_ORDER}`).all(...within.params) as WebhookRow[]).map(toWebhook);
    },
  };
}
