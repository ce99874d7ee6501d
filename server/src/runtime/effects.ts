import type { Effect, InstanceState } from '@shanzhi/engine';
import type {
  Commit,
  InstanceJobKind,
  InstanceJobRecord,
  JobsResumed,
  NoticeRecord,
  NotificationKind,
  NotificationRecord,
  SubscriptionRecord,
  TaskRecord,
  WebhookRecord,
} from '@shanzhi/store';
import { peopleNamed, resolveAssignment } from './assignment.ts';
import { awayDelegation, type DelegationFor, updatedHolder } from './awayDelegation.ts';
import { type NotificationPlan, planNotifications, type RoleHolders, taskRecipients, taskTopic } from './notifications.ts';
import { isRegisterJob } from './registers/jobs.ts';

/** Retries of timer and outbox jobs before they are parked on an incident of their instance. */
export const INTERNAL_RETRIES = 5;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Outbox job types: work for other instances, done by the workers after the commit. */
export type OutboxType =
  | 'publishMessage'
  | 'broadcastSignal'
  | 'deliverSignal'
  | 'startCalledInstance'
  | 'cancelCalledInstance'
  | 'calledInstanceEnded'
  | 'resolveMembers'
  | 'registerJob';

export interface PlanContext {
  readonly instanceId: string;
  readonly unitPath: string;
  readonly definitionKey: string;
  readonly definitionId: string;
  /** The state before the transition; absent for a start. */
  readonly before?: InstanceState;
  readonly now: number;
  readonly actor: string;
  readonly newId: () => string;
  /** The stored row of a task the transition updates (UpdateUserTask): the engine's fields change, the rest stays. */
  readonly loadTask: (id: string) => Promise<TaskRecord | undefined>;
  /** The user ids of the people these names (user ids or usernames) are; a name that is nobody's is left out. */
  readonly people: (names: readonly string[]) => Promise<ReadonlyMap<string, string>>;
  /** What the instance is about, as notification titles name it (notifications.ts subjectOf). */
  readonly subject: string;
  /** The enabled holders of a role at one unit: the members of a group a new task is offered to. */
  readonly roleHolders: RoleHolders;
  /** The webhooks at a unit and above it, enabled or not: where notifications are delivered. */
  readonly webhooks: (unitPath: string) => Promise<readonly WebhookRecord[]>;
  /** The away delegation that holds now for a user's new tasks of a procedure: their deputy takes them (awayDelegation.ts). */
  readonly delegationFor: DelegationFor;
}

/** What a transition asks of the store beside the instance and its events, plus what to do after the commit. */
export interface Plan {
  readonly tasks: NonNullable<Commit['tasks']>;
  readonly jobs: { add: InstanceJobRecord[]; remove: { instanceId: string; ref: string; kind?: InstanceJobKind }[]; resume: JobsResumed[] };
  readonly subscriptions: NonNullable<Commit['subscriptions']>;
  readonly notices: NoticeRecord[];
  /** Who is told of what the transition did (a task offered to them); their webhook deliveries are in jobs.add. */
  readonly notifications: NotificationRecord[];
  /** External jobs the engine gave another try (failJob with retries left): rescheduled after the commit. */
  readonly retries: { ref: string; retries: number }[];
  readonly incidents: Extract<Effect, { type: 'IncidentRaised' }>[];
  readonly opened: number;
  readonly closed: number;
}

type OpenedKind = 'task' | 'returned' | 'delegated';

export function taskId(instanceId: string, key: string): string {
  return `${instanceId}:${key}`;
}

/**
 * Maps the effects of one transition onto the rows written in the same commit: user tasks to
 * inbox rows, timers and external jobs to jobs, message and signal waits to subscriptions,
 * notices to the public board, a resolved host incident to the jobs parked on it, and everything
 * that acts on other instances (messages, signals, call activities and their ends) to outbox
 * jobs. Each task it opens is told to its assignee or candidates, in notifications of the same
 * commit, each with an outbox job per webhook that delivers it. An effect undone later in the
 * same transition (a timer scheduled then cancelled) cancels out here, so the commit never
 * depends on the order in which an adapter applies adds and removes.
 */
