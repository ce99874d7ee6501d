import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DEFAULT_TIME_ZONE, formatLocalTime } from '@shanzhi/engine';
import type { Role, TaskRecord } from '@shanzhi/store';
import { Type } from '@sinclair/typebox';
import { languageOf } from '../../errors/language.ts';
import { messageOf } from '../../errors/render.ts';
import { ApiError } from '../../errors.ts';
import { type Principal, principal } from '../../plugins/tenancy.ts';
import { taskRecipients } from '../../runtime/notifications.ts';
import { errors, IsoTime, iso } from '../common.ts';
import { refusal, taskAccess } from './access.ts';
import { may } from './actions.ts';
import { returnTargets } from './returnTargets.ts';
import { BatchCompleteBody, BatchResult, ReturnBody, ReturnTarget, Task, TaskParams, TransferBody, UrgeBody } from './schemas.ts';
import { taskView } from './view.ts';

/**
 * The approval verbs a Chinese approver uses every day beside completing: 退回 (send back to an
 * earlier step), 转交 (hand my task to someone else) and 批量审批 (approve many at once). Each
 * goes through the engine or the comments, so it is in the audit trail as its actor's.
 */
/** 催办 at most once in each hour per task. */
const URGE_EVERY_MS = 60 * 60 * 1000;

const toolkitRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tasks = taskAccess(app);

  /** Whoever works the task, and the admins of its unit, may send it back. */
  function assertMayReturn(t: TaskRecord, p: Principal): void {
    if (!may.return(t, p)) throw new ApiError('SZ_FORBIDDEN/return');
  }

  app.get(
    '/tasks/:id/return-targets',
    {
      schema: {
        tags: ['tasks'],
        summary: 'The earlier steps this task can be sent back to (退回), most recent first',
        params: TaskParams,
        response: { 200: Type.Object({ items: Type.Array(ReturnTarget) }), ...errors(401, 403, 404, 409) },
      },
    },
    async (request) => {
      const p = principal(request);
      const t = await tasks.openTask(request.params.id, p);
      assertMayReturn(t, p);
      return { items: (await returnTargets(app, t)).map((r) => ({ ...r, completedAt: iso(r.completedAt) as string })) };
    },
  );

  app.post(
    '/tasks/:id/return',
    {
      schema: {
        tags: ['tasks'],
        summary: '退回: send the task back to an earlier step (default: the previous one), with a reason; its last assignee gets it back',
        params: TaskParams,
        body: ReturnBody,
        response: { 200: Type.Object({ returned: Task, reopened: Type.Array(Task) }), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const p = principal(request);
      const t = await tasks.openTask(request.params.id, p);
      assertMayReturn(t, p);
      const targets = await returnTargets(app, t);
      const target = request.body.to === undefined ? targets[0] : targets.find((r) => r.elementId === request.body.to);
      if (!target) throw new ApiError('SZ_RETURN_INVALID', {}, { to: request.body.to ?? null, targets: targets.map((r) => r.elementId) });
      const out = await app.runtime.executor.run(
        t.instanceId,
        {
          type: 'returnTask',
          key: t.key,
          to: target.elementId,
          reason: request.body.reason,
          ...(target.lastAssignee === undefined ? {} : { assignee: target.lastAssignee }),
        },
        { actor: p.id, internal: false, conflictCode: 'SZ_TASK_CONFLICT', expectTask: { id: t.id, version: t.version } },
      );
      if (!out.ok) throw refusal(out.error);
      request.log.info({ taskId: t.id, to: target.elementId }, 'task returned');
      const after = await app.store.tasks.ofInstance(t.instanceId);
      const returned = after.find((x) => x.id === t.id) ?? t;
      const reopened = after.filter((x) => x.status === 'open' && x.elementId === target.elementId);
      return { returned: taskView(returned), reopened: reopened.map(taskView) };
    },
  );

  app.post(
    '/tasks/:id/transfer',
    {
      schema: {
        tags: ['tasks'],
        summary: '转交: hand my task to another user of its unit, for good (unlike delegate, it does not come back)',
        params: TaskParams,
        body: TransferBody,
        response: { 200: Task, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const p = principal(request);
      const t = await tasks.openTask(request.params.id, p);
      if (!may.transfer(t, p)) throw new ApiError('SZ_NOT_CANDIDATE');
      await tasks.assertAssignable(request.body.userId, t);
      const moved = await tasks.changeHolder(t, p, { assignee: request.body.userId, owner: null });
      const reason = request.body.reason?.trim();
      if (reason) await tasks.comment(t, p, `转交：${reason}`);
      return moved;
    },
  );

  app.post(
    '/tasks/:id/urge',
    {
      schema: {
        tags: ['tasks'],
        summary: '催办: remind whoever holds the task, at most once an hour; the starter and the admins of its unit may',
        params: TaskParams,
        body: UrgeBody,
        response: { 200: Type.Object({ told: Type.Integer(), nextAt: IsoTime }), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const p = principal(request);
      const t = await tasks.openTask(request.params.id, p);
      const instance = await app.store.instances.byId(t.instanceId);
      if (!may.urge(t, p, instance?.startedBy)) throw new ApiError('SZ_FORBIDDEN/urge');
      const { count, endsAt } = await app.store.attempts.count(`urge:${t.id}`, URGE_EVERY_MS, app.clock.now());
      if (count > 1) throw new ApiError('SZ_URGE_TOO_SOON', { at: formatLocalTime(endsAt, DEFAULT_TIME_ZONE) });
      const message = request.body?.message?.trim();
      const topic = { ...(await app.runtime.notifier.taskTopic(t, message || undefined)), from: p.id };
      const holders = (role: Role, unitPath: string) => app.store.users.withRoleAt(role, unitPath);
      const told = await app.runtime.notifier.send('urged', await taskRecipients(t, holders), topic);
      request.log.info({ taskId: t.id, told: told.length }, 'task urged');
      return { told: told.length, nextAt: iso(endsAt) as string };
    },
  );

  app.post(
    '/tasks/batch-complete',
    {
      schema: {
        tags: ['tasks'],
        summary: '批量审批: complete several tasks with one comment; each succeeds or fails on its own, with its own result',
        body: BatchCompleteBody,
        response: { 200: BatchResult, ...errors(400, 401) },
      },
    },
    async (request) => {
      const p = principal(request);
      const lang = languageOf(request.headers['accept-language']);
      const { taskIds, comment, variables } = request.body;
      const results = [];
      for (const taskId of taskIds) {
        try {
          const t = await tasks.openTask(taskId, p);
          const done = await tasks.complete(t, p, variables, lang);
          // The comment follows a completion that happened, so a refused task gets none.
          if (comment) {
            const at = app.clock.now();
            await app.store.comments.add({
              id: app.newId(),
              taskId,
              instanceId: t.instanceId,
              unitPath: t.unitPath,
              author: p.id,
              text: comment,
              at,
            });
          }
          results.push({ taskId, ok: true, task: taskView(done) });
        } catch (error) {
          if (!(error instanceof ApiError)) throw error;
          results.push({ taskId, ok: false, error: { code: error.code, message: messageOf(error.messageId, lang, error.params) } });
        }
      }
      return { results };
    },
  );
};

export default toolkitRoutes;
