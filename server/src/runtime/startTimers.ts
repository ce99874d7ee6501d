import {
  compile,
  DEFAULT_TIME_ZONE,
  type Expr,
  firstDueAt,
  type Model,
  nextDueAt,
  type Problem,
  parseTimer,
  start,
  startTriggers,
  type TimerKind,
  type TimerPlan,
  type Vars,
} from '@shanzhi/engine';
import type { DefinitionJobRecord, DefinitionRecord, Store } from '@shanzhi/store';
import type { FastifyBaseLogger } from 'fastify';
import type { IdGenerator } from '../clock.ts';
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
export async function planStartTimers(model: Model, now: number): Promise<StartTimerPlans> {
  const timers: StartTimer[] = [];
  const problems: Problem[] = [];
  for (const { processId, startEvent, trigger } of startTriggers(model)) {
    if (trigger.kind !== 'timer' || processId !== model.main) continue;
    const timeZone = model.processes[processId]?.timeZone ?? DEFAULT_TIME_ZONE;
    const planned = await planOf(startEvent, trigger.timer, trigger.value, timeZone, now);
    if (!planned.ok) {
      problems.push({ elementId: startEvent, elementType: 'StartEvent', rule: 'timer-invalid', message: planned.message });
    } else if (planned.plan) {
      timers.push({ processId, startEvent, plan: planned.plan });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, timers };
}

type Planned = { readonly ok: true; readonly plan?: TimerPlan } | { readonly ok: false; readonly message: string };

async function planOf(startEvent: string, kind: TimerKind, value: Expr, timeZone: string, now: number): Promise<Planned> {
  if ('literal' in value) {
    const parsed = parseTimer(kind, value.literal, timeZone);
    return parsed.ok ? parsed : { ok: false, message: `timer start event ${startEvent}: ${parsed.message}` };
  }
  return evaluateTimer(startEvent, kind, value.feel, timeZone, now);
}

/**
 * A FEEL timer, evaluated with no variables at `now` exactly as the engine evaluates a timer an
 * instance waits on (its FEEL built-ins, clock and timer rules): by starting a one-event probe
 * process that waits on the same expression. The engine exports no evaluator of its own; this
 * goes once it does. The probe's event has the start event's id, so its messages name it.
 */
async function evaluateTimer(startEvent: string, kind: TimerKind, feel: string, timeZone: string, now: number): Promise<Planned> {
  const refused = (why: string) => ({
    ok: false as const,
    message: `timer start event ${startEvent}, evaluated with no variables: ${why}`,
  });
  const compiled = await compile(probeXml(startEvent, kind, feel), { timeZone });
  if (!compiled.ok) return refused(compiled.problems.map((p) => p.message).join('; '));
  let key = 0;
  const probe = start(compiled.model, { variables: {} }, { now, newId: () => `probe-${++key}` });
  if (!probe.ok) return refused(probe.error.message);
  for (const event of probe.events) {
    if (event.type === 'IncidentRaised') return refused(event.incident.message.replace(`timer of ${startEvent}: `, ''));
    if (event.type === 'SubscriptionOpened' && event.sub.kind === 'timer') return { ok: true, plan: event.sub.plan };
  }
  return { ok: true };
}

function probeXml(id: string, kind: TimerKind, feel: string): string {
  const text = `=${feel}`.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="${id}_definitions" targetNamespace="https://shanzhi.org/probe">
  <bpmn:process id="${id}_process" isExecutable="true">
    <bpmn:startEvent id="${id}_before"/>
    <bpmn:intermediateCatchEvent id="${id}"><bpmn:timerEventDefinition><bpmn:${kind}>${text}</bpmn:${kind}></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="${id}_after"/>
    <bpmn:sequenceFlow id="${id}_in" sourceRef="${id}_before" targetRef="${id}"/>
    <bpmn:sequenceFlow id="${id}_out" sourceRef="${id}" targetRef="${id}_after"/>
  </bpmn:process>
</bpmn:definitions>`;
}

/** Arms the timer start events of a definition just deployed, in place of those of its older versions. */
export async function armStartTimers(
  deps: { store: Store; newId: IdGenerator; log: FastifyBaseLogger },
  definition: DefinitionRecord,
  timers: readonly StartTimer[],
  now: number,
): Promise<void> {
  const { store, newId, log } = deps;
  for (const older of await store.definitions.visibleAt(definition.unitPath, definition.key)) {
    if (older.unitPath === definition.unitPath && older.version < definition.version) await store.jobs.unschedule(older.id);
  }
  for (const { processId, startEvent, plan } of timers) {
    const dueAt = firstDueAt(plan, now);
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
