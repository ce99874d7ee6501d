import type { Vars } from '@shanzhi/engine';
import { parseDuration } from '@shanzhi/engine';
import { RuntimeError } from '@shanzhi/engine/testing';
import { UsageError } from './args.ts';
import type { Session } from './session.ts';
import { oneLine } from './text.ts';

/** One answer of a script: what a person, a worker or the world does next. */
export type Step =
  | { complete: string; assignee?: string; vars?: Vars }
  | { advance: string }
  | { message: string; key?: string; vars?: Vars }
  | { signal: string; vars?: Vars }
  | { job: string; vars?: Vars }
  | { failJob: string; errorCode?: string; message?: string; retries?: number; vars?: Vars };

/** A step the engine or the runner refused: the run stops with exit code 1. */
export class StepRejected extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const KINDS = ['complete', 'advance', 'message', 'signal', 'job', 'failJob'] as const;
const ALLOWED: Record<(typeof KINDS)[number], readonly string[]> = {
  complete: ['assignee', 'vars'],
  advance: [],
  message: ['key', 'vars'],
  signal: ['vars'],
  job: ['vars'],
  failJob: ['errorCode', 'message', 'retries', 'vars'],
};

/** Reads and checks a whole script before anything runs; a bad script is a usage error naming the step. */
export function parseScript(text: string, file: string): Step[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`--script ${file} is not valid JSON: ${(e as Error).message}`);
  }
  if (!Array.isArray(value)) throw new UsageError(`--script ${file} must be a JSON list of steps, e.g. [{"complete": "党组织提议"}]`);
  return value.map((step, i) => checkStep(step, `--script ${file}, step ${i + 1}`));
}

export function checkStep(step: unknown, where: string): Step {
  if (typeof step !== 'object' || step === null || Array.isArray(step))
    throw new UsageError(`${where}: a step is a JSON object, not ${JSON.stringify(step)}`);
  const s = step as Record<string, unknown>;
  // "message" is also the failure text of a failJob step.
  const kinds = KINDS.filter((k) => k in s && !(k === 'message' && 'failJob' in s));
  if (kinds.length !== 1) throw new UsageError(`${where}: a step has exactly one of ${KINDS.join(', ')}; got ${JSON.stringify(step)}`);
  const kind = kinds[0] as (typeof KINDS)[number];
  if (typeof s[kind] !== 'string' || s[kind] === '') throw new UsageError(`${where}: "${kind}" must be a non-empty string`);
  for (const field of Object.keys(s)) {
    if (field !== kind && !ALLOWED[kind].includes(field))
      throw new UsageError(`${where}: "${field}" is not a field of a "${kind}" step (allowed: ${ALLOWED[kind].join(', ') || 'none'})`);
  }
  if (s.vars !== undefined && (typeof s.vars !== 'object' || s.vars === null || Array.isArray(s.vars)))
    throw new UsageError(`${where}: "vars" must be a JSON object`);
  for (const field of ['assignee', 'key', 'errorCode', 'message'] as const) {
    if (s[field] !== undefined && typeof s[field] !== 'string') throw new UsageError(`${where}: "${field}" must be a string`);
  }
  if (s.retries !== undefined && (!Number.isInteger(s.retries) || (s.retries as number) < 0))
    throw new UsageError(`${where}: "retries" must be a whole number >= 0`);
  if (kind === 'advance') {
    const parsed = parseDuration(s.advance as string);
    if (!parsed.ok) throw new UsageError(`${where}: ${parsed.message}`);
  }
  return s as Step;
}

/** Carries out one step; a refusal (engine rejection or nothing to act on) throws StepRejected. */
export function runStep(session: Session, step: Step): string | undefined {
  return attempt(session, () => apply(session, step));
}

/** Runs an action on the runtime; an engine rejection becomes StepRejected. Notices are printed after it. */
export function attempt<T>(session: Session, action: () => T): T {
  try {
    return action();
  } catch (e) {
    if (e instanceof RuntimeError) throw new StepRejected(e.error.code, e.error.message);
    throw e;
  } finally {
    session.flushNotices();
  }
}

function apply(session: Session, step: Step): string | undefined {
  if ('complete' in step) {
    const task = findTask(session, step.complete, step.assignee);
    session.rt.completeTask(task, step.vars);
    return undefined;
  }
  if ('advance' in step) {
    session.advanceTo(session.after(step.advance));
    return undefined;
  }
  if ('failJob' in step) {
    const job = findJob(session, step.failJob);
    const retries = step.retries ?? (step.errorCode === undefined ? Math.max(0, job.retries - 1) : job.retries);
    const message = step.message ?? (step.errorCode === undefined ? 'failed (script)' : `BPMN error ${step.errorCode}`);
    session.rt.failJob(job, { retries, message, ...(step.errorCode === undefined ? {} : { errorCode: step.errorCode }) });
    return undefined;
  }
  if ('message' in step) {
    const delivered = session.rt.correlateMessage(step.message, step.key, step.vars);
    if (!delivered) {
      const key = step.key === undefined ? '' : ` with key '${step.key}'`;
      throw new StepRejected(
        'SZ_SUBSCRIPTION_NOT_FOUND',
        `no instance waits for message '${step.message}'${key} and no process starts on it`,
      );
    }
    return undefined;
  }
  if ('signal' in step) {
    const heard = session.listensTo(step.signal);
    session.rt.broadcastSignal(step.signal, step.vars);
    return heard ? undefined : 'nobodyWaits';
  }
  session.rt.completeJob(findJob(session, step.job), step.vars);
  return undefined;
}

const same = (a: string | undefined, b: string) => a !== undefined && (a === b || oneLine(a) === oneLine(b));

/** An open user task by element id or name (the first, or the one of the assignee when several are open). */
export function findTask(session: Session, name: string, assignee?: string) {
  const open = session.tasks();
  const matching = open.filter((t) => same(t.el, name) || same(t.name, name));
  const task = assignee === undefined ? matching[0] : matching.find((t) => t.assignee === assignee || t.candidateUsers?.includes(assignee));
  if (!task) {
    const list =
      open.map((t) => `${t.el}${t.name ? ` ${oneLine(t.name)}` : ''}${t.assignee ? ` (${t.assignee})` : ''}`).join('; ') || 'none';
    const who = assignee === undefined ? '' : ` for ${assignee}`;
    throw new StepRejected('SZ_TASK_NOT_FOUND', `no open user task '${name}'${who}; open tasks: ${list}`);
  }
  return task;
}

/** A waiting job by job type, element id or element name. */
export function findJob(session: Session, name: string) {
  const jobs = session.jobs();
  const job = jobs.find((j) => j.jobType === name || j.el === name || same(session.element(j.instance, j.el).name, name));
  if (!job) {
    const list = jobs.map((j) => `${j.jobType} (${j.el})`).join('; ') || 'none';
    throw new StepRejected('SZ_JOB_NOT_FOUND', `no waiting job '${name}'; waiting jobs: ${list}`);
  }
  return job;
}
