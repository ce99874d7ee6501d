import { addDuration, DEFAULT_TIME_ZONE, type Model, type StartTrigger, startTriggers, type Vars } from '@shanzhi/engine';
import type { DefinitionJobRecord, DefinitionRecord, Store } from '@shanzhi/store';
import type { FastifyBaseLogger } from 'fastify';
import type { IdGenerator } from '../clock.ts';
import { INTERNAL_RETRIES } from './effects.ts';

/**
 * Timer start events. Deploying a definition arms the timer start events of its main process as
 * jobs of the definition, one per start event, and drops those of the versions before it: the
 * newest version's timers replace the old. The workers fire them under a lease like any job.
 * Each run starts the instance whose id its job chose beforehand, so a run repeated after a
 * crash or a lost lease finds that instance and starts no second one.
 */

/** What a start timer's job carries from one run to the next. */
export interface StartTimerRun {
  readonly processId: string;
  readonly startEvent: string;
  /** The instance this run starts. */
  readonly instanceId: string;
  /** Runs before this one. */
  readonly fired: number;
}

/** When a timer start event fires: `first` when armed, `next` after each run; null when it fires no more. */
interface StartSchedule {
  first(now: number): number | null;
  next(lastDueAt: number, fired: number): number | null;
}

type TimerTrigger = Extract<StartTrigger['trigger'], { kind: 'timer' }>;

/**
 * The schedule of a timer start event, or why it has none. Of the engine's timer rules only the
 * duration arithmetic is exported, so a literal timeDuration is armed (one run, that long after
 * the deploy); dates, cycles and FEEL expressions need the engine to export its timer plans
 * (parseTimer, firstDueAt, nextDueAt) and are left unarmed, with a warning, until it does.
 */
function scheduleOf(trigger: TimerTrigger, timeZone: string): StartSchedule | { readonly unsupported: string } {
  if (trigger.timer !== 'timeDuration' || !('literal' in trigger.value)) {
    return { unsupported: `only a literal timeDuration can be armed, not ${'literal' in trigger.value ? trigger.timer : 'an expression'}` };
  }
  const duration = trigger.value.literal;
  return { first: (now) => addDuration(now, duration, timeZone), next: () => null };
}

function timerStarts(model: Model): { trigger: TimerTrigger; startEvent: string; processId: string; timeZone: string }[] {
  const starts = [];
  for (const { processId, startEvent, trigger } of startTriggers(model)) {
    if (trigger.kind !== 'timer' || processId !== model.main) continue;
    starts.push({ trigger, startEvent, processId, timeZone: model.processes[processId]?.timeZone ?? DEFAULT_TIME_ZONE });
  }
  return starts;
}

/** Arms the timer start events of a definition just deployed, in place of those of its older versions. */
export async function armStartTimers(
  deps: { store: Store; newId: IdGenerator; log: FastifyBaseLogger },
  definition: DefinitionRecord,
  model: Model,
  now: number,
): Promise<void> {
  const { store, newId, log } = deps;
  for (const older of await store.definitions.visibleAt(definition.unitPath, definition.key)) {
    if (older.unitPath === definition.unitPath && older.version < definition.version) await store.jobs.unschedule(older.id);
  }
  for (const { trigger, startEvent, processId, timeZone } of timerStarts(model)) {
    const schedule = scheduleOf(trigger, timeZone);
    if ('unsupported' in schedule) {
      log.warn({ definitionId: definition.id, startEvent }, `timer start event not armed: ${schedule.unsupported}`);
      continue;
    }
    const dueAt = schedule.first(now);
    if (dueAt === null) continue;
    const run: StartTimerRun = { processId, startEvent, instanceId: newId(), fired: 0 };
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
  return { processId: String(p.processId), startEvent: String(p.startEvent), instanceId: String(p.instanceId), fired: Number(p.fired) };
}

/** The job's next run after this one (a new instance id), or undefined when the start event fires no more. */
export function nextRun(
  model: Model,
  job: DefinitionJobRecord,
  newId: IdGenerator,
): Pick<DefinitionJobRecord, 'dueAt' | 'retries' | 'payload'> | undefined {
  const run = runOf(job);
  const start = timerStarts(model).find((s) => s.startEvent === run.startEvent);
  const schedule = start && scheduleOf(start.trigger, start.timeZone);
  const dueAt = schedule && !('unsupported' in schedule) ? schedule.next(job.dueAt, run.fired + 1) : null;
  if (dueAt === null || dueAt === undefined) return undefined;
  const next: StartTimerRun = { ...run, instanceId: newId(), fired: run.fired + 1 };
  return { dueAt, retries: INTERNAL_RETRIES, payload: { ...next } as Vars };
}
