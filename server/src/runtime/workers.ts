import type { Vars } from '@shanzhi/engine';
import type { JobRecord, Store } from '@shanzhi/store';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock, IdGenerator } from '../clock.ts';
import type { ServerMetrics } from '../metrics.ts';
import type { CommandExecutor } from './commandExecutor.ts';
import type { Correlation } from './correlation.ts';
import type { Definitions } from './definitions.ts';
import { INTERNAL_RETRIES, type OutboxType } from './effects.ts';

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
}

/** Where a job out of retries is parked: never due again, kept for the operator. */
export const PARKED = Number.MAX_SAFE_INTEGER;

/**
 * Runs due timers and outbox jobs. Each job is claimed under a lease (one owner at a time,
 * across every server process on the database) and finished in the same commit as the engine
 * step it caused, so a job runs to completion once: a crash before the commit leaves it to be
 * claimed again when the lease ends; a crash after leaves nothing to do. A job that throws is
 * retried with back-off; out of retries it is parked (due never) and reported.
 */
export class Workers {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private stopped = true;
  private wake = false;
  private readonly o: Required<WorkerOptions>;

  constructor(
    private readonly deps: {
      store: Store;
      executor: CommandExecutor;
      correlation: Correlation;
      definitions: Definitions;
      clock: Clock;
      newId: IdGenerator;
      log: FastifyBaseLogger;
      metrics: ServerMetrics;
    },
    options: WorkerOptions,
  ) {
    this.o = { leaseMs: 30_000, batch: 20, pollMs: 1_000, backoffMs: 1_000, maxBackoffMs: 5 * 60_000, ...options };
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
    for (let round = 0; round < maxRounds; round++) {
      const jobs = await this.deps.store.jobs.claimDue(
        ['timer', 'outbox'],
        this.o.owner,
        this.deps.clock.now(),
        this.o.leaseMs,
        this.o.batch,
      );
      if (jobs.length === 0) break;
      for (const job of jobs) {
        await this.runOne(job);
        total++;
      }
    }
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
    this.schedule(this.wake ? 0 : this.o.pollMs);
  }

  private async runOne(job: JobRecord): Promise<void> {
    const { log, metrics, clock } = this.deps;
    try {
      await this.execute(job);
      metrics.jobs({ kind: job.kind, outcome: 'done' });
    } catch (error) {
      const retries = job.retries - 1;
      const message = error instanceof Error ? error.message : String(error);
      if (retries > 0) {
        const attempt = Math.max(1, INTERNAL_RETRIES - retries);
        const delay = Math.min(this.o.maxBackoffMs, this.o.backoffMs * 2 ** (attempt - 1));
        await this.deps.store.jobs.retryLater(job.id, this.o.owner, retries, clock.now() + delay, message);
        metrics.jobs({ kind: job.kind, outcome: 'retry' });
        log.warn({ jobId: job.id, instanceId: job.instanceId, type: job.type, retries, err: error }, 'job failed; retrying later');
      } else {
        await this.deps.store.jobs.retryLater(job.id, this.o.owner, 0, PARKED, message);
        metrics.jobs({ kind: job.kind, outcome: 'parked' });
        log.error({ jobId: job.id, instanceId: job.instanceId, type: job.type, err: error }, 'job out of retries; parked');
      }
    }
  }

  private async execute(job: JobRecord): Promise<void> {
    if (job.kind === 'timer') return this.fireTimer(job);
    const p = job.payload;
    switch (job.type as OutboxType) {
      case 'publishMessage':
        return this.publishMessage(job, p);
      case 'broadcastSignal':
        return this.broadcastSignal(job, p);
      case 'deliverSignal':
        // Owned by the emitting instance (a commit writes only its own jobs); ends in the target's commit.
        if (!(await this.deps.correlation.signalOne(String(p.target), String(p.name), vars(p.variables), 'system:signal', [job.id]))) {
          await this.finish(job);
        }
        return;
      case 'startCalledInstance':
        return this.startCalled(job, p);
      case 'cancelCalledInstance':
        return this.runOrFinish(job, String(p.child), { type: 'cancel', reason: 'the calling activity ended' });
      case 'calledInstanceEnded':
        return this.runOrFinish(job, String(p.parent), {
          type: 'calledInstanceEnded',
          key: String(p.key),
          status: p.status as 'completed' | 'terminated' | 'cancelled',
          ...(p.variables ? { variables: vars(p.variables) } : {}),
          ...(p.error ? { error: p.error as { code: string; message: string } } : {}),
        });
      case 'postNotice':
        // The public board has no repository in the store yet: the notice stays in the log only.
        this.deps.log.info({ jobId: job.id, instanceId: job.instanceId, elementId: p.el }, 'notice posted (no board store yet)');
        return this.finish(job);
      default:
        if (job.type === 'signalStart') return this.signalStart(job, p);
        this.deps.log.error({ jobId: job.id, type: job.type }, 'unknown outbox job type');
        return this.finish(job);
    }
  }

