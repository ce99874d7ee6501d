import type { Limits } from '@shanzhi/engine';
import type { Store } from '@shanzhi/store';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock, IdGenerator } from '../clock.ts';
import type { ServerMetrics } from '../metrics.ts';
import { Calendars } from './calendars.ts';
import { CommandExecutor } from './commandExecutor.ts';
import { Correlation } from './correlation.ts';
import { Definitions } from './definitions.ts';
import { ExternalJobs } from './externalJobs.ts';
import { Forms } from './forms.ts';
import { Notifier } from './notifier.ts';
import { Registers } from './registers/index.ts';
import { Reminders } from './reminders.ts';
import { Starter } from './starter.ts';
import { Templates } from './templates.ts';
import { type WorkerOptions, Workers } from './workers.ts';

export interface RuntimeDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly newId: IdGenerator;
  readonly log: FastifyBaseLogger;
  readonly metrics: ServerMetrics;
  /** What one engine command may cause; each unset bound is the engine's default. */
  readonly limits?: Partial<Limits>;
}

/** The durable engine host: the server's counterpart of the engine's in-memory runtime. */
export interface Runtime {
  readonly calendars: Calendars;
  readonly forms: Forms;
  readonly definitions: Definitions;
  readonly executor: CommandExecutor;
  readonly starter: Starter;
  readonly correlation: Correlation;
  readonly workers: Workers;
  readonly externalJobs: ExternalJobs;
  readonly notifier: Notifier;
  /** Due-soon and overdue reminders to the holders of tasks. */
  readonly reminders: Reminders;
  /** Template versions, publications and adoptions. */
  readonly templates: Templates;
  /** The registers units keep (台账), read and written by procedures and by staff. */
  readonly registers: Registers;
  /** Graceful stop: no new commands, long polls answered, workers stopped, leases given back. */
  stop(): Promise<void>;
}

export function createRuntime(deps: RuntimeDeps, workerOptions: WorkerOptions): Runtime {
  const calendars = new Calendars(deps);
  const forms = new Forms(deps);
  const definitions = new Definitions({ ...deps, forms, calendars });
  const executor = new CommandExecutor({ ...deps, definitions, calendars });
  const starter = new Starter({ store: deps.store, definitions, executor });
  const correlation = new Correlation({ store: deps.store, definitions, executor });
  const registers = new Registers({ store: deps.store, forms });
  const workers = new Workers({ ...deps, executor, correlation, definitions, registers }, workerOptions);
  const externalJobs = new ExternalJobs({ store: deps.store, executor, clock: deps.clock });
  const notifier = new Notifier({ ...deps, executor, definitions, wake: () => workers.poke() });
  const reminders = new Reminders({ ...deps, notifier });
  const templates = new Templates({ ...deps, definitions, registers });
  executor.onCommit(({ plan }) => {
    const now = deps.clock.now();
    if (plan.jobs.add.some((j) => j.kind === 'external')) externalJobs.notify();
    const due = plan.jobs.add.some((j) => j.kind === 'outbox' || (j.kind === 'timer' && j.dueAt <= now));
    if (due || plan.jobs.resume.length > 0) workers.poke();
  });
  return {
    calendars,
    forms,
    definitions,
    executor,
    starter,
    correlation,
    workers,
    externalJobs,
    notifier,
    reminders,
    templates,
    registers,
    async stop() {
      reminders.stop();
      externalJobs.close();
      await workers.stop();
      await executor.drain();
    },
  };
}
