import { beforeEach, describe, expect, it } from 'vitest';
import type { SubscriptionRecord } from '../records.ts';
import type { SuiteContext } from './context.ts';
import { instance, PATH, start, subscription } from './fixtures.ts';

export function subscriptionSpecs(ctx: SuiteContext): void {
  describe('subscriptions', () => {
    const hefeng = instance('inst-hefeng', PATH.hefeng);
    const honggang = instance('inst-honggang', PATH.honggang);
    const subs = (list: readonly SubscriptionRecord[]) => list.map((s) => `${s.instanceId}/${s.sub}`).sort();

    beforeEach(async () => {
      await start(ctx.store, hefeng, {
        subscriptions: {
          add: [
            subscription(hefeng, 's1', { correlationKey: '鹤峰-2025-001' }),
            subscription(hefeng, 's2'),
            subscription(hefeng, 's3', { kind: 'signal', name: '防汛预警' }),
          ],
        },
      });
      await start(ctx.store, honggang, {
        subscriptions: {
          add: [
            subscription(honggang, 's1', { correlationKey: '鹤峰-2025-001' }),
            subscription(honggang, 's3', { kind: 'signal', name: '防汛预警' }),
          ],
        },
      });
    });

    it('finds who waits for a message by name and correlation key, within reach', async () => {
      expect(subs(await ctx.store.subscriptions.messages('村民代表会议决议', '鹤峰-2025-001', [PATH.hefeng]))).toEqual(['inst-hefeng/s1']);
      expect(subs(await ctx.store.subscriptions.messages('村民代表会议决议', '鹤峰-2025-001', [PATH.town]))).toEqual([
        'inst-hefeng/s1',
        'inst-honggang/s1',
      ]);
      expect(await ctx.store.subscriptions.messages('村民代表会议决议', '鹤峰-2025-001', [])).toEqual([]);
      expect(await ctx.store.subscriptions.messages('另一条消息', '鹤峰-2025-001', [PATH.town])).toEqual([]);
    });

    it('matches a message without a correlation key only to subscriptions that wait for none', async () => {
      expect(subs(await ctx.store.subscriptions.messages('村民代表会议决议', undefined, [PATH.town]))).toEqual(['inst-hefeng/s2']);
      expect(await ctx.store.subscriptions.messages('村民代表会议决议', '宏岗-2025-001', [PATH.town])).toEqual([]);
    });

    it('finds who waits for a signal within reach, and reads a subscription back whole', async () => {
      expect(subs(await ctx.store.subscriptions.signals('防汛预警', [PATH.town]))).toEqual(['inst-hefeng/s3', 'inst-honggang/s3']);
      expect(await ctx.store.subscriptions.signals('防汛预警', [PATH.honggang])).toEqual([
        { instanceId: 'inst-honggang', sub: 's3', kind: 'signal', name: '防汛预警', unitPath: PATH.honggang },
      ]);
      expect(await ctx.store.subscriptions.messages('防汛预警', undefined, [PATH.town])).toEqual([]);
    });

    it('forgets subscriptions a commit removes', async () => {
      await ctx.store.commit({
        instance: hefeng,
        expectedVersion: 1,
        events: [],
        subscriptions: { remove: [{ instanceId: hefeng.id, sub: 's1' }] },
      });
      expect(subs(await ctx.store.subscriptions.messages('村民代表会议决议', '鹤峰-2025-001', [PATH.town]))).toEqual(['inst-honggang/s1']);
    });
  });
}
