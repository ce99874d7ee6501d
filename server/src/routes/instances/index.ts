import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { EventRecord, InstanceJobRecord, InstanceRecord, NotificationRecord } from '@shanzhi/store';
import { Type } from '@sinclair/typebox';
import { languageOf } from '../../errors/language.ts';
import { ApiError, fromEngine, invalidRequest } from '../../errors.ts';
import { assertCan, assertSee, can, canSee, type Principal, principal } from '../../plugins/tenancy.ts';
import { isCandidate } from '../../runtime/assignment.ts';
import { cancellation } from '../../runtime/cancellation.ts';
import { subjectOf } from '../../runtime/notifications.ts';
import { timelineOf } from '../../runtime/timeline.ts';
import { isDelivery } from '../../runtime/webhookDeliveries.ts';
import { errors, iso, page } from '../common.ts';
import { procedureNames } from '../procedureNames.ts';
import { taskView } from '../tasks/view.ts';
import { userNames } from '../userNames.ts';
import { masked, personalFields } from './personal.ts';
import {
  CancelBody,
  CcBody,
  CopiedToMe,
  CopiesQuery,
  Copy,
  HistoryItem,
  HistoryQuery,
  IncidentParams,
  Instance,
  InstanceDetail,
  InstanceParams,
  ListQuery,
  StartBody,
  StartedInstance,
  TimelineItem,
  WithdrawBody,
} from './schemas.ts';

function instanceView(r: InstanceRecord) {
  return {
    id: r.id,
    definitionId: r.definitionId,
    definitionKey: r.definitionKey,
    unitPath: r.unitPath,
    status: r.status,
    version: r.version,
    startedAt: iso(r.startedAt) as string,
    startedBy: r.startedBy,
    incidents: r.incidents,
    ...(r.businessKey === undefined ? {} : { businessKey: r.businessKey }),
    ...(r.endedAt === undefined ? {} : { endedAt: iso(r.endedAt) }),
    ...(r.parentId === undefined ? {} : { parentId: r.parentId }),
  };
}

function historyItem(e: EventRecord) {
  const { type, ...data } = e.event as { type: string } & Record<string, unknown>;
  return { seq: e.seq, type, at: iso(e.at) as string, actor: e.actor, data, hash: e.hash };
}

function waitingJob(j: InstanceJobRecord) {
  const el = j.payload.el;
  return {
    id: j.id,
    kind: j.kind,
    type: j.type,
    ...(typeof el === 'string' ? { elementId: el } : {}),
    dueAt: iso(j.dueAt) as string,
    retries: j.retries,
    ...(j.lockedUntil === undefined ? {} : { lockedUntil: iso(j.lockedUntil) }),
    ...(j.lastError === undefined ? {} : { lastError: j.lastError }),
    ...(j.incident === undefined ? {} : { incident: j.incident }),
  };
}

/** Who cancelled the instance, when and why: only for a cancelled one. */
function cancelledView(events: readonly EventRecord[]) {
  const c = cancellation(events);
  return c ? { cancelled: { ...c, at: iso(c.at) as string } } : {};
}

/** Events an instance's detail shows, and a history page holds by default: a runaway loop writes tens of thousands. */
const HISTORY_PAGE = 200;

/** Events the timeline reads for returns and the end: a runaway loop's tail is not a person's history. */
const TIMELINE_EVENTS_READ = 5_000;

