import {
  type Command,
  type Ctx,
  type EngineError,
  type InstanceState,
  type Limits,
  type ParentRef,
  start,
  step,
  type Transition,
} from '@shanzhi/engine';
import {
  type Commit,
  type InstanceJobRecord,
  type InstanceRecord,
  type JobDone,
  type RegisterWrite,
  type Store,
  StoreConflict,
} from '@shanzhi/store';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock, IdGenerator } from '../clock.ts';
import { ApiError } from '../errors.ts';
import type { ServerMetrics } from '../metrics.ts';
import type { Calendars } from './calendars.ts';
import type { Definitions, LoadedDefinition } from './definitions.ts';
import { type Plan, planCommit } from './effects.ts';
import { type NotificationPlan, subjectOf } from './notifications.ts';

export type Executed = { readonly ok: true; readonly record: InstanceRecord; readonly transition: Transition; readonly plan: Plan };
export type Refused = { readonly ok: false; readonly error: EngineError; readonly record?: InstanceRecord };
export type Outcome = Executed | Refused;

export interface RunOptions {
  /** Who asked: a user id, or `system:<worker>` for timers, messages and the outbox. */
  readonly actor: string;
  /**
   * Internal commands (timers, messages, outbox) are retried with a fresh read when someone
   * else committed first; a user command answers 409 with `conflictCode` instead, since the
   * user decided on what they saw.
   */
  readonly internal: boolean;
  readonly conflictCode?: 'SZ_TASK_CONFLICT' | 'SZ_INSTANCE_CONFLICT';
  /**
   * The task row the user decided on: the command runs only while the row is still at this
   * version (a claim or assignment meanwhile answers `conflictCode`), as a commit of the instance
   * read after this check would fail on any later change.
   */
  readonly expectTask?: { readonly id: string; readonly version: number };
  /**
   * Jobs this command finishes, removed in the same commit (the claimed timer or outbox job); a
   * worker that no longer holds one (its lease was taken over) gets StoreConflict, not a retry.
   */
  readonly jobsDone?: readonly JobDone[];
  /**
   * A job out of retries, held by `owner`, parked in the same commit on the incident this command (raiseIncident)
   * raises. A job of another instance (one that has ended) moves to this one, to wait on its incident.
   */
  readonly parks?: { readonly job: InstanceJobRecord; readonly owner: string; readonly error: string };
  /** Notifications the caller adds to the command's commit (a return told to who gets the task back), with their deliveries. */
  readonly notify?: NotificationPlan;
  /** Register entries the command's step wrote (a register job it completes), committed with it. */
  readonly registers?: readonly RegisterWrite[];
}

export interface StartOptions {
  readonly definition: LoadedDefinition;
  readonly unitPath: string;
  readonly actor: string;
  readonly processId?: string;
  readonly startEvent?: string;
  readonly businessKey?: string;
  readonly variables?: Record<string, unknown>;
  readonly parent?: ParentRef;
  /** The instance id, when it was decided before (a call activity names its child, a start timer its next instance). */
  readonly id?: string;
  readonly jobsDone?: readonly JobDone[];
}

/** What a touch commits beside the instance as it is. */
export interface Touch {
  readonly done?: readonly JobDone[];
  readonly add?: readonly InstanceJobRecord[];
  readonly notify?: NotificationPlan;
}

/** Called after every successful commit, with what it changed (the workers and long polls listen). */
export type CommitListener = (e: { record: InstanceRecord; plan: Plan; transition: Transition }) => void;

const MAX_INTERNAL_ATTEMPTS = 25;

/**
 * Runs engine commands durably: read the instance, step the pure engine, map its effects onto
 * one store commit guarded by the version read, commit. Nothing the engine decided is carried
 * out before the commit, and everything it decided is in it (or in the outbox it writes).
 */
export class CommandExecutor {
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly listeners: CommitListener[] = [];
  private closing = false;

  constructor(
    private readonly deps: {
      store: Store;
      definitions: Definitions;
      calendars: Calendars;
      clock: Clock;
      newId: IdGenerator;
      log: FastifyBaseLogger;
      metrics: ServerMetrics;
      limits?: Partial<Limits>;
    },
  ) {}

  onCommit(listener: CommitListener): void {
    this.listeners.push(listener);
  }

  async run(instanceId: string, command: Command, options: RunOptions): Promise<Outcome> {
    return this.track(this.runLoop(instanceId, command, options));
  }

  async start(options: StartOptions): Promise<Outcome> {
    return this.track(this.startOnce(options));
  }

  /**
   * Commits an instance unchanged but for its jobs: finishes jobs whose work needed no engine
   * step (a message nobody waits for, a timer of an ended instance, a webhook delivered) and adds
   * fan-out jobs; or writes notifications about it that no command causes (an urging), with their
   * deliveries. Retried on an instance conflict, not on a lost job. False when the instance does not exist.
   */
  async touch(instanceId: string, changes: Touch): Promise<boolean> {
    return this.track(this.touchLoop(instanceId, changes));
  }