  private async fireTimer(job: JobRecord): Promise<void> {
    await this.runOrFinish(job, job.instanceId, { type: 'fireTimer', sub: job.ref }, 'system:timer');
  }

  /** Runs a command with the job finished in its commit; a refused command just finishes the job. */
  private async runOrFinish(
    job: JobRecord,
    instanceId: string,
    command: Parameters<CommandExecutor['run']>[1],
    actor = 'system:outbox',
  ): Promise<void> {
    const out = await this.deps.executor.run(instanceId, command, { actor, internal: true, jobsDone: [job.id] });
    if (!out.ok) {
      this.deps.log.info({ jobId: job.id, instanceId, code: out.error.code }, 'job had nothing left to do');
      await this.finish(job);
    }
  }

  private async publishMessage(job: JobRecord, p: Vars): Promise<void> {
    const delivered = await this.deps.correlation.message({
      name: String(p.name),
      ...(p.correlationKey === undefined ? {} : { correlationKey: String(p.correlationKey) }),
      ...(p.variables ? { variables: vars(p.variables) } : {}),
      reach: ['/'],
      actor: 'system:message',
      jobsDone: [job.id],
    });
    if (!delivered) {
      this.deps.log.info({ jobId: job.id, instanceId: job.instanceId }, 'message not correlated; dropped');
      await this.finish(job);
    }
  }

  /** Fans out: one delivery job per waiting instance and one start job per signal-started definition, written with this job's end. */
  private async broadcastSignal(job: JobRecord, p: Vars): Promise<void> {
    const { correlation, definitions, clock, newId } = this.deps;
    const name = String(p.name);
    const now = clock.now();
    const add: JobRecord[] = [];
    const base = { kind: 'outbox' as const, dueAt: now, retries: INTERNAL_RETRIES, createdAt: now };
    for (const t of await correlation.signalTargets(name, ['/'])) {
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

  private async signalStart(job: JobRecord, p: Vars): Promise<void> {
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
      jobsDone: [job.id],
    });
    if (!out.ok) await this.finish(job);
  }

  private async startCalled(job: JobRecord, p: Vars): Promise<void> {
    const { store, definitions, executor } = this.deps;
    const child = String(p.child);
    if (await store.instances.byId(child)) return this.finish(job);
    const parent = await store.instances.byId(job.instanceId);
    const parentDefinition = parent ? await definitions.byId(parent.definitionId) : undefined;
    if (!parent || !parentDefinition) return this.finish(job);
    // The call activity may have ended meanwhile (cancelled, interrupted): then nothing is started.
    if (parent.status !== 'active' || parent.state.els[String(p.key)]?.called !== child) return this.finish(job);
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
          parent: { instance: parent.id, key: String(p.key) },
          jobsDone: [job.id],
        })
      : undefined;
    if (started?.ok) return;
    this.deps.log.warn(
      { jobId: job.id, instanceId: parent.id, code: started?.error.code ?? 'SZ_PROCESS_NOT_FOUND' },
      'called process could not start',
    );
    await this.runOrFinish(job, parent.id, { type: 'calledInstanceEnded', key: String(p.key), status: 'terminated' });
  }

  /** Ends a job whose work needed no engine step, in a commit of the instance it belongs to. */
  private async finish(job: JobRecord, add?: readonly JobRecord[]): Promise<void> {
    const ok = await this.deps.executor.touch(job.instanceId, { done: [job.id], ...(add ? { add } : {}) });
    if (!ok) throw new Error(`job ${job.id}: instance ${job.instanceId} is gone`);
  }
}

function vars(v: unknown): Vars | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Vars) : undefined;
}
