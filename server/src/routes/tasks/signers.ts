import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { TaskRecord } from '@shanzhi/store';
import { Type } from '@sinclair/typebox';
import { ApiError } from '../../errors.ts';
import { can, type Principal, principal } from '../../plugins/tenancy.ts';
import { errors } from '../common.ts';
import { refusal, taskAccess } from './access.ts';
import { may, mayWork } from './actions.ts';
import { AddSignersBody, Task, TaskParams } from './schemas.ts';
import { taskView } from './view.ts';

/**
 * 加签: more people sign a task at its step. before (前加签) is a delegation: the signer acts
 * first and resolves the task back to its holder, who completes it. parallel (并加签) and after
 * (后加签) are the engine's addSigners: signers get tasks of their own at the step, beside the
 * holder's or in turn after the holder, and the flow goes on once all have completed.
 */
const signerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tasks = taskAccess(app);

  /**
   * Whoever works the task (its owner too, while delegated), and the admins of its unit, may add
   * signers; a delegated task takes none until its delegate has resolved it back.
   */
  function assertMayAddSigners(t: TaskRecord, p: Principal): void {
    if (may.addSigners(t, p)) return;
    const works = mayWork(t, p) || t.owner === p.id || can(p, 'task:assign', t.unitPath);
    throw new ApiError(works ? 'SZ_TASK_DELEGATED' : 'SZ_FORBIDDEN/add-signers');
  }

  /** 前加签, one signer at a time: the task returns to whoever holds it (a candidate who asks holds it). */
  function signBefore(t: TaskRecord, p: Principal, signer: string) {
    const holder = t.assignee ?? (mayWork(t, p) ? p.id : undefined);
    if (holder === undefined) throw new ApiError('SZ_TASK_UNCLAIMED');
    if (holder === signer) throw new ApiError('SZ_SIGNERS_INVALID');
    return tasks.changeHolder(t, p, { assignee: signer, owner: holder });
  }

  async function signWith(t: TaskRecord, p: Principal, signers: string[], mode: 'parallel' | 'after') {
    const out = await app.runtime.executor.run(
      t.instanceId,
      { type: 'addSigners', key: t.key, signers, mode },
      { actor: p.id, internal: false, conflictCode: 'SZ_TASK_CONFLICT', expectTask: { id: t.id, version: t.version } },
    );
    if (!out.ok) throw refusal(out.error);
  }

  app.post(
    '/tasks/:id/add-signers',
    {
      schema: {
        tags: ['tasks'],
        summary: '加签: add signers before (前加签), after (后加签) or beside (并加签) the holder; answers the tasks open at the step',
        params: TaskParams,
        body: AddSignersBody,
        response: { 200: Type.Object({ items: Type.Array(Task) }), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const p = principal(request);
      const t = await tasks.openTask(request.params.id, p);
      assertMayAddSigners(t, p);
      const { mode, userIds, reason } = request.body;
      if (mode === 'before' && userIds.length > 1) throw new ApiError('SZ_VALIDATION/before');
      for (const user of userIds) if (!(await tasks.assignable(user, t))) throw new ApiError('SZ_ASSIGNEE_INVALID/signer', { user });
      if (mode === 'before') await signBefore(t, p, userIds[0] as string);
      else await signWith(t, p, userIds, mode);
      const note = reason?.trim();
      if (note) await tasks.comment(t, p, `加签：${note}`);
      request.log.info({ taskId: t.id, mode, signers: userIds.length }, 'signers added');
      const open = (await app.store.tasks.ofInstance(t.instanceId)).filter((x) => x.status === 'open' && x.elementId === t.elementId);
      return { items: open.map(taskView) };
    },
  );
};

export default signerRoutes;
