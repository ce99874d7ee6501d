import type { Store } from '@shanzhi/store';
import { pino } from 'pino';
import type { Clock, IdGenerator } from '../clock.ts';
import { Metrics, serverMetrics } from '../metrics.ts';
import { createRuntime, type Runtime } from '../runtime/index.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A clock the loader sets: the demo's past matters play out on it at the days they happened. */
class ReplayClock implements Clock {
  at = 0;
  now(): number {
    return this.at;
  }
}

/**
 * The demo's history: work done weeks before the load, on a runtime of its own whose clock the
 * loader sets day by day, so due dates, lateness and ends fall where they would have. The server's
 * own runtime keeps its clock; both write the same store.
 */
export class PastRuntime {
  private readonly clock = new ReplayClock();
  readonly runtime: Runtime;

  constructor(store: Store, newId: IdGenerator, owner: string) {
    this.runtime = createRuntime(
      { store, clock: this.clock, newId, log: pino({ level: 'silent' }), metrics: serverMetrics(new Metrics()) },
      { owner },
    );
  }

  /** Sets the time to `days` days after `from`. */
  goTo(from: number, days: number): void {
    this.clock.at = from + days * DAY_MS;
  }

  /** Fires the instance's timers falling due by `until`, each at its due time, as the server's workers would have. */
  async fireTimers(store: Store, instanceId: string, until: number): Promise<void> {
    for (let due = await nextTimer(store, instanceId, until); due !== undefined; ) {
      this.clock.at = due;
      await this.runtime.workers.runDue();
      const next = await nextTimer(store, instanceId, until);
      // A timer still there when due was not this runtime's to fire (another holds its lease): leave it to its holder.
      due = next !== undefined && next > due ? next : undefined;
    }
  }

  stop(): Promise<void> {
    return this.runtime.stop();
  }
}

export const daysBefore = (now: number, days: number): number => now - days * DAY_MS;

async function nextTimer(store: Store, instanceId: string, until: number): Promise<number | undefined> {
  const due = (await store.jobs.ofInstance(instanceId)).filter((j) => j.kind === 'timer' && j.dueAt <= until).map((j) => j.dueAt);
  return due.length === 0 ? undefined : Math.min(...due);
}
