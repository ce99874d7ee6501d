import { type CronPlan, cronAtOrAfter, looksLikeCron, parseCron } from './cron.ts';
import { type CyclePlan, firstCycleDue, nextCycleDue, parseCycle } from './cycle.ts';
import { type OncePlan, onceDueAt, parseDate, parseSpan } from './due.ts';
import type { WorkCalendar } from './workCalendar.ts';
import { isValidTimeZone } from './zone.ts';

export type TimerKind = 'timeDate' | 'timeDuration' | 'timeCycle';

/** JSON-serialisable description of a parsed timer; stored inside instance state, so keep it small. */
export type TimerPlan = OncePlan | CyclePlan | CronPlan;

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
export const MAX_TIMER_TEXT = 200;

const LABEL: Record<TimerKind, string> = { timeDate: 'date', timeDuration: 'duration', timeCycle: 'cycle' };

export function parseTimer(
  kind: TimerKind,
  text: string,
  timeZone: string,
): { ok: true; plan: TimerPlan } | { ok: false; message: string } {
  const label = `timer ${LABEL[kind]}`;
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: `${label} is empty` };
  if (trimmed.length > MAX_TIMER_TEXT) {
    return {
      ok: false,
      message: `${label} '${trimmed.slice(0, 40)}…' is ${trimmed.length} characters long; at most ${MAX_TIMER_TEXT} are allowed`,
    };
  }
  const fail = (message: string) => ({ ok: false as const, message: `${label} '${trimmed}': ${message}` });
  if (!isValidTimeZone(timeZone)) return fail(`'${timeZone}' is not a known IANA time zone`);

  switch (kind) {
    case 'timeDate': {
      const date = parseDate(trimmed, timeZone);
      return date.ok ? date : fail(date.message);
    }
    case 'timeDuration': {
      const span = parseSpan(trimmed, timeZone);
      return span.ok ? span : fail(span.message);
    }
    case 'timeCycle': {
      const cycle = looksLikeCron(trimmed) ? parseCron(trimmed, timeZone) : parseCycle(trimmed, timeZone);
      return cycle.ok ? cycle : fail(cycle.message);
    }
  }
}

/**
 * When the timer first fires, given the moment it is armed and the host's calendar (for working
 * days; without one they are Monday to Friday). null = it never fires (e.g. a cycle whose end
 * already passed).
 */
export function firstDueAt(plan: TimerPlan, now: number, calendar?: WorkCalendar): number | null {
  switch (plan.type) {
    case 'date':
    case 'duration':
    case 'workingDays':
      return onceDueAt(plan, now, calendar);
    case 'cycle':
      return firstCycleDue(plan, now);
    case 'cron':
      return cronAtOrAfter(plan, now);
  }
}

/** After the timer fired `fired` times (>=1), the last time being `lastDueAt`, when it fires next; null when exhausted. */
export function nextDueAt(plan: TimerPlan, lastDueAt: number, fired: number): number | null {
  switch (plan.type) {
    case 'date':
    case 'duration':
    case 'workingDays':
      return null;
    case 'cycle':
      return nextCycleDue(plan, lastDueAt, fired);
    case 'cron':
      return cronAtOrAfter(plan, lastDueAt + 1);
  }
}
