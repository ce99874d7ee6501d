import { checkWebhook } from '../checks.ts';
import type { Store } from '../port.ts';
import { reachRanges, selfAndAbove } from '../reach.ts';
import type { WebhookRecord } from '../records.ts';
import { type Collections, documentOf, recordOf } from './collections.ts';
import { withinRanges } from './filters.ts';

const LIST_ORDER = { unitPath: 1, createdAt: 1, _id: 1 } as const;

export function mongoWebhooks({ webhooks }: Collections): Store['webhooks'] {
  return {
    async put(webhook) {
      checkWebhook(webhook);
      await webhooks.replaceOne({ _id: webhook.id }, documentOf(webhook), { upsert: true });
    },
    async remove(id) {
      return (await webhooks.deleteOne({ _id: id })).deletedCount > 0;
    },
    async byId(id) {
      const doc = await webhooks.findOne({ _id: id });
      return doc === null ? undefined : recordOf<WebhookRecord>(doc);
    },
    async forUnit(unitPath) {
      const found = await webhooks
        .find({ unitPath: { $in: selfAndAbove(unitPath) } })
        .sort(LIST_ORDER)
        .toArray();
      return found.map((doc) => recordOf<WebhookRecord>(doc));
    },
    async list(reach) {
      const ranges = reachRanges(reach);
      if (ranges.length === 0) return [];
      const found = await webhooks.find(withinRanges('unitPath', ranges)).sort(LIST_ORDER).toArray();
      return found.map((doc) => recordOf<WebhookRecord>(doc));
    },
  };
}
