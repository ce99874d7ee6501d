import type { InstanceStatus, Vars } from '@shanzhi/engine';
import {
  type DefinitionJobRecord,
  type InstanceJobRecord,
  type JobDone,
  type JobRecord,
  type Store,
  StoreConflict,
  StoreDuplicate,
} from '@shanzhi/store';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock, IdGenerator } from '../clock.ts';
import type { ServerMetrics } from '../metrics.ts';
import { taskGroups } from './assignment.ts';
import type { CommandExecutor, RunOptions } from './commandExecutor.ts';
import type { Correlation } from './correlation.ts';
import type { Definitions } from './definitions.ts';
import { INTERNAL_RETRIES, type OutboxType } from './effects.ts';
import { taskRecipients } from './notifications.ts';
import type { Registers } from './registers/index.ts';
import { runRegisterJob } from './registers/jobs.ts';
import { nextRun, runOf } from './startTimers.ts';
import { isDelivery } from './webhookDeliveries.ts';
import { WebhookWorker } from './webhookWorker.ts';

export interface WorkerOptions {
  /** This process's name on the leases it takes; unique per process. */
  readonly owner: string;
  readonly leaseMs?: number;
  readonly batch?: number;
  /** How often the loop looks for due jobs when nothing woke it. */
  readonly pollMs?: number;
  /** First retry delay; doubled per failed attempt, capped at maxBackoffMs. */
  readonly backoffMs?: number;
  readonly maxBackoffMs?: number;
  /** Instances one call chain may start (MAX_CALLED_PER_TREE). */
  readonly maxCalledPerTree?: number;
  /** How long a town's gateway has to answer a webhook delivery. */
  readonly webhookTimeoutMs?: number;
}

/**
 * Runs due timers, outbox jobs and timer start events. Each job is claimed under a lease (one
 * owner at a time, across every server process on the database) and finished in the same commit
 * as the engine step it caused, so a job runs to completion once: a crash before the commit
 * leaves it to be claimed again when the lease ends; a crash after leaves nothing to do; and a
 * worker whose lease ran out and was taken over cannot finish it (its commit is refused). A job
 * that throws is retried with back-off; out of retries it is parked on an incident (resolving the
 * incident resumes it), or finished when nothing is left to act on (see park). Webhook deliveries
 * keep their own schedule of retries and end as dead letters instead (webhookWorker.ts).
 */
export class Workers {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private stopped = true;
  private wake = false;
  /** The last runDue stopped at its round cap with jobs possibly still due. */
  private more = false;
  private readonly o: Required<WorkerOptions>;
  private readonly webhooks: WebhookWorker;

  constructor(
    private readonly deps: {
      store: Store;
      executor: CommandExecutor;
      correlation: Correlation;
      definitions: Definitions;
      registers: Registers;
      clock: Clock;
      newId: IdGenerator;
      log: FastifyBaseLogger;
      metrics: ServerMetrics;
    },
    options: WorkerOptions,
  ) {
    this.o = {
      leaseMs: 30_000,
      batch: 20,
      pollMs: 1_000,
      backoffMs: 1_000,
      maxBackoffMs: 5 * 60_000,
      maxCalledPerTree: MAX_CALLED_PER_TREE,
      webhookTimeoutMs: 5_000,
      ...options,
    };
    this.webhooks = new WebhookWorker({ ...deps, timeoutMs: this.o.webhookTimeoutMs });
  }

  get owner(): string {
    return this.o.owner;
  }

  /** Starts the loop (main does; tests call runDue themselves). */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /**
   * Runs `work` with the loop stopped, when it runs, and starts it again after: work that keeps its
   * own time (the demo's past, played on a clock of its own) must not have its jobs taken at today's.
   */
  async whilePaused<T>(work: () => Promise<T>): Promise<T> {
    const wasRunning = !this.stopped;
    if (wasRunning) await this.stop();
    try {
      return await work();
    } finally {
      if (wasRunning) this.start();
    }
  }