export async function planCommit(ctx: PlanContext, effects: readonly Effect[]): Promise<Plan> {
  const tasks = new Map<string, TaskRecord>();
  const ended = new Map<string, { id: string; status: 'completed' | 'cancelled'; at: number; by?: string }>();
  const jobAdds = new Map<string, InstanceJobRecord>();
  const jobRemoves = new Map<string, { instanceId: string; ref: string; kind?: InstanceJobKind }>();
  const subAdds = new Map<string, SubscriptionRecord>();
  const subRemoves = new Map<string, { instanceId: string; sub: string }>();
  const plan: Plan = {
    tasks: {},
    jobs: { add: [], remove: [], resume: [] },
    subscriptions: {},
    notices: [],
    notifications: [],
    retries: [],
    incidents: [],
    opened: 0,
    closed: 0,
  };
  /** Each task opened, and what its holder is told: a new task, one returned to them (退回), or one a deputy takes for someone away. */
  const openedTasks = new Map<string, OpenedKind>();
  const away = awayDelegation(ctx.delegationFor, ctx.definitionKey);
  let closed = 0;

  const addJob = (
    kind: InstanceJobKind,
    type: string,
    ref: string,
    dueAt: number,
    retries: number,
    payload: Record<string, unknown>,
    instanceId = ctx.instanceId,
  ) => {
    const key = `${kind}/${ref}`;
    jobRemoves.delete(key);
    jobAdds.set(key, {
      id: ctx.newId(),
      kind,
      type,
      instanceId,
      unitPath: ctx.unitPath,
      ref,
      dueAt,
      retries,
      payload,
      createdAt: ctx.now,
    });
  };
  const removeJob = (kind: InstanceJobKind, ref: string) => {
    const key = `${kind}/${ref}`;
    if (jobAdds.delete(key)) return;
    jobRemoves.set(key, { instanceId: ctx.instanceId, ref, kind });
  };
  const outbox = (type: OutboxType, payload: Record<string, unknown>) =>
    addJob('outbox', type, `out:${ctx.newId()}`, ctx.now, INTERNAL_RETRIES, payload);
  /** Tasks whose step others decided (或签): their holders are told it was withdrawn, and why. */
  const decided: string[] = [];
  const closeTask = (key: string, reason: 'completed' | 'terminated' | 'decided') => {
    const id = taskId(ctx.instanceId, key);
    if (reason === 'decided') decided.push(id);
    const status = reason === 'completed' ? 'completed' : 'cancelled';
    const by = reason === 'completed' ? ctx.actor : undefined;
    closed++;
    const fresh = tasks.get(id);
    if (fresh) {
      tasks.set(id, { ...fresh, status, endedAt: ctx.now, ...(by ? { endedBy: by } : {}) });
      return;
    }
    ended.set(id, { id, status, at: ctx.now, ...(by ? { by } : {}) });
  };

  const idOf = await ctx.people(effects.flatMap((e) => (e.type === 'OpenUserTask' || e.type === 'UpdateUserTask' ? peopleNamed(e) : [])));
  for (const e of effects) {
    switch (e.type) {
      case 'OpenUserTask': {
        const id = taskId(ctx.instanceId, e.key);
        const held = await away.opened(engineFields(e, ctx.unitPath, idOf));
        openedTasks.set(id, e.returned ? 'returned' : held.onBehalfOf === undefined ? 'task' : 'delegated');
        tasks.set(id, {
          id,
          instanceId: ctx.instanceId,
          key: e.key,
          elementId: e.el,
          definitionKey: ctx.definitionKey,
          unitPath: ctx.unitPath,
          status: 'open',
          createdAt: ctx.now,
          version: 1,
          ...(e.name === undefined ? {} : { name: e.name }),
          ...(e.form === undefined ? {} : { formKey: e.form.key }),
          ...held,
        });
        break;
      }
      case 'UpdateUserTask': {
        const id = taskId(ctx.instanceId, e.key);
        const current = tasks.get(id) ?? (await ctx.loadTask(id));
        if (!current) break;
        const { assignee: _assignee, owner: _owner, dueAt: _dueAt, followUpAt: _followUpAt, onBehalfOf: _for, ...kept } = current;
        tasks.set(id, { ...kept, ...updatedHolder(current, engineFields(e, ctx.unitPath, idOf)), version: current.version + 1 });
        break;
      }
      case 'CloseUserTask':
        closeTask(e.key, e.reason);
        break;
      case 'ScheduleTimer':
        addJob('timer', 'timer', e.sub, e.dueAt, INTERNAL_RETRIES, { el: e.el });
        break;
      case 'CancelTimer':
        removeJob('timer', e.sub);
        break;
      case 'Subscribe':
        subRemoves.delete(e.sub);
        subAdds.set(e.sub, {
          instanceId: ctx.instanceId,
          sub: e.sub,
          kind: e.kind,
          name: e.name,
          unitPath: ctx.unitPath,
          ...(e.correlationKey === undefined ? {} : { correlationKey: e.correlationKey }),
        });
        break;
      case 'Unsubscribe':
        if (!subAdds.delete(e.sub)) subRemoves.set(e.sub, { instanceId: ctx.instanceId, sub: e.sub });
        break;
      case 'RunJob':
        // The server's own job types (registers) are outbox work: no worker outside fetches them.
        if (isRegisterJob(e.jobType)) {
          outbox('registerJob', { key: e.key, jobType: e.jobType, headers: e.headers ?? {}, variables: e.variables });
          break;
        }
        addJob('external', e.jobType, e.key, ctx.now, e.retries, {
          el: e.el,
          variables: e.variables,
          ...(e.headers ? { headers: e.headers } : {}),
        });
        break;
      case 'RetryJob':
        plan.retries.push({ ref: e.key, retries: e.retries });
        break;
      case 'CancelJob':
        removeJob('external', e.key);
        break;
      case 'PublishMessage':
        outbox('publishMessage', {
          name: e.name,
          variables: e.variables,
          ...(e.correlationKey === undefined ? {} : { correlationKey: e.correlationKey }),
        });
        break;
      case 'BroadcastSignal':
        outbox('broadcastSignal', { name: e.name, variables: e.variables });
        break;
      case 'PostNotice':
        plan.notices.push({
          id: ctx.newId(),
          instanceId: ctx.instanceId,
          unitPath: ctx.unitPath,
          elementId: e.el,
          title: e.title,
          postedAt: ctx.now,
          until: ctx.now + e.days * DAY_MS,
          ...(e.body ? { body: e.body } : {}),
          ...(e.board ? { board: e.board } : {}),
          ...(e.attachments ? { attachments: e.attachments } : {}),
        });
        break;
      case 'StartCalledInstance':
        outbox('startCalledInstance', {
          child: e.child,
          key: e.key,
          processId: e.processId,
          binding: e.binding,
          variables: e.variables,
          depth: e.depth,
          root: e.root,
          definitionId: ctx.definitionId,
          ...(e.versionTag ? { versionTag: e.versionTag } : {}),
        });
        break;
      case 'CancelCalledInstance':
        outbox('cancelCalledInstance', { child: e.child });
        break;
      case 'ResolveMembers':
        outbox('resolveMembers', { key: e.key, role: e.role });
        break;
      case 'IncidentRaised':
        plan.incidents.push(e);
        break;
      case 'IncidentResolved':
        // The engine retries its own steps; a host incident is the host's to retry: the jobs parked on it.
        if (e.retry === 'host') plan.jobs.resume.push({ incident: e.incident, retries: INTERNAL_RETRIES, dueAt: ctx.now });
        break;
      case 'InstanceEnded':
        if (e.parent) {
          outbox('calledInstanceEnded', {
            parent: e.parent.instance,
            key: e.parent.key,
            status: e.status,
            variables: e.variables,
            ...(e.error ? { error: e.error } : {}),
          });
        }
        dropLeftovers(ctx.before, { tasks, ended, removeJob, subAdds, subRemoves, closeTask, instanceId: ctx.instanceId });
        break;
    }
  }

  const upsert = [...tasks.values()];
  const end = [...ended.values()];
  const add = [...subAdds.values()];
  const remove = [...subRemoves.values()];
  const withdrawn: Told[] = [];
  for (const id of decided) {
    const task = tasks.get(id) ?? (await ctx.loadTask(id));
    if (task) withdrawn.push({ task, kind: 'withdrawn', body: DECIDED_BY_OTHERS });
  }
  const told = await notifyTasks(
    [
      ...upsert.flatMap((task): Told[] => {
        const kind = openedTasks.get(task.id);
        return kind && task.status === 'open' ? [{ task, kind }] : [];
      }),
      ...withdrawn,
    ],
    ctx,
  );
  return {
    ...plan,
    tasks: { ...(upsert.length ? { upsert } : {}), ...(end.length ? { end } : {}) },
    jobs: { add: [...jobAdds.values(), ...told.deliveries], remove: [...jobRemoves.values()], resume: plan.jobs.resume },
    subscriptions: { ...(add.length ? { add } : {}), ...(remove.length ? { remove } : {}) },
    notifications: told.notifications,
    opened: openedTasks.size,
    closed,
  };
}

