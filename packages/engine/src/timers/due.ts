import { addSpan } from './calendar.ts';
import { parseDateTime } from './dateTime.ts';
import { type Duration, parseDuration, toSpan } from './duration.ts';
import type { WorkCalendar } from './workCalendar.ts';
import { addWorkingDays, mentionsWorkingDays, parseWorkingDays } from './workingDays.ts';

/**
 * Moments that come once: a date-time, or a span from the moment it is asked (an ISO 8601
 * duration, or working days). Timers fire at them; user tasks are due at them.
 */

export type DatePlan = { type: 'date'; at: number };
export type DurationPlan = { type: 'duration'; duration: Duration; timeZone: string };
/** Counted with the calendar the host gives when the timer is armed or the task opened (workingDays.ts). */
export type WorkingDaysPlan = { type: 'workingDays'; days: number; timeZone: string };
export type OncePlan = DatePlan | DurationPlan | WorkingDaysPlan;

type Parsed<P> = { ok: true; plan: P } | { ok: false; message: string };

export function parseDate(text: string, timeZone: string): Parsed<DatePlan> {
  const at = parseDateTime(text, timeZone);
  return at.ok ? { ok: true, plan: { type: 'date', at: at.value } } : at;
}

/** An ISO 8601 duration (P3D, PT4H) or working days (P3WD). */
export function parseSpan(text: string, timeZone: string): Parsed<DurationPlan | WorkingDaysPlan> {
  if (mentionsWorkingDays(text)) {
    const working = parseWorkingDays(text);
    return working.ok ? { ok: true, plan: { type: 'workingDays', days: working.days, timeZone } } : working;
  }
  const duration = parseDuration(text);
  return duration.ok ? { ok: true, plan: { type: 'duration', duration: duration.value, timeZone } } : duration;
}

/** A due or follow-up date: a date-time, or a span from the moment the task opens. */
export function parseDue(text: string, timeZone: string): Parsed<OncePlan> {
  const trimmed = text.trim();
  if (trimmed.startsWith('P')) return parseSpan(trimmed, timeZone);
  const date = parseDate(trimmed, timeZone);
  if (date.ok) return date;
  return {
    ok: false,
    message: `'${trimmed}' is neither an ISO date-time (2026-10-09T17:30), a duration (P3D) nor working days (P3WD)`,
  };
}

export function onceDueAt(plan: OncePlan, now: number, calendar: WorkCalendar | undefined): number {
  switch (plan.type) {
    case 'date':
      return plan.at;
    case 'duration':
      return addSpan(now, toSpan(plan.duration), plan.timeZone);
    case 'workingDays':
      return addWorkingDays(now, plan.days, calendar, plan.timeZone);
  }
}