  /** Asks for a run soon: a commit just wrote outbox work or a timer due now. */
  poke(): void {
    if (this.stopped) return;
    if (this.running) {
      this.wake = true;
      return;
    }
    this.schedule(0);
  }

  /** Stops the loop, waits for the batch under way, and gives back every lease of this process. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
    await this.deps.store.jobs
      .release(this.o.owner)
      .catch((error: unknown) => this.deps.log.error({ err: error }, 'releasing leases failed'));
  }

  /** Runs due jobs until none is left (bounded); the number run. */
  async runDue(maxRounds = 50): Promise<number> {
    let total = 0;
    this.more = false;
    for (let round = 0; round < maxRounds; round++) {
      const jobs = await this.deps.store.jobs.claimDue(
        ['timer', 'outbox', 'startTimer'],
        this.o.owner,
        this.deps.clock.now(),
        this.o.leaseMs,
        this.o.batch,
      );
      if (jobs.length === 0) return total;
      // The batch runs together, so its commits go into one group commit (jobs of one instance
      // that collide are retried, as internal commands are); each job fails or succeeds alone.
      const settled = await Promise.allSettled(jobs.map((job) => this.runOne(job)));
      const failure = settled.find((r) => r.status === 'rejected');
      if (failure) throw failure.reason;
      total += jobs.length;
      // Reads of the embedded store answer synchronously, so awaiting them never lets requests
      // in: give the event loop a turn between rounds, or a backlog of timers starves the API.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    // Stopped at the round cap, not on an empty claim: more jobs may be due.
    this.more = true;
    return total;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), ms);
    this.timer.unref?.();
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    if (this.stopped || this.running) return;
    this.wake = false;
    this.running = this.runDue();
    try {
      await this.running;
    } catch (error) {
      this.deps.log.error({ err: error }, 'worker round failed');
    } finally {
      this.running = undefined;
    }
    // A backlog (the last run stopped at its round cap) goes on at once, not after a poll interval.
    this.schedule(this.wake || this.more ? 0 : this.o.pollMs);
  }

  private async runOne(job: JobRecord): Promise<void> {
    if (isDelivery(job)) {
      this.deps.metrics.jobs({ kind: job.kind, outcome: await this.webhooks.deliver(job, this.o.owner) });
      return;
    }
    try {
      await (job.kind === 'startTimer' ? this.fireStartTimer(job) : this.execute(job));
      this.deps.metrics.jobs({ kind: job.kind, outcome: 'done' });
    } catch (error) {
      try {
        await this.failed(job, error);
      } catch (failure) {
        if (!isLeaseLost(failure)) throw failure;
        this.lost(job);
      }
    }
  }

  /** Another try after a back-off, or, out of retries, parked. */
  private async failed(job: JobRecord, error: unknown): Promise<void> {
    const { log, metrics, clock } = this.deps;
    if (isLeaseLost(error)) return this.lost(job);
    const retries = job.retries - 1;
    const message = error instanceof Error ? error.message : String(error);
    if (retries > 0) {
      const attempt = Math.max(1, INTERNAL_RETRIES - retries);
      const delay = Math.min(this.o.maxBackoffMs, this.o.backoffMs * 2 ** (attempt - 1));
      await this.deps.store.jobs.retryLater(job.id, this.o.owner, retries, clock.now() + delay, message);
      metrics.jobs({ kind: job.kind, outcome: 'retry' });
      log.warn({ jobId: job.id, ...ownerOf(job), type: job.type, retries, err: error }, 'job failed; retrying later');
    } else {
      const parked = await this.park(job, message);
      const about = { jobId: job.id, ...ownerOf(job), type: job.type, err: error };
      if (parked === 'moot') {
        metrics.jobs({ kind: job.kind, outcome: 'moot' });
        log.info(about, 'job out of retries, but the instances it was for have ended: finished as moot');
        return;
      }
      metrics.jobs({ kind: job.kind, outcome: 'parked' });
      if (parked === 'alone') log.error(about, 'job out of retries; parked with no incident (no running instance to raise it on)');
      else log.error({ ...about, incidentOn: parked.on }, 'job out of retries; parked on an incident');
    }
  }

  /** The lease ran out and another worker took the job over: its work is theirs now. */
  private lost(job: JobRecord): void {
    this.deps.metrics.jobs({ kind: job.kind, outcome: 'lost' });
    this.deps.log.info({ jobId: job.id, ...ownerOf(job), type: job.type }, 'lease lost: another worker has taken the job over');
  }

  /**
   * A job out of retries waits, without retries, for an operator: on an incident raised in the
   * same commit (shown with the instance; resolving it resumes the job) on its own instance, or,
   * when that has ended, on the instance its work is for, where it moves (a caller waiting for
   * the end of the instance it called). When every instance it was for has ended too, nothing is
   * left to act on: the job is finished, as moot. A timer start event (a redeploy arms it afresh),
   * or a message or signal of an ended instance (no one instance waits for it), is parked alone.
   */
  private async park(job: JobRecord, error: string): Promise<{ on: string } | 'moot' | 'alone'> {
    const { executor, store } = this.deps;
    if (job.kind !== 'startTimer') {
      const message = `${job.kind} job ${job.type} failed and has no retries left: ${error}`;
      const parks = { job, owner: this.o.owner, error };
      const workFor = workOf(job);
      const where = [{ instanceId: job.instanceId }, ...(workFor && workFor.instanceId !== job.instanceId ? [workFor] : [])];
      for (const { instanceId, key } of where) {
        const raise = { type: 'raiseIncident' as const, message, ...(key === undefined ? {} : { key }) };
        if ((await executor.run(instanceId, raise, { actor: 'system:worker', internal: true, parks })).ok) return { on: instanceId };
      }
      if (workFor) {
        await this.finish(job);
        return 'moot';
      }
    }
    await store.jobs.retryLater(job.id, this.o.owner, 0, job.dueAt, error);
    return 'alone';
  }

  /** The claimed job, finished by this worker. */
  private done(job: JobRecord): JobDone {
    return { id: job.id, owner: this.o.owner };
  }

  private async execute(job: InstanceJobRecord): Promise<void> {
    if (job.kind === 'timer') return this.fireTimer(job);
    const p = job.payload;
    switch (job.type as OutboxType) {
      case 'publishMessage':
        return this.publishMessage(job, p);
      case 'broadcastSignal':
        return this.broadcastSignal(job, p);
      case 'deliverSignal':
        // Owned by the emitting instance (a commit writes only its own jobs); ends in the target's commit.
        if (
          !(await this.deps.correlation.signalOne(String(p.target), String(p.name), vars(p.variables), 'system:signal', [this.done(job)]))
        ) {
          await this.finish(job);
        }
        return;
      case 'startCalledInstance':
        return this.startCalled(job, p);
      case 'cancelCalledInstance':
        return this.runOrFinish(job, String(p.child), { type: 'cancel', reason: 'the calling activity ended' });
      case 'registerJob':
        return this.registerJob(job, p);
      case 'resolveMembers':
        return this.runOrFinish(job, job.instanceId, {
          type: 'membersResolved',
          key: String(p.key),
          members: await roleHolders(this.deps.store, String(p.role), job.unitPath),
        });
      case 'calledInstanceEnded':
        return this.runOrFinish(job, String(p.parent), {
          type: 'calledInstanceEnded',
          key: String(p.key),
          status: p.status as Exclude<InstanceStatus, 'active'>,
          ...(p.variables ? { variables: vars(p.variables) } : {}),
          ...(p.error ? { error: p.error as { code: string; message: string } } : {}),
        });
      default:
        if (job.type === 'signalStart') return this.signalStart(job, p);
        this.deps.log.error({ jobId: job.id, type: job.type }, 'unknown outbox job type');
        return this.finish(job);
    }
  }

  private async fireTimer(job: InstanceJobRecord): Promise<void> {
    await this.runOrFinish(job, job.instanceId, { type: 'fireTimer', sub: job.ref }, 'system:timer');
  }

  /**
   * A timer start event: starts the instance its job names (unless that run happened already,
   * before a crash or a lost lease), then keeps the job for its next run or ends it. A
   * definition that a newer version replaced starts nothing (the deploys of the two crossed).
   */
  private async fireStartTimer(job: DefinitionJobRecord): Promise<void> {
    const { store, definitions, executor, newId, log } = this.deps;
    const definition = await definitions.byId(job.definitionId);
    const newest = definition && (await store.definitions.latest(definition.record.key, definition.record.unitPath));
    if (!definition || newest?.id !== definition.record.id) return this.endStartTimer(job);
    const run = runOf(job);
    if (!(await store.instances.byId(run.instanceId))) {
      try {
        const out = await executor.start({
          definition,
          id: run.instanceId,
          unitPath: definition.record.unitPath,
          actor: 'system:timer',
          processId: run.processId,
          startEvent: run.startEvent,
        });
        if (!out.ok) {
          log.error({ jobId: job.id, definitionId: definition.record.id, code: out.error.code }, 'timer start event could not start');
          return this.endStartTimer(job);
        }
      } catch (error) {
        // Another worker, holding the job after this one's lease ran out, started it first.
        if (!(error instanceof StoreDuplicate)) throw error;
      }
    }
    return this.endStartTimer(job, nextRun(job, newId));
  }

  /** Refused when another worker holds the job now: reported as a lost lease, as a refused commit is. */
  private async endStartTimer(job: DefinitionJobRecord, next?: Parameters<Store['jobs']['finish']>[2]): Promise<void> {
    if (!(await this.deps.store.jobs.finish(job.id, this.o.owner, next))) throw new StoreConflict('job', job.id);
  }

  /** Runs a command with the job finished in its commit; a refused command just finishes the job. */
  /**
   * A register read or written for the step that waits (registers/jobs.ts): the job completes
   * with the writes in its commit, or fails at once (no retry makes bad data good) into an
   * incident that names the register and the field.
   */
  private async registerJob(job: InstanceJobRecord, p: Vars): Promise<void> {
    const key = String(p.key);
    const outcome = await runRegisterJob(this.deps.registers, {
      jobType: String(p.jobType),
      headers: (p.headers ?? {}) as Record<string, string>,
      variables: vars(p.variables) ?? {},
      unitPath: job.unitPath,
      instanceId: job.instanceId,
      now: this.deps.clock.now(),
    });
    if (outcome.ok) {
      return this.runOrFinish(job, job.instanceId, { type: 'completeJob', key, variables: outcome.variables }, 'system:registers', {
        registers: outcome.writes,
      });
    }
    return this.runOrFinish(job, job.instanceId, { type: 'failJob', key, retries: 0, message: outcome.message }, 'system:registers');
  }

  private async runOrFinish(
    job: InstanceJobRecord,
    instanceId: string,
    command: Parameters<CommandExecutor['run']>[1],
    actor = 'system:outbox',
    extra: Pick<RunOptions, 'registers'> = {},
  ): Promise<void> {
    const out = await this.deps.executor.run(instanceId, command, { actor, internal: true, jobsDone: [this.done(job)], ...extra });
    if (!out.ok) {
      this.deps.log.info({ jobId: job.id, instanceId, code: out.error.code }, 'job had nothing left to do');
      await this.finish(job);
    }
  }

  private async publishMessage(job: InstanceJobRecord, p: Vars): Promise<void> {
    const delivered = await this.deps.correlation.message({
      name: String(p.name),
      ...(p.correlationKey === undefined ? {} : { correlationKey: String(p.correlationKey) }),
      ...(p.variables ? { variables: vars(p.variables) } : {}),
      reach: ['/'],
      actor: 'system:message',
      jobsDone: [this.done(job)],
    });
    if (!delivered) {
      this.deps.log.info({ jobId: job.id, instanceId: job.instanceId }, 'message not correlated; dropped');
      await this.finish(job);
    }
  }

  /**
   * Fans out: one delivery job per waiting instance but the thrower (it caught its own signal as it threw it)
   * and one start job per signal-started definition, written with this job's end.
   */
  private async broadcastSignal(job: InstanceJobRecord, p: Vars): Promise<void> {
    const { correlation, definitions, clock, newId } = this.deps;
    const name = String(p.name);
    const now = clock.now();
    const add: InstanceJobRecord[] = [];
    const base = { kind: 'outbox' as const, dueAt: now, retries: INTERNAL_RETRIES, createdAt: now };
    for (const t of await correlation.signalTargets(name, ['/'])) {
      if (t.instanceId === job.instanceId) continue;
      add.push({
        ...base,
        id: newId(),
        type: 'deliverSignal',
        instanceId: job.instanceId,
        unitPath: job.unitPath,
        ref: `out:${newId()}`,
        payload: { target: t.instanceId, name, variables: p.variables ?? {} },
      });
    }
    for (const { definition, trigger } of await definitions.startableBy('signal', name, ['/'])) {
      add.push({
        ...base,
        id: newId(),
        type: 'signalStart',
        instanceId: job.instanceId,
        unitPath: job.unitPath,
        ref: `out:${newId()}`,
        payload: {
          definitionId: definition.record.id,
          processId: trigger.processId,
          startEvent: trigger.startEvent,
          newInstance: newId(),
          variables: p.variables ?? {},
        },
      });
    }
    await this.finish(job, add);
  }

  private async signalStart(job: InstanceJobRecord, p: Vars): Promise<void> {
    const id = String(p.newInstance);
    if (await this.deps.store.instances.byId(id)) return this.finish(job);
    const definition = await this.deps.definitions.byId(String(p.definitionId));
    if (!definition) return this.finish(job);
    const out = await this.deps.executor.start({
      definition,
      id,
      unitPath: definition.record.unitPath,
      actor: 'system:signal',
      processId: String(p.processId),
      startEvent: String(p.startEvent),
      variables: vars(p.variables) ?? {},
      jobsDone: [this.done(job)],
    });
    if (!out.ok) await this.finish(job);
  }

  private async startCalled(job: InstanceJobRecord, p: Vars): Promise<void> {
    const { store, definitions, executor } = this.deps;
    const child = String(p.child);
    if (await store.instances.byId(child)) return this.finish(job);
    const parent = await store.instances.byId(job.instanceId);
    const parentDefinition = parent ? await definitions.byId(parent.definitionId) : undefined;
    if (!parent || !parentDefinition) return this.finish(job);
    // The call activity may have ended meanwhile (cancelled, interrupted): then nothing is started.
    if (parent.status !== 'active' || parent.state.els[String(p.key)]?.called !== child) return this.finish(job);
    const root = typeof p.root === 'string' ? p.root : parent.id;
    const limit = this.o.maxCalledPerTree;
    if ((await this.calledInTree(root)) > limit) {
      const why = `the call chain of instance ${root} has started ${limit} instances, the limit: its processes call each other without end`;
      return this.runOrFinish(job, parent.id, { type: 'calledInstanceEnded', key: String(p.key), status: 'terminated', why });
    }
    const processId = String(p.processId);
    const definition = await definitions.forCall(
      processId,
      p.binding as Parameters<Definitions['forCall']>[1],
      parentDefinition,
      parent.unitPath,
    );
    const started = definition
      ? await executor.start({
          definition,
          id: child,
          unitPath: parent.unitPath,
          actor: 'system:outbox',
          processId,
          variables: vars(p.variables) ?? {},
          parent: { instance: parent.id, key: String(p.key), root, ...depthOf(p) },
          jobsDone: [this.done(job)],
        })
      : undefined;
    if (started?.ok) return;
    this.deps.log.warn(
      { jobId: job.id, instanceId: parent.id, code: started?.error.code ?? 'SZ_PROCESS_NOT_FOUND' },
      'called process could not start',
    );
    await this.runOrFinish(job, parent.id, { type: 'calledInstanceEnded', key: String(p.key), status: 'terminated' });
  }

  /**
   * Counts one more called instance in the call chain under `root`, in a counter every server
   * process shares: the depth limit bounds a chain, this bounds one that fans out as it recurses.
   */
  private async calledInTree(root: string): Promise<number> {
    return (await this.deps.store.attempts.count(`calls:${root}`, CALL_TREE_WINDOW_MS, this.deps.clock.now())).count;
  }

  /** Ends a job whose work needed no engine step, in a commit of the instance it belongs to. */
  private async finish(job: InstanceJobRecord, add?: readonly InstanceJobRecord[]): Promise<void> {
    const ok = await this.deps.executor.touch(job.instanceId, { done: [this.done(job)], ...(add ? { add } : {}) });
    if (!ok) throw new Error(`job ${job.id}: instance ${job.instanceId} is gone`);
  }
}