/** What a task's holders are told, and why. */
interface Told {
  readonly task: TaskRecord;
  readonly kind: NotificationKind;
  readonly body?: string;
}

/** What a withdrawn task's holder reads: the others decided the step before they did. */
const DECIDED_BY_OTHERS = '这一步已由其他人决定（或签、表决已有结果），您的待办已撤回';

/**
 * Each task is told to its recipients: a new one (a task the same transition closed again to
 * nobody), or one whose step the others decided.
 */
async function notifyTasks(items: readonly Told[], ctx: PlanContext): Promise<NotificationPlan> {
  const notifications: NotificationRecord[] = [];
  const deliveries: InstanceJobRecord[] = [];
  for (const { task, kind, body } of items) {
    const topic = { ...taskTopic(task, ctx.subject), ...(body === undefined ? {} : { body }) };
    const told = await planNotifications(kind, await taskRecipients(task, ctx.roleHolders), topic, ctx);
    notifications.push(...told.notifications);
    deliveries.push(...told.deliveries);
  }
  return { notifications, deliveries };
}

/**
 * The inbox fields the engine decides (who holds the task, when it is due, how urgent), from the
 * task's state in an effect, with the people it names resolved to users (assignment.ts).
 */
function engineFields(
  task: Extract<Effect, { type: 'OpenUserTask' | 'UpdateUserTask' }>,
  unitPath: string,
  idOf: ReadonlyMap<string, string>,
) {
  const { assignee, candidateUsers, candidateGroups } = resolveAssignment(task, unitPath, idOf);
  return {
    candidateUsers,
    candidateGroups,
    priority: task.priority ?? 50,
    ...(assignee === undefined ? {} : { assignee }),
    ...(task.owner === undefined ? {} : { owner: task.owner }),
    ...(task.dueAt === undefined ? {} : { dueAt: task.dueAt }),
    ...(task.followUpAt === undefined ? {} : { followUpAt: task.followUpAt }),
  };
}

