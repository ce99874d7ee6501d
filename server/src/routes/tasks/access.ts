import type { Vars } from '@shanzhi/engine';
import { type EngineError, variablesAt } from '@shanzhi/engine';
import type { Lang } from '@shanzhi/forms';
import type { TaskRecord } from '@shanzhi/store';
import type { FastifyInstance } from 'fastify';
import { ApiError, fromEngine } from '../../errors.ts';
import { assertSee, canSee, type Principal } from '../../plugins/tenancy.ts';
import { isCandidate, taskGroups } from '../../runtime/assignment.ts';
import { type BoundForm, submittedVariables } from '../../runtime/submissions.ts';
import { may, mayWork } from './actions.ts';
import { taskView } from './view.ts';

/** Who holds a task next: null takes the holder away. */
export type HolderChange = { readonly assignee?: string | null; readonly owner?: string | null };

/**
 * How the task routes read, guard and change a task: seeing it (out of reach is 404), its form
 * and current values, changing who holds it and completing it through the engine, so every
 * change is an event of the audit trail, refused with SZ_TASK_CONFLICT when the task changed
 * since the caller read it.
 */
export function taskAccess(app: FastifyInstance) {
  /**
   * Claim, unclaim, assign, delegate, resolve: an engine command, in the audit trail as its
   * actor's, refused with SZ_TASK_CONFLICT when the task changed since the caller read it.
   */
  async function changeHolder(t: TaskRecord, p: Principal, change: HolderChange) {
    const out = await app.runtime.executor.run(
      t.instanceId,
      { type: 'updateUserTask', key: t.key, ...change },
      { actor: p.id, internal: false, conflictCode: 'SZ_TASK_CONFLICT', expectTask: { id: t.id, version: t.version } },
    );
    if (!out.ok) throw refusal(out.error);
    return taskView((await app.store.tasks.byId(t.id)) ?? t);
  }

  /**
   * The form the task's step shows, as its definition pinned it, and the values its element
   * sees now (an ended task: the instance's own).
   */
  async function formOf(t: TaskRecord): Promise<{ bound: BoundForm; current: Vars } | undefined> {
    if (t.formKey === undefined) return undefined;
    const instance = await app.store.instances.byId(t.instanceId);
    const definition = instance && (await app.runtime.definitions.byId(instance.definitionId));
    const bound = definition && (await app.runtime.definitions.formOf(definition, t.elementId));
    if (!instance || !bound) return undefined;
    const state = instance.state;
    return { bound, current: variablesAt(state, state.els[t.key] ? t.key : state.root) };
  }

  async function visibleTask(id: string, p: Principal): Promise<TaskRecord> {
    const t = await app.store.tasks.byId(id);
    // Offered to them, it is theirs to see wherever its record is (a town department's review).
    if (!t || !(canSee(p, t.unitPath) || isCandidate(t, p))) throw new ApiError('SZ_NOT_FOUND/task');
    return t;
  }

  async function openTask(id: string, p: Principal): Promise<TaskRecord> {
    const t = await visibleTask(id, p);
    if (t.status !== 'open') throw new ApiError('SZ_TASK_NOT_OPEN');
    return t;
  }

  /** An enabled user with a role reaching the task's unit. */
  async function assignable(userId: string, t: TaskRecord): Promise<boolean> {
    const user = await app.store.users.byId(userId);
    const grants = user && !user.disabled ? await app.store.users.grantsOf(user.id) : [];
    return grants.some((g) => t.unitPath.startsWith(g.unitPath));
  }

  async function assertAssignable(userId: string, t: TaskRecord): Promise<void> {
    if (!(await assignable(userId, t))) throw new ApiError('SZ_ASSIGNEE_INVALID');
  }

  /** A comment on the task in its actor's name, as the verbs leave their reasons. */
  async function comment(t: TaskRecord, p: Principal, text: string): Promise<void> {
    await app.store.comments.add({
      id: app.newId(),
      taskId: t.id,
      instanceId: t.instanceId,
      unitPath: t.unitPath,
      author: p.id,
      text,
      at: app.clock.now(),
    });
  }

  /** Whether the one completing a voter's task holds the vote's veto role for the task's unit (一票否决). */
  async function holdsVeto(t: TaskRecord, p: Principal): Promise<boolean> {
    const instance = await app.store.instances.byId(t.instanceId);
    const definition = instance && (await app.runtime.definitions.byId(instance.definitionId));
    const role = definition?.model.processes[instance?.state.processId ?? '']?.elements[t.elementId]?.loop?.voting?.vetoBy?.role;
    return role !== undefined && taskGroups([role], t.unitPath).some((group) => p.groups.includes(group));
  }

  /** Completes the task with what its step submits, validated against its form when it has one. */
  async function complete(t: TaskRecord, p: Principal, sent: Vars | undefined, lang: Lang): Promise<TaskRecord> {
    if (!mayWork(t, p)) throw new ApiError('SZ_NOT_CANDIDATE');
    if (!may.complete(t, p)) throw new ApiError('SZ_TASK_DELEGATED');
    const form = await formOf(t);
    const variables = form ? submittedVariables(form.bound, sent ?? {}, form.current, lang) : sent;
    const vetoes = await holdsVeto(t, p);
    const out = await app.runtime.executor.run(
      t.instanceId,
      { type: 'completeUserTask', key: t.key, actor: p.id, ...(variables ? { variables } : {}), ...(vetoes ? { vetoes } : {}) },
      { actor: p.id, internal: false, conflictCode: 'SZ_TASK_CONFLICT', expectTask: { id: t.id, version: t.version } },
    );
    if (!out.ok) throw refusal(out.error);
    return (await app.store.tasks.byId(t.id)) ?? t;
  }

  return { visibleTask, openTask, formOf, changeHolder, assignable, assertAssignable, comment, complete };
}

/** The engine finds no open task when it ended meanwhile (or its instance did). */
export function refusal(error: EngineError): ApiError {
  if (error.code === 'SZ_TASK_NOT_FOUND' || error.code === 'SZ_INSTANCE_NOT_ACTIVE') return new ApiError('SZ_TASK_NOT_OPEN');
  return fromEngine(error);
}

/** Unclaim and delegate: the task's assignee may, and so may whoever can assign tasks at its unit. */
export function assertHoldsOrAssigns(t: TaskRecord, p: Principal, refusal: 'SZ_NOT_CANDIDATE/unclaim' | 'SZ_NOT_CANDIDATE/delegate'): void {
  if (!may.delegate(t, p)) throw new ApiError(refusal);
}

/** Comments and files (actions.ts `may.comment`). */
export function assertMayWrite(t: TaskRecord, p: Principal): void {
  assertSee(p, t.unitPath, 'task');
  if (!may.comment(t, p)) throw new ApiError('SZ_NOT_CANDIDATE');
}
