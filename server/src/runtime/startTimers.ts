import {
  DEFAULT_TIME_ZONE,
  type Expr,
  firstDueAt,
  type Model,
  nextDueAt,
  type Problem,
  planTimer,
  startTriggers,
  type TimerKind,
  type TimerPlan,
  type Vars,
} from '@shanzhi/engine';
import type { DefinitionJobRecord, DefinitionRecord, Store } from '@shanzhi/store';
import type { FastifyBaseLogger } from 'fastify';
import type { IdGenerator } from '../clock.ts';
import type { Calendars } from './calendars.ts';
import { INTERNAL_RETRIES } from './effects.ts';

/**
 * Timer start events. Deploying a definition plans the timer start events of its main process
 * (a literal date, duration, cycle or cron in the process's time zone; a FEEL expression is
 * evaluated once, with no variables, at the deploy: one that fails refuses the deployment) and
 * arms each as a job of the definition, dropping those of the versions before it: the newest
 * version's timers replace the old. The job carries its plan, so every later run is timed by the
 * plan the deploy made. The workers fire them under a lease like any job. Each run starts the
 * instance whose id its job chose beforehand, so a run repeated after a crash or a lost lease
 * finds that instance and starts no second one.
 */

/** What a start timer's job carries from one run to the next. */
export interface StartTimerRun {
  readonly processId: string;
  readonly startEvent: string;
  /** The instance this run starts. */
  readonly instanceId: string;
  /** Runs before this one. */
  readonly fired: number;
  /** When it fires, as the deploy planned it (absent on jobs armed before plans were kept). */
  readonly plan?: TimerPlan;
}

/** A timer start event of a model and when it fires. */
export interface StartTimer {
  readonly processId: string;
  readonly startEvent: string;
  readonly plan: TimerPlan;
}

export type StartTimerPlans = { readonly ok: true; readonly timers: StartTimer[] } | { readonly ok: false; readonly problems: Problem[] };

/** The timer start events of the model's main process, planned at `now`; a problem for each one that cannot be. */
export function planStartTimers(model: Model, now: number): StartTimerPlans {
  const timers: StartTimer[] = [];
  const problems: Problem[] = [];
  for (const { processId, startEvent, trigger } of startTriggers(model)) {
    if (trigger.kind !== 'timer' || processId !== model.main) continue;
    const timeZone = model.processes[processId]?.timeZone ?? DEFAULT_TIME_ZONE;
    const planned = planOf(startEvent, trigger, timeZone, now);
    if (!planned.ok) {
      problems.push({ elementId: startEvent, elementType: 'StartEvent', rule: 'timer-invalid', message: planned.message });
    } else {
      timers.push({ processId, startEvent, plan: planned.plan });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, timers };
}

/**
 * A start timer has no instance yet, so a FEEL value is evaluated with no variables, at deploy,
 * by the engine's own rules (its built-ins, the clock given here).
 */
function planOf(startEvent: string, timer: { timer: TimerKind; value: Expr }, timeZone: string, now: number) {
  const planned = planTimer(timer, {}, { now, timeZone });
  return planned.ok
    ? planned
    : { ok: false as const, message: `timer start event ${startEvent}, evaluated with no variables: ${planned.message}` };
}

/** Arms the timer start events of a definition just deployed, in place of those of its older versions. */
export async function armStartTimers(
  deps: { store: Store; newId: IdGenerator; log: FastifyBaseLogger; calendars: Calendars },
  definition: DefinitionRecord,
  timers: readonly StartTimer[],
  now: number,
): Promise<void> {
  const { store, newId, log } = deps;
  const calendar = timers.length > 0 ? await deps.calendars.forUnit(definition.unitPath, now) : undefined;
  for (const older of await store.definitions.visibleAt(definition.unitPath, definition.key)) {
    if (older.unitPath === definition.unitPath && older.version < definition.version) await store.jobs.unschedule(older.id);
  }
  for (const { processId, startEvent, plan } of timers) {
    const dueAt = firstDueAt(plan, now, calendar);
    if (dueAt === null) {
      log.info({ definitionId: definition.id, startEvent }, 'timer start event not armed: it fires no more');
      continue;
    }
    const run: StartTimerRun = { processId, startEvent, instanceId: newId(), fired: 0, plan };
    await store.jobs.schedule({
      id: newId(),
      kind: 'startTimer',
      type: 'startTimer',
      definitionId: definition.id,
      unitPath: definition.unitPath,
      ref: startEvent,
      dueAt,
      retries: INTERNAL_RETRIES,
      payload: { ...run },
      createdAt: now,
    });
  }
}

export function runOf(job: DefinitionJobRecord): StartTimerRun {
  const p = job.payload;
  return {
    processId: String(p.processId),
    startEvent: String(p.startEvent),
    instanceId: String(p.instanceId),
    fired: Number(p.fired),
    ...(p.plan === undefined ? {} : { plan: p.plan as TimerPlan }),
  };
}

/** The job's next run after this one (a new instance id), or undefined when its timer fires no more. */
export function nextRun(
  job: DefinitionJobRecord,
  newId: IdGenerator,
): Pick<DefinitionJobRecord, 'dueAt' | 'retries' | 'payload'> | undefined {
  const run = runOf(job);
  // Jobs armed before they carried a plan were literal durations: one run.
  if (run.plan === undefined) return undefined;
  const fired = run.fired + 1;
  const dueAt = nextDueAt(run.plan, job.dueAt, fired);
  if (dueAt === null) return undefined;
  const next: StartTimerRun = { ...run, instanceId: newId(), fired };
  return { dueAt, retries: INTERNAL_RETRIES, payload: { ...next } as Vars };
}
