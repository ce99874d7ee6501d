import { beforeEach, describe, expect, it } from 'vitest';
import type { InboxQuery } from '../port.ts';
import type { TaskRecord } from '../records.ts';
import type { SuiteContext } from './context.ts';
import { allPages, DAY, DEFINITION, GROUP, instance, MINUTE, PATH, start, T0, task, USERS } from './fixtures.ts';

const hefeng = instance('inst-hefeng', PATH.hefeng, { businessKey: '鹤峰-2025-001' });
const hefengRental = instance('inst-hefeng-rental', PATH.hefeng, { definitionKey: DEFINITION.rentalHousing });
const honggang = instance('inst-honggang', PATH.honggang, { businessKey: '宏岗-2025-001' });
const li = USERS.hefengClerk.id;

/**
 * 鹤峰村's clerk 李文书 has one task of his own (h1), two his committee may take (h2, and h3 where he is also
 * named himself), and one a colleague has claimed (h4). 宏岗村 has tasks that name him too (g2, g3), which
 * he must never see: they are outside his reach.
 */
const TASKS: readonly TaskRecord[] = [
  task(hefeng, 'h1', { name: '村民代表会议表决', assignee: li, dueAt: T0 + 3 * DAY, createdAt: T0 + 1 * MINUTE }),
  task(hefeng, 'h2', {
    name: '两委会商议',
    candidateGroups: [GROUP.hefengCommittees],
    dueAt: T0 + DAY,
    priority: 80,
    createdAt: T0 + 2 * MINUTE,
  }),
  task(hefengRental, 'h3', {
    name: '出租屋登记核查',
    candidateUsers: [li],
    candidateGroups: [GROUP.hefengCommittees],
    createdAt: T0 + 3 * MINUTE,
  }),
  task(hefeng, 'h4', {
    name: '党员大会审议',
    candidateGroups: [GROUP.hefengCommittees],
    assignee: USERS.hefengMember.id,
    createdAt: T0 + 4 * MINUTE,
  }),
  task(honggang, 'g1', { name: '两委会商议', candidateGroups: [GROUP.honggangCommittees], createdAt: T0 + 5 * MINUTE }),
  task(honggang, 'g2', { name: '村民代表会议表决', assignee: li, createdAt: T0 + 6 * MINUTE }),
  task(honggang, 'g3', { name: '决议公开', candidateUsers: [li], createdAt: T0 + 7 * MINUTE }),
];