/** Start (idempotent on the business key), list, inspect and cancel instances; resolve incidents. */
const instanceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/process-instances',
    {
      schema: {
        tags: ['instances'],
        summary: 'Start an instance at a unit; the same business key again answers the first instance (200)',
        body: StartBody,
        response: { 200: StartedInstance, 201: StartedInstance, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const p = principal(request);
      const b = request.body;
      assertCan(p, 'instance:start', b.orgUnit, 'unit');
      if (!(await app.store.units.byPath(b.orgUnit))) throw new ApiError('SZ_UNIT_NOT_FOUND', { unit: b.orgUnit });
      const { record, created } = await app.runtime.starter.start({
        definitionKey: b.definitionKey,
        unitPath: b.orgUnit,
        actor: p.id,
        ...(b.businessKey === undefined ? {} : { businessKey: b.businessKey }),
        ...(b.variables ? { variables: b.variables } : {}),
        lang: languageOf(request.headers['accept-language']),
      });
      if (created) request.log.info({ instanceId: record.id, definitionId: record.definitionId }, 'instance started');
      const tasks = (await app.store.tasks.ofInstance(record.id)).filter((t) => t.status === 'open' && isCandidate(t, p));
      return reply.status(created ? 201 : 200).send({ ...instanceView(record), tasks: tasks.map(taskView) });
    },
  );

  app.get(
    '/process-instances',
    {
      schema: {
        tags: ['instances'],
        summary: 'Instances in your units, newest first',
        querystring: ListQuery,
        response: { 200: page(Instance), ...errors(400, 401) },
      },
    },
    async (request) => {
      const p = principal(request);
      const q = request.query;
      const startedBy = q.startedBy === 'me' ? p.id : q.startedBy;
      const result = await app.store.instances.list({
        reach: p.reach,
        limit: q.limit ?? 50,
        ...(startedBy ? { startedBy } : {}),
        ...(q.status ? { status: q.status } : {}),
        ...(q.definitionKey ? { definitionKey: q.definitionKey } : {}),
        ...(q.businessKey ? { businessKey: q.businessKey } : {}),
        ...(q.withIncidents === undefined ? {} : { withIncidents: q.withIncidents }),
        ...(q.cursor ? { cursor: q.cursor } : {}),
      });
      const names = await procedureNames(
        app,
        result.items.map((i) => i.definitionId),
      );
      return {
        items: result.items.map((i) => ({
          ...instanceView(i),
          ...(names.has(i.definitionId) ? { processName: names.get(i.definitionId) } : {}),
        })),
        ...(result.next ? { next: result.next } : {}),
      };
    },
  );

  app.get(
    '/process-instances/:id',
    {
      schema: {
        tags: ['instances'],
        summary: 'State, variables, history, active elements, open incidents and the jobs it waits on',
        params: InstanceParams,
        response: { 200: InstanceDetail, ...errors(401, 404) },
      },
    },
    async (request) => {
      const p = principal(request);
      const r = await readableInstance(request.params.id, p);
      const state = r.state;
      const active = new Set<string>();
      for (const ei of Object.values(state.els)) if (ei.k !== state.root) active.add(ei.e);
      const [jobs, first] = await Promise.all([app.store.jobs.ofInstance(r.id), app.store.events.range(r.id, 0, HISTORY_PAGE + 1)]);
      const history = first.slice(0, HISTORY_PAGE);
      // Who cancelled and why is in the last event; a cancelled instance's history is read whole.
      const events = r.status === 'cancelled' ? await app.store.events.ofInstance(r.id) : history;
      const personal = await personalFields(app, r.definitionId);
      return {
        instance: instanceView(r),
        variables: masked(state.els[state.root]?.vars ?? {}, personal),
        activeElementIds: [...active].sort(),
        incidents: Object.values(state.incidents ?? {}).map((i) => ({
          id: i.id,
          elementId: i.el,
          elementInstanceKey: i.key,
          code: i.code,
          message: i.message,
        })),
        // A webhook delivery is the town's business (its dead letters), not something the instance waits on.
        jobs: jobs.filter((job) => !isDelivery(job)).map(waitingJob),
        history: masked(history.map(historyItem), personal),
        ...(first.length > HISTORY_PAGE ? { historyNext: history.at(-1)?.seq as number } : {}),
        ...cancelledView(events),
      };
    },
  );

  app.get(
    '/process-instances/:id/history',
    {
      schema: {
        tags: ['instances'],
        summary: 'The instance’s history (its audit trail) a page at a time: the events after `after`, oldest first',
        params: InstanceParams,
        querystring: HistoryQuery,
        response: { 200: Type.Object({ items: Type.Array(HistoryItem), next: Type.Optional(Type.Integer()) }), ...errors(400, 401, 404) },
      },
    },
    async (request) => {
      const r = await readableInstance(request.params.id, principal(request));
      const limit = request.query.limit ?? HISTORY_PAGE;
      const page = await app.store.events.range(r.id, request.query.after ?? 0, limit + 1);
      const items = page.slice(0, limit);
      const personal = await personalFields(app, r.definitionId);
      return { items: masked(items.map(historyItem), personal), ...(page.length > limit ? { next: items.at(-1)?.seq as number } : {}) };
    },
  );

  app.post(
    '/process-instances/:id/cancel',
    {
      schema: {
        tags: ['instances'],
        summary:
          'Cancel a running instance, with a reason kept in its history: admins of its unit only (its starter will withdraw it instead)',
        params: InstanceParams,
        body: CancelBody,
        response: { 200: Instance, ...errors(401, 403, 404, 409) },
      },
    },
    async (request) => {
      const p = principal(request);
      const r = await visibleInstance(request.params.id, p);
      if (!can(p, 'instance:cancel', r.unitPath)) throw new ApiError('SZ_FORBIDDEN/cancel', { unitName: await unitName(r.unitPath) });
      const out = await app.runtime.executor.run(
        r.id,
        { type: 'cancel', reason: request.body.reason },
        { actor: p.id, internal: false, conflictCode: 'SZ_INSTANCE_CONFLICT' },
      );
      if (!out.ok) throw fromEngine(out.error);
      request.log.info({ instanceId: r.id }, 'instance cancelled');
      return instanceView(out.record);
    },
  );

  app.post(
    '/process-instances/:id/withdraw',
    {
      schema: {
        tags: ['instances'],
        summary: '撤回: whoever started the instance takes it back, while nobody else has acted on it since',
        params: InstanceParams,
        body: WithdrawBody,
        response: { 200: Instance, ...errors(401, 403, 404, 409) },
      },
    },
    async (request) => {
      const p = principal(request);
      const r = await visibleInstance(request.params.id, p);
      if (r.startedBy !== p.id) throw new ApiError('SZ_FORBIDDEN/withdraw');
      // Work of the system (timers, messages) is no one's act; a step by anyone else is.
      const events = await app.store.events.ofInstance(r.id);
      if (events.some((e) => e.actor !== p.id && !e.actor.startsWith('system:'))) throw new ApiError('SZ_WITHDRAW_TOO_LATE');
      const reason = request.body?.reason?.trim();
      const open = (await app.store.tasks.ofInstance(r.id)).filter((t) => t.status === 'open');
      const notify = await app.runtime.notifier.planForHolders('withdrawn', open);
      const out = await app.runtime.executor.run(
        r.id,
        { type: 'withdraw', ...(reason ? { reason } : {}) },
        { actor: p.id, internal: false, conflictCode: 'SZ_INSTANCE_CONFLICT', notify },
      );
      if (!out.ok) throw fromEngine(out.error);
      request.log.info({ instanceId: r.id }, 'instance withdrawn');
      return instanceView(out.record);
    },
  );

  app.post(
    '/process-instances/:id/cc',
    {
      schema: {
        tags: ['instances'],
        summary:
          '抄送: copy the instance to people, who may then read it (only read) and are told; the starter, its handlers and its unit admins may',
        params: InstanceParams,
        body: CcBody,
        response: { 200: Type.Object({ items: Type.Array(Copy) }), ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const p = principal(request);
      const r = await visibleInstance(request.params.id, p);
      const tasks = await app.store.tasks.ofInstance(r.id);
      const handled = tasks.some((t) => t.assignee === p.id || t.endedBy === p.id);
      if (r.startedBy !== p.id && !handled && !can(p, 'task:assign', r.unitPath)) throw new ApiError('SZ_FORBIDDEN/cc');
      for (const [i, userId] of request.body.userIds.entries()) {
        const user = await app.store.users.byId(userId);
        if (!user || user.disabled) throw invalidRequest([{ field: `body.userIds[${i}]`, message: `${userId} is no enabled user` }]);
      }
      const definition = await app.runtime.definitions.byId(r.definitionId);
      const subject = subjectOf(r, definition?.record.name);
      const note = request.body.note?.trim();
      await app.runtime.notifier.send('cc', request.body.userIds, {
        unitPath: r.unitPath,
        instanceId: r.id,
        subject,
        from: p.id,
        ...(note ? { body: note } : {}),
      });
      request.log.info({ instanceId: r.id, copied: request.body.userIds.length }, 'instance copied');
      return { items: (await app.store.notifications.aboutInstance(r.id, 'cc')).map(copyView) };
    },
  );

  app.get(
    '/process-instances/:id/cc',
    {
      schema: {
        tags: ['instances'],
        summary: 'Whom the instance was copied to, and who has read it',
        params: InstanceParams,
        response: { 200: Type.Object({ items: Type.Array(Copy) }), ...errors(401, 404) },
      },
    },
    async (request) => {
      const r = await visibleInstance(request.params.id, principal(request));
      return { items: (await app.store.notifications.aboutInstance(r.id, 'cc')).map(copyView) };
    },
  );

  app.post(
    '/incidents/:instanceId/:incidentId/resolve',
    {
      schema: {
        tags: ['instances'],
        summary: 'Resolve an incident: the failed step runs again',
        params: IncidentParams,
        response: { 200: Instance, ...errors(401, 403, 404, 409) },
      },
    },
    async (request) => {
      const p = principal(request);
      const r = await visibleInstance(request.params.instanceId, p);
      assertCan(p, 'incident:resolve', r.unitPath, 'instance');
      const out = await app.runtime.executor.run(
        r.id,
        { type: 'resolveIncident', incident: request.params.incidentId },
        { actor: p.id, internal: false },
      );
      if (!out.ok) throw fromEngine(out.error);
      return instanceView(out.record);
    },
  );

  app.get(
    '/process-instances/:id/timeline',
    {
      schema: {
        tags: ['instances'],
        summary: 'Its history as people read it: started, each step’s arrival and who did it, returns with their reasons, the end',
        params: InstanceParams,
        response: { 200: Type.Object({ items: Type.Array(TimelineItem) }), ...errors(401, 404) },
      },
    },
    async (request) => {
      const r = await readableInstance(request.params.id, principal(request));
      const events = await app.store.events.range(r.id, 0, TIMELINE_EVENTS_READ);
      const items = timelineOf(r, await app.store.tasks.ofInstance(r.id), events);
      const names = await userNames(
        app,
        items.flatMap((i) => [i.actor, i.assignee]),
      );
      return {
        items: items.map((i) => ({
          ...i,
          at: iso(i.at) as string,
          ...(i.actor && names.has(i.actor) ? { actorName: names.get(i.actor) } : {}),
          ...(i.assignee && names.has(i.assignee) ? { assigneeName: names.get(i.assignee) } : {}),
        })),
      };
    },
  );

  app.get(
    '/cc',
    {
      schema: {
        tags: ['instances'],
        summary: 'What was copied to me (抄送我的), newest first',
        querystring: CopiesQuery,
        response: { 200: page(CopiedToMe), ...errors(400, 401) },
      },
    },
    async (request) => {
      const p = principal(request);
      const q = request.query;
      const copies = await app.store.notifications.ofUser(p.id, {
        kind: 'cc',
        limit: q.limit ?? 50,
        ...(q.cursor ? { cursor: q.cursor } : {}),
      });
      const instances = new Map<string, InstanceRecord>();
      for (const id of new Set(copies.items.map((n) => n.instanceId).filter((i) => i !== undefined))) {
        const instance = await app.store.instances.byId(id);
        if (instance) instances.set(id, instance);
      }
      const names = await procedureNames(
        app,
        [...instances.values()].map((i) => i.definitionId),
      );
      const senders = await userNames(
        app,
        copies.items.map((n) => n.from),
      );
      return {
        items: copies.items.flatMap((n) => {
          const instance = n.instanceId === undefined ? undefined : instances.get(n.instanceId);
          if (!instance) return [];
          const processName = names.get(instance.definitionId);
          return [
            {
              id: n.id,
              instanceId: instance.id,
              title: n.title,
              at: iso(n.createdAt) as string,
              read: n.readAt !== undefined,
              ...(processName ? { processName } : {}),
              ...(instance.businessKey === undefined ? {} : { businessKey: instance.businessKey }),
              ...(n.body === undefined ? {} : { note: n.body }),
              ...(n.from === undefined ? {} : { from: n.from, fromName: senders.get(n.from) ?? n.from }),
            },
          ];
        }),
        ...(copies.next ? { next: copies.next } : {}),
      };
    },
  );

  async function unitName(path: string): Promise<string> {
    return (await app.store.units.byPath(path))?.name ?? path;
  }

  /**
   * What may be read: an instance in reach, one copied to the reader (抄送), whose copies are
   * then read, or one with a task offered to the reader (a town department reviewing a village's
   * record). Every other route acts, and stays with the instances in reach.
   */
  async function readableInstance(id: string, p: Principal): Promise<InstanceRecord> {
    const r = await app.store.instances.byId(id);
    if (!r) throw new ApiError('SZ_NOT_FOUND/instance');
    const mine = (await app.store.notifications.aboutInstance(r.id, 'cc')).filter((n) => n.userId === p.id);
    const offered = async () => (await app.store.tasks.ofInstance(r.id)).some((t) => isCandidate(t, p));
    if (mine.length === 0 && !canSee(p, r.unitPath) && !(await offered())) throw new ApiError('SZ_NOT_FOUND/instance');
    const unread = mine.filter((n) => n.readAt === undefined).map((n) => n.id);
    if (unread.length > 0) await app.store.notifications.markRead(p.id, unread, app.clock.now());
    return r;
  }

  async function visibleInstance(id: string, p: Principal): Promise<InstanceRecord> {
    const r = await app.store.instances.byId(id);
    if (!r) throw new ApiError('SZ_NOT_FOUND/instance');
    assertSee(p, r.unitPath, 'instance');
    return r;
  }
};

/** A copy (抄送) as the API lists it: to whom, when, and when they read it. */
function copyView(n: NotificationRecord) {
  return {
    userId: n.userId,
    at: iso(n.createdAt) as string,
    ...(n.readAt === undefined ? {} : { readAt: iso(n.readAt) as string }),
    ...(n.body === undefined ? {} : { note: n.body }),
  };
}

export default instanceRoutes;