  private async touchLoop(instanceId: string, { done, add, notify }: Touch): Promise<boolean> {
    const added = [...(add ?? []), ...(notify?.deliveries ?? [])];
    for (let attempt = 1; ; attempt++) {
      const record = await this.deps.store.instances.byId(instanceId);
      if (!record) return false;
      try {
        await this.deps.store.commit({
          instance: { ...record, version: record.version + 1 },
          expectedVersion: record.version,
          events: [],
          jobs: { ...(added.length ? { add: added } : {}), ...(done ? { done } : {}) },
          ...(notify ? { notifications: { add: notify.notifications } } : {}),
        });
        return true;
      } catch (error) {
        if (!isInstanceConflict(error) || attempt >= MAX_INTERNAL_ATTEMPTS) throw error;
        await pause(Math.min(50, attempt * 2));
      }
    }
  }

  /** Stops taking commands and waits for those under way (graceful shutdown). */
  async drain(): Promise<void> {
    this.closing = true;
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private track<T>(work: Promise<T>): Promise<T> {
    if (this.closing) return Promise.reject(new ApiError('SZ_SHUTTING_DOWN'));
    this.inFlight.add(work);
    const done = () => this.inFlight.delete(work);
    work.then(done, done);
    return work;
  }

  private async runLoop(instanceId: string, command: Command, options: RunOptions): Promise<Outcome> {
    const { store, metrics } = this.deps;
    for (let attempt = 1; ; attempt++) {
      const record = await store.instances.byId(instanceId);
      if (!record) return { ok: false, error: { code: 'SZ_ELEMENT_NOT_FOUND', message: `no instance ${instanceId}` } };
      const definition = await this.deps.definitions.byId(record.definitionId);
      if (!definition) throw new Error(`instance ${instanceId}: definition ${record.definitionId} is missing`);
      if (options.expectTask && (await store.tasks.byId(options.expectTask.id))?.version !== options.expectTask.version) {
        metrics.conflicts({ by: 'user' });
        metrics.commands({ command: command.type, outcome: 'conflict' });
        throw new ApiError(options.conflictCode ?? 'SZ_TASK_CONFLICT');
      }
      const now = this.deps.clock.now();
      const outcome = step(definition.model, record.state, command, await this.ctx(now, options.actor, record.unitPath));
      if (!outcome.ok) {
        metrics.commands({ command: command.type, outcome: 'rejected' });
        return { ok: false, error: outcome.error, record };
      }
      const plan = await this.plan(record, definition, record.state, outcome, now, options.actor);
      const commit = this.commitOf(record, outcome, plan, now, options.actor, options);
      try {
        const stored = await store.commit(commit);
        this.committed(command.type, stored, plan, outcome);
        return { ok: true, record: stored, transition: outcome, plan };
      } catch (error) {
        if (!isInstanceConflict(error)) {
          metrics.commands({ command: command.type, outcome: error instanceof StoreConflict ? 'conflict' : 'error' });
          throw error;
        }
        metrics.conflicts({ by: options.internal ? 'internal' : 'user' });
        if (!options.internal) {
          metrics.commands({ command: command.type, outcome: 'conflict' });
          throw new ApiError(options.conflictCode ?? 'SZ_INSTANCE_CONFLICT');
        }
        if (attempt >= MAX_INTERNAL_ATTEMPTS) throw error;
        await pause(Math.min(50, attempt * 2));
      }
    }
  }

  private async startOnce(o: StartOptions): Promise<Outcome> {
    const now = this.deps.clock.now();
    const ctx = await this.ctx(now, o.actor, o.unitPath, o.id);
    const outcome = start(
      o.definition.model,
      {
        ...(o.processId ? { processId: o.processId } : {}),
        ...(o.startEvent ? { startEvent: o.startEvent } : {}),
        ...(o.businessKey === undefined ? {} : { businessKey: o.businessKey }),
        ...(o.parent ? { parent: o.parent } : {}),
        // A template's parameters are the definition's: no start may override them.
        variables: { ...o.variables, ...o.definition.record.variables },
      },
      ctx,
    );
    if (!outcome.ok) {
      this.deps.metrics.commands({ command: 'start', outcome: 'rejected' });
      return { ok: false, error: outcome.error };
    }
    const state = outcome.state;
    const draft: InstanceRecord = {
      id: state.id,
      definitionId: o.definition.record.id,
      definitionKey: o.definition.record.key,
      unitPath: o.unitPath,
      status: state.status,
      version: 0,
      state,
      startedAt: now,
      startedBy: o.actor,
      incidents: 0,
      ...(o.businessKey === undefined ? {} : { businessKey: o.businessKey }),
      ...(o.parent ? { parentId: o.parent.instance } : {}),
    };
    const plan = await this.plan(draft, o.definition, undefined, outcome, now, o.actor);
    const commit = this.commitOf(draft, outcome, plan, now, o.actor, o, null);
    const stored = await this.deps.store.commit(commit);
    this.committed('start', stored, plan, outcome);
    return { ok: true, record: stored, transition: outcome, plan };
  }

  /** The engine's view of the world for one command on an instance of the unit: clock, ids, limits, working days. */
  private async ctx(now: number, actor: string, unitPath: string, firstId?: string): Promise<Ctx> {
    let first = firstId;
    return {
      now,
      actor,
      ...(this.deps.limits ? { limits: this.deps.limits } : {}),
      calendar: await this.deps.calendars.forUnit(unitPath, now),
      newId: () => {
        if (first !== undefined) {
          const id = first;
          first = undefined;
          return id;
        }
        return this.deps.newId();
      },
    };
  }

  private plan(
    record: InstanceRecord,
    definition: LoadedDefinition,
    before: InstanceState | undefined,
    outcome: Transition,
    now: number,
    actor: string,
  ) {
    return planCommit(
      {
        instanceId: record.id,
        unitPath: record.unitPath,
        definitionKey: record.definitionKey,
        definitionId: definition.record.id,
        now,
        actor,
        newId: this.deps.newId,
        loadTask: (id) => this.deps.store.tasks.byId(id),
        people: (names) => peopleIn(this.deps.store, names),
        subject: subjectOf(record, definition.record.name),
        roleHolders: (role, unitPath) => this.deps.store.users.withRoleAt(role, unitPath),
        webhooks: (unitPath) => this.deps.store.webhooks.forUnit(unitPath),
        delegationFor: (userId, definitionKey) => this.deps.store.delegations.activeFor(userId, now, definitionKey),
        ...(before ? { before } : {}),
      },
      outcome.effects,
    );
  }

  private commitOf(
    record: InstanceRecord,
    outcome: Transition,
    plan: Plan,
    now: number,
    actor: string,
    options: Pick<RunOptions, 'jobsDone' | 'parks' | 'notify' | 'registers'>,
    expectedVersion: number | null = record.version,
  ): Commit {
    const state = outcome.state;
    const ended = state.status !== 'active';
    const parking = options.parks ? parked(options.parks, record, plan) : {};
    const { endedAt: _previous, ...rest } = record;
    const instance: InstanceRecord = {
      ...rest,
      state,
      status: state.status,
      version: expectedVersion === null ? 1 : expectedVersion + 1,
      incidents: Object.keys(state.incidents ?? {}).length,
      ...(ended ? { endedAt: record.endedAt ?? now } : {}),
    };
    return {
      instance,
      expectedVersion,
      events: outcome.events.map((event) => ({ event, actor, at: now })),
      tasks: plan.tasks,
      jobs: {
        add: [...plan.jobs.add, ...(parking.add ?? []), ...(options.notify?.deliveries ?? [])],
        remove: plan.jobs.remove,
        resume: plan.jobs.resume,
        done: [...(options.jobsDone ?? []), ...(parking.done ?? [])],
        park: parking.park ?? [],
      },
      subscriptions: plan.subscriptions,
      notices: { add: plan.notices },
      notifications: { add: [...plan.notifications, ...(options.notify?.notifications ?? [])] },
      ...(options.registers?.length ? { registers: { put: options.registers } } : {}),
    };
  }

  private committed(command: string, record: InstanceRecord, plan: Plan, transition: Transition): void {
    const { metrics, log } = this.deps;
    metrics.commands({ command, outcome: 'ok' });
    if (plan.opened) metrics.tasksOpened({}, plan.opened);
    if (plan.closed) metrics.tasksClosed({}, plan.closed);
    for (const i of plan.incidents) {
      metrics.incidents({ code: i.code });
      log.warn({ instanceId: record.id, incidentId: i.incident, elementId: i.el, code: i.code }, 'incident raised');
    }
    for (const listener of this.listeners) {
      try {
        listener({ record, plan, transition });
      } catch (error) {
        log.error({ err: error, instanceId: record.id }, 'commit listener failed');
      }
    }
  }
}

/** The job parks on the incident the transition raised for it: in place, or moved to this instance from its ended own. */
function parked(
  { job, owner, error }: NonNullable<RunOptions['parks']>,
  record: InstanceRecord,
  plan: Plan,
): Pick<NonNullable<Commit['jobs']>, 'add' | 'done' | 'park'> {
  const [raised] = plan.incidents;
  if (!raised) throw new Error(`job ${job.id} cannot park: the command raised no incident`);
  if (job.instanceId === record.id) return { park: [{ id: job.id, owner, error, incident: raised.incident }] };
  const { lockedBy: _holder, lockedUntil: _until, ...rest } = job;
  const moved = { ...rest, instanceId: record.id, unitPath: record.unitPath, retries: 0, incident: raised.incident, lastError: error };
  return { done: [{ id: job.id, owner }], add: [moved] };
}

/** Someone else committed the instance first: read again and retry. A job lost to another worker is not retried. */
function isInstanceConflict(error: unknown): error is StoreConflict {
  return error instanceof StoreConflict && error.entity === 'instance';
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** User ids of the named people: a name is a user id, else a username. */
async function peopleIn(store: Store, names: readonly string[]): Promise<ReadonlyMap<string, string>> {
  const out = new Map<string, string>();
  for (const name of new Set(names.map((n) => n.trim()))) {
    const user = (await store.users.byId(name)) ?? (await store.users.byUsername(name));
    if (user && !user.disabled) out.set(name, user.id);
  }
  return out;
}
