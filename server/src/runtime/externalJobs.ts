import type { Vars } from '@shanzhi/engine';
import type { InstanceJobRecord, Reach, Store } from '@shanzhi/store';
import type { Clock } from '../clock.ts';
import { ApiError, fromEngine } from '../errors.ts';
import { isWithin } from '../units.ts';
import type { CommandExecutor } from './commandExecutor.ts';

const MAX_LONG_POLL_MS = 5 * 60_000;
const POLL_EVERY_MS = 1_000;

/**
 * External jobs, the way Camunda's external tasks and Zeebe's job workers work: a worker
 * outside fetches jobs of its types within its units, locked for `lockMs`, then completes or
 * fails them (with retries and a back-off) or extends the lock. Only the worker holding the lock
 * may answer: a worker whose lock ran out and was taken over gets SZ_JOB_LOCK_LOST, even when
 * its answer races the new holder's (the store refuses a commit finishing a job held by another).
 */
export class ExternalJobs {
  private waiters = new Set<() => void>();
  private closed = false;

  constructor(private readonly deps: { store: Store; executor: CommandExecutor; clock: Clock }) {}

  /** Wakes long polls: a commit added external jobs. */
  notify(): void {
    const waiting = this.waiters;
    this.waiters = new Set();
    for (const wake of waiting) wake();
  }

  /** Ends every long poll (graceful shutdown): they answer what they have, nothing. */
  close(): void {
    this.closed = true;
    this.notify();
  }

  async fetchAndLock(r: {
    types: readonly string[];
    worker: string;
    max: number;
    lockMs: number;
    longPollMs?: number;
    reach: Reach;
  }): Promise<InstanceJobRecord[]> {
    const deadline = Date.now() + Math.min(r.longPollMs ?? 0, MAX_LONG_POLL_MS);
    for (;;) {
      const locked = await this.deps.store.jobs.fetchAndLock(r.types, r.reach, r.worker, this.deps.clock.now(), r.lockMs, r.max);
      const left = deadline - Date.now();
      if (locked.length > 0 || left <= 0 || this.closed) return locked;
      await this.wait(Math.min(left, POLL_EVERY_MS));
    }
  }

  async complete(id: string, r: { worker: string; variables?: Vars; actor: string; reach: Reach }): Promise<void> {
    const job = await this.locked(id, r.worker, r.reach);
    const out = await this.deps.executor.run(
      job.instanceId,
      { type: 'completeJob', key: job.ref, ...(r.variables ? { variables: r.variables } : {}) },
      { actor: r.actor, internal: true, jobsDone: [{ id: job.id, owner: r.worker }] },
    );
    if (!out.ok) throw fromEngine(out.error);
  }

  /** A failure: with retries left the job is due again after the back-off; without, or with a BPMN error code, it ends. */
  async fail(
    id: string,
    r: { worker: string; retries: number; backoffMs?: number; errorCode?: string; errorMessage: string; actor: string; reach: Reach },
  ): Promise<{ retries: number; incident: boolean }> {
    const job = await this.locked(id, r.worker, r.reach);
    const retries = Math.max(0, Math.floor(r.retries));
    const ends = r.errorCode !== undefined || retries === 0;
    const out = await this.deps.executor.run(
      job.instanceId,
      {
        type: 'failJob',
        key: job.ref,
        retries,
        message: r.errorMessage,
        ...(r.errorCode === undefined ? {} : { errorCode: r.errorCode }),
      },
      { actor: r.actor, internal: true, jobsDone: ends ? [{ id: job.id, owner: r.worker }] : [] },
    );
    if (!out.ok) throw fromEngine(out.error);
    const retry = out.plan.retries.find((x) => x.ref === job.ref);
    if (retry) {
      await this.deps.store.jobs.retryLater(
        job.id,
        r.worker,
        retry.retries,
        this.deps.clock.now() + Math.max(0, r.backoffMs ?? 0),
        r.errorMessage,
      );
    }
    return { retries: retry?.retries ?? 0, incident: out.plan.incidents.length > 0 };
  }

  async extendLock(id: string, r: { worker: string; lockMs: number; reach: Reach }): Promise<number> {
    await this.locked(id, r.worker, r.reach);
    const until = this.deps.clock.now() + r.lockMs;
    if (!(await this.deps.store.jobs.extendLock(id, r.worker, until))) throw new ApiError('SZ_JOB_LOCK_LOST');
    return until;
  }

  private async locked(id: string, worker: string, reach: Reach): Promise<InstanceJobRecord> {
    const job = await this.deps.store.jobs.byId(id);
    if (job?.kind !== 'external' || !reach.some((u) => isWithin(job.unitPath, u))) throw new ApiError('SZ_NOT_FOUND/job', { id });
    if (job.lockedBy !== worker || (job.lockedUntil ?? 0) < this.deps.clock.now()) throw new ApiError('SZ_JOB_LOCK_LOST');
    return job;
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
    });
  }
}