/**
 * A safety net when an instance ends: whatever it still waited on before (timers, jobs, message
 * and signal waits, open tasks) goes, even where the engine named no cancel for it.
 */
function dropLeftovers(
  before: InstanceState | undefined,
  p: {
    tasks: Map<string, TaskRecord>;
    ended: Map<string, unknown>;
    removeJob: (kind: InstanceJobKind, ref: string) => void;
    subAdds: Map<string, SubscriptionRecord>;
    subRemoves: Map<string, { instanceId: string; sub: string }>;
    closeTask: (key: string, reason: 'completed' | 'terminated') => void;
    instanceId: string;
  },
): void {
  for (const [id, t] of p.tasks) if (t.status === 'open') p.tasks.set(id, { ...t, status: 'cancelled', endedAt: t.createdAt });
  for (const sub of p.subAdds.keys()) p.subAdds.delete(sub);
  if (!before) return;
  for (const sub of Object.values(before.subs ?? {})) {
    if (sub.kind === 'timer') p.removeJob('timer', sub.id);
    else if (sub.kind !== 'conditional') p.subRemoves.set(sub.id, { instanceId: p.instanceId, sub: sub.id });
  }
  for (const ei of Object.values(before.els)) {
    if (ei.retries !== undefined) p.removeJob('external', ei.k);
    if (ei.task && !p.ended.has(taskId(p.instanceId, ei.k))) p.closeTask(ei.k, 'terminated');
  }
}