export function inboxSpecs(ctx: SuiteContext): void {
  describe('inbox', () => {
    beforeEach(async () => {
      for (const record of [hefeng, hefengRental, honggang]) {
        await start(ctx.store, record, { tasks: { upsert: TASKS.filter((t) => t.instanceId === record.id) } });
      }
    });

    const inboxOf = async (query: Partial<InboxQuery>) =>
      (await ctx.store.tasks.inbox({ userId: li, groups: [GROUP.hefengCommittees], reach: [PATH.hefeng], limit: 50, ...query })).items.map(
        (t) => t.key,
      );

    it('counts what each tab of the inbox lists in all its pages, within reach and filters', async () => {
      const count = (query: Partial<InboxQuery>) =>
        ctx.store.tasks.count({ userId: li, groups: [GROUP.hefengCommittees], reach: [PATH.hefeng], ...query });
      expect(await count({ scope: 'mine' })).toBe(1);
      expect(await count({ scope: 'group' })).toBe(2);
      expect(await count({})).toBe(3);
      expect(await count({ dueBefore: T0 + 2 * DAY })).toBe(1);
      expect(await count({ definitionKey: DEFINITION.rentalHousing })).toBe(1);
      expect(await count({ reach: [] })).toBe(0);
    });

    it('shows the clerk his own tasks, his candidate tasks and his groups’ unclaimed tasks, each once', async () => {
      expect(await inboxOf({ scope: 'mine' })).toEqual(['h1']);
      expect(await inboxOf({ scope: 'group' })).toEqual(['h3', 'h2']);
      expect(await inboxOf({})).toEqual(['h3', 'h2', 'h1']);
    });

    it('finds tasks through a candidate user alone and through a candidate group alone', async () => {
      expect(await inboxOf({ groups: [], scope: 'group' })).toEqual(['h3']);
      expect(await inboxOf({ userId: USERS.townOfficial.id, scope: 'group' })).toEqual(['h3', 'h2']);
    });

    it('shows a task claimed by someone else only to that person', async () => {
      expect(await inboxOf({ userId: USERS.hefengMember.id })).toEqual(['h4', 'h3', 'h2']);
    });

    it('never shows a clerk of 鹤峰村 a task of 宏岗村, even one that names him', async () => {
      const seen = await inboxOf({ groups: [GROUP.hefengCommittees, GROUP.honggangCommittees] });
      expect(seen.filter((key) => key.startsWith('g'))).toEqual([]);
    });

    it('shows the town what every village below it has', async () => {
      const town = { userId: USERS.townOfficial.id, groups: [GROUP.hefengCommittees, GROUP.honggangCommittees], reach: [PATH.town] };
      expect(await inboxOf(town)).toEqual(['g1', 'h3', 'h2']);
      expect(await inboxOf({ reach: [PATH.town] })).toEqual(['g3', 'g2', 'h3', 'h2', 'h1']);
      expect(await inboxOf({ reach: [] })).toEqual([]);
    });

    it('filters by procedure, due date and text in the task name or business key', async () => {
      expect(await inboxOf({ definitionKey: DEFINITION.rentalHousing })).toEqual(['h3']);
      expect(await inboxOf({ dueBefore: T0 + 2 * DAY })).toEqual(['h2']);
      expect(await inboxOf({ text: '表决' })).toEqual(['h1']);
      expect(await inboxOf({ text: '鹤峰-2025' })).toEqual(['h2', 'h1']);
      expect(await inboxOf({ text: '100%_' })).toEqual([]);
    });

    it('sorts by due date (undated last), by priority (highest first) and by creation (newest first)', async () => {
      expect(await inboxOf({ sort: 'due' })).toEqual(['h2', 'h1', 'h3']);
      expect(await inboxOf({ sort: 'priority' })).toEqual(['h2', 'h1', 'h3']);
      expect(await inboxOf({ sort: 'created' })).toEqual(['h3', 'h2', 'h1']);
    });

    it('moves ended tasks out of the open inbox and into the completed one', async () => {
      await ctx.store.commit({
        instance: hefeng,
        expectedVersion: 1,
        events: [],
        tasks: { end: [{ id: `${hefeng.id}:h1`, status: 'completed', at: T0 + DAY, by: li }] },
      });
      expect(await inboxOf({})).toEqual(['h3', 'h2']);
      expect(await inboxOf({ status: 'completed' })).toEqual(['h1']);
      const ended = await ctx.store.tasks.byId(`${hefeng.id}:h1`);
      expect(ended).toMatchObject({ status: 'completed', endedAt: T0 + DAY, endedBy: li, version: 2 });
    });

    describe('pages', () => {
      /** 23 more committee tasks with colliding due dates, priorities and creation times. */
      beforeEach(async () => {
        const more = Array.from({ length: 23 }, (_, i) =>
          task(hefeng, `p${String(i).padStart(2, '0')}`, {
            candidateGroups: [GROUP.hefengCommittees],
            ...(i % 4 === 0 ? {} : { dueAt: T0 + (i % 3) * DAY }),
            priority: [20, 50, 80][i % 3] as number,
            createdAt: T0 + (i % 5) * MINUTE,
          }),
        );
        await ctx.store.commit({ instance: hefeng, expectedVersion: 1, events: [], tasks: { upsert: more } });
      });

      for (const sort of ['due', 'priority', 'created'] as const) {
        it(`walk the ${sort} order in pages without duplicates or gaps`, async () => {
          const everything = await inboxOf({ sort, limit: 100 });
          expect(everything).toHaveLength(26);
          const pages = await allPages((cursor) =>
            ctx.store.tasks.inbox({
              userId: li,
              groups: [GROUP.hefengCommittees],
              reach: [PATH.hefeng],
              sort,
              limit: 7,
              ...(cursor && { cursor }),
            }),
          );
          expect(pages.map((page) => page.length)).toEqual([7, 7, 7, 5]);
          expect(pages.flat().map((t) => t.key)).toEqual(everything);
        });
      }

      it('refuses a cursor made for another order', async () => {
        const first = await ctx.store.tasks.inbox({ userId: li, groups: [], reach: [PATH.hefeng], sort: 'due', limit: 1 });
        const query = { userId: li, groups: [], reach: [PATH.hefeng], sort: 'priority', limit: 1, cursor: first.next } as const;
        await expect(ctx.store.tasks.inbox(query)).rejects.toThrow(/invalid cursor/);
      });
    });
  });
}