/**
 * The one instance a job's work is for, and the element there that waits for it: its own (a
 * timer, a called instance to start) or another (the caller told of the end of the instance it
 * called, a called instance to cancel, the receiver of a signal). None for a message or a signal
 * broadcast: whoever waits for them.
 */
function workOf(job: InstanceJobRecord): { instanceId: string; key?: string } | undefined {
  const p = job.payload;
  if (job.kind === 'timer') return { instanceId: job.instanceId };
  switch (job.type as OutboxType) {
    case 'startCalledInstance':
    case 'resolveMembers':
    case 'registerJob':
      return { instanceId: job.instanceId, key: String(p.key) };
    case 'calledInstanceEnded':
      return { instanceId: String(p.parent), key: String(p.key) };
    case 'cancelCalledInstance':
      return { instanceId: String(p.child) };
    case 'deliverSignal':
      return { instanceId: String(p.target) };
    default:
      return undefined;
  }
}

/**
 * Who holds a role for an instance's unit (`role:approver`, `role:approver@parent`): the holders at
 * that unit, or at the nearest unit above that has some, as a group task's members are told.
 */
async function roleHolders(store: Store, role: string, unitPath: string): Promise<string[]> {
  const group = { assignee: undefined, candidateUsers: [], candidateGroups: taskGroups([role], unitPath) };
  return taskRecipients(group, (r, unit) => store.users.withRoleAt(r, unit));
}

/** Instances one call chain (a top instance and everything it calls, and they call) may start. */
export const MAX_CALLED_PER_TREE = 10_000;
/** The counter's window: a year, longer than any procedure's call chain runs. */
const CALL_TREE_WINDOW_MS = 365 * 24 * 60 * 60 * 1000;

/** What a job belongs to, for the logs. */
function ownerOf(job: JobRecord): { instanceId: string } | { definitionId: string } {
  return job.kind === 'startTimer' ? { definitionId: job.definitionId } : { instanceId: job.instanceId };
}

function isLeaseLost(error: unknown): boolean {
  return error instanceof StoreConflict && error.entity === 'job';
}

/** The child's call depth; a job written before depths were kept has none, and the engine reads that as 1. */
function depthOf(p: Vars): { depth?: number } {
  return typeof p.depth === 'number' ? { depth: p.depth } : {};
}

function vars(v: unknown): Vars | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Vars) : undefined;
}
