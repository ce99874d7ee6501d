import { beforeEach, describe, expect, it } from 'vitest';
import type { SuiteContext } from './context.ts';
import { DAY, DEFINITION, GROUP, instance, PATH, start, T0, task, USERS } from './fixtures.ts';

export function taskSpecs(ctx: SuiteContext): void {
  describe('tasks', () => {
    const road = instance('inst-road', PATH.hefeng);
    const deliberation = task(road, '3', {
      name: '两委会商议',
      candidateGroups: [GROUP.hefengCommittees],
      formKey: 'deliberation',
      dueAt: T0 + DAY,
    });
    const id = deliberation.id;
    const li = USERS.hefengClerk.id;
    const groupInbox = async (userId: string) =>
      (
        await ctx.store.tasks.inbox({ userId, groups: [GROUP.hefengCommittees], reach: [PATH.hefeng], scope: 'group', limit: 10 })
      ).items.map((t) => t.id);
    const myInbox = async (userId: string) =>
      (await ctx.store.tasks.inbox({ userId, groups: [], reach: [PATH.hefeng], scope: 'mine', limit: 10 })).items.map((t) => t.id);

    beforeEach(async () => {
      await start(ctx.store, road, { tasks: { upsert: [task(road, '2', { assignee: li }), deliberation] } });
    });

    it('reads a task back as it was written, at version 1', async () => {
      expect(await ctx.store.tasks.byId(id)).toEqual({ ...deliberation, version: 1 });
      expect((await ctx.store.tasks.ofInstance(road.id)).map((t) => t.key)).toEqual(['2', '3']);
      expect(await ctx.store.tasks.byId('inst-road:9')).toBeUndefined();
    });

    it('gives an updated task the next version, whatever version the writer put on it', async () => {
      await ctx.store.commit({
        instance: road,
        expectedVersion: 1,
        events: [],
        tasks: { upsert: [{ ...deliberation, priority: 90, version: 7 }] },
      });
      expect(await ctx.store.tasks.byId(id)).toEqual({ ...deliberation, priority: 90, version: 2 });
    });

    it('keeps who a delegated task goes back to', async () => {
      const delegated = { ...deliberation, assignee: USERS.hefengMember.id, owner: li };
      await ctx.store.commit({ instance: road, expectedVersion: 1, events: [], tasks: { upsert: [delegated] } });
      expect(await ctx.store.tasks.byId(id)).toEqual({ ...delegated, version: 2 });
      expect(await myInbox(USERS.hefengMember.id)).toEqual([id]);
      const { owner: _gone, ...resolved } = { ...delegated, assignee: li };
      await ctx.store.commit({ instance: road, expectedVersion: 2, events: [], tasks: { upsert: [resolved] } });
      expect(await ctx.store.tasks.byId(id)).toEqual({ ...resolved, version: 3 });
    });

    it('keeps whom a deputy holds a task for, and forgets it when written without', async () => {
      const deputy = USERS.hefengMember.id;
      const forLi = { ...deliberation, assignee: deputy, onBehalfOf: li };
      await ctx.store.commit({ instance: road, expectedVersion: 1, events: [], tasks: { upsert: [forLi] } });
      expect(await ctx.store.tasks.byId(id)).toEqual({ ...forLi, version: 2 });
      expect(await myInbox(deputy)).toEqual([id]);
      const { onBehalfOf: _gone, ...reassigned } = forLi;
      await ctx.store.commit({ instance: road, expectedVersion: 2, events: [], tasks: { upsert: [reassigned] } });
      expect(await ctx.store.tasks.byId(id)).toStrictEqual({ ...reassigned, version: 3 });
    });

    it('finds the open tasks falling due in a window, soonest first, for their reminders', async () => {
      const well = instance('inst-well', PATH.honggang);
      await start(ctx.store, well, {
        tasks: { upsert: [task(well, '2', { dueAt: T0 + 2 * DAY }), task(well, '3', { dueAt: T0 + DAY / 2 }), task(well, '4')] },
      });
      const due = async (after: number, until: number, limit = 10) =>
        (await ctx.store.tasks.dueBetween(after, until, limit)).map((t) => t.id);
      expect(await due(T0, T0 + 3 * DAY)).toEqual([`${well.id}:3`, id, `${well.id}:2`]);
      expect(await due(T0 + DAY / 2, T0 + DAY)).toEqual([id]);
      expect(await due(T0, T0 + 3 * DAY, 1)).toEqual([`${well.id}:3`]);
      await ctx.store.commit({
        instance: road,
        expectedVersion: 1,
        events: [],
        tasks: { end: [{ id, status: 'completed', at: T0, by: li }] },
      });
      expect(await due(T0, T0 + 3 * DAY)).toEqual([`${well.id}:3`, `${well.id}:2`]);
    });

    it('counts open tasks in all and per procedure, within reach', async () => {
      const well = instance('inst-well', PATH.honggang, { definitionKey: DEFINITION.rentalHousing });
      await start(ctx.store, well, { tasks: { upsert: [task(well, '2'), task(well, '3')] } });
      await ctx.store.commit({
        instance: road,
        expectedVersion: 1,
        events: [],
        tasks: { end: [{ id: `${road.id}:2`, status: 'completed', at: T0 + DAY, by: li }] },
      });
      expect(await ctx.store.tasks.countOpen()).toEqual({
        total: 3,
        byDefinition: { [DEFINITION.majorMatters]: 1, [DEFINITION.rentalHousing]: 2 },
      });
      expect(await ctx.store.tasks.countOpen([PATH.hefeng])).toEqual({ total: 1, byDefinition: { [DEFINITION.majorMatters]: 1 } });
      expect(await ctx.store.tasks.countOpen([])).toEqual({ total: 0, byDefinition: {} });
    });

    it('moves a claimed task out of the group inbox into the claimer’s, and back when he gives it up', async () => {
      const holders = async (version: number, holder: Partial<Pick<typeof deliberation, 'assignee' | 'candidateUsers'>>) =>
        ctx.store.commit({ instance: road, expectedVersion: version, events: [], tasks: { upsert: [{ ...deliberation, ...holder }] } });
      await holders(1, { assignee: li });
      expect(await ctx.store.tasks.byId(id)).toEqual({ ...deliberation, assignee: li, version: 2 });
      expect(await myInbox(li)).toEqual([id, `${road.id}:2`]);
      expect(await groupInbox(USERS.hefengMember.id)).toEqual([]);

      await holders(2, {});
      expect((await ctx.store.tasks.byId(id))?.assignee).toBeUndefined();
      expect(await myInbox(li)).toEqual([`${road.id}:2`]);
      expect(await groupInbox(USERS.hefengMember.id)).toEqual([id]);

      await holders(3, { candidateUsers: [USERS.townOfficial.id] });
      expect(
        (await ctx.store.tasks.inbox({ userId: USERS.townOfficial.id, groups: [], reach: [PATH.town], limit: 10 })).items.map((t) => t.id),
      ).toEqual([id]);
    });
  });
}
