import { describe, expect, it } from 'vitest';
import type { WebhookRecord } from '../records.ts';
import type { SuiteContext } from './context.ts';
import { PATH, T0, USERS } from './fixtures.ts';

const webhook = (id: string, unitPath: string, fields: Partial<WebhookRecord> = {}): WebhookRecord => ({
  id,
  unitPath,
  url: 'http://10.20.0.5:8080/shanzhi',
  secret: 'lishui-gateway-secret-0001',
  enabled: true,
  createdAt: T0,
  createdBy: USERS.townOfficial.id,
  ...fields,
});

export function webhookSpecs(ctx: SuiteContext): void {
  describe('webhooks', () => {
    const town = webhook('wh-lishui', PATH.town, { kinds: ['task', 'overdue'] });
    const district = webhook('wh-nanhai', PATH.district, { url: 'https://gateway.nanhai.example/sms', enabled: false });
    const dali = webhook('wh-dali', '/nanhai/dali/');
    const village = webhook('wh-hefeng', PATH.hefeng, { createdAt: T0 + 1 });

    it('finds the webhooks of a unit and of the units above it, not of its neighbours or below it', async () => {
      for (const w of [town, district, dali, village]) await ctx.store.webhooks.put(w);
      expect(await ctx.store.webhooks.forUnit(PATH.hefeng)).toEqual([district, town, village]);
      expect((await ctx.store.webhooks.forUnit(PATH.honggang)).map((w) => w.id)).toEqual([district.id, town.id]);
      expect((await ctx.store.webhooks.forUnit(PATH.town)).map((w) => w.id)).toEqual([district.id, town.id]);
    });

    it('lists the webhooks within reach by unit, and replaces and removes them by id', async () => {
      for (const w of [town, district, dali, village]) await ctx.store.webhooks.put(w);
      expect((await ctx.store.webhooks.list([PATH.town])).map((w) => w.id)).toEqual([town.id, village.id]);
      expect((await ctx.store.webhooks.list([PATH.district])).map((w) => w.id)).toEqual([district.id, dali.id, town.id, village.id]);
      expect(await ctx.store.webhooks.list([])).toEqual([]);

      const { kinds: _everyKind, ...paused } = { ...town, enabled: false };
      await ctx.store.webhooks.put(paused);
      expect(await ctx.store.webhooks.byId(town.id)).toEqual(paused);
      expect(await ctx.store.webhooks.remove(town.id)).toBe(true);
      expect(await ctx.store.webhooks.remove(town.id)).toBe(false);
      expect(await ctx.store.webhooks.byId(town.id)).toBeUndefined();
      expect((await ctx.store.webhooks.forUnit(PATH.hefeng)).map((w) => w.id)).toEqual([district.id, village.id]);
    });

    it('refuses a webhook whose unit is not a unit path', async () => {
      await expect(ctx.store.webhooks.put(webhook('wh-bad', '/nanhai/lishui'))).rejects.toThrow(/unit path/);
      expect(await ctx.store.webhooks.byId('wh-bad')).toBeUndefined();
    });
  });
}
