import { addSpan } from './calendar.ts';
import { parseDateTime } from './dateTime.ts';
import { approximateMs, type Duration, parseDuration, scaleSpan, toSpan } from './duration.ts';

/**
 * ISO 8601 repeating intervals as timer cycles: R[n]/<interval> where the
 * interval is a duration, start/duration, duration/end or start/end. Without
 * R the interval repeats unbounded (Camunda 8 reads a bare PT10M that way).
 */

export interface CyclePlan {
  type: 'cycle';
  period: Duration;
  /** How many times it fires; null = unbounded (R, R-1 or no R). */
  repetitions: number | null;
  /** Anchors the series: it fires at start + n × period. */
  start?: number;
  /** Anchors the series: it fires at end − n × period, the last time at end. */
  end?: number;
  timeZone: string;
}

type Result = { ok: true; plan: CyclePlan } | { ok: false; message: string };

/** Large enough for any real schedule, small enough to reject typos like R99999999. */
export const MAX_REPETITIONS = 1_000_000;
/** An unbounded cycle with a zero period would fire endlessly at one instant. */
const MIN_PERIOD_MS = 1000;
const DAY_MS = 86_400_000;

export function parseCycle(text: string, timeZone: string): Result {
  const fail = (message: string) => ({ ok: false as const, message });
  let parts = text.split('/');
  let repetitions: number | null = null;
  const head = parts[0] ?? '';
  if (head.startsWith('R')) {
    const count = /^R(-1|\d*)$/.exec(head)?.[1];
    if (count === undefined) return fail(`'${head}' is not a repetition count: expected R, R-1 (both unbounded) or Rn with n >= 0`);
    if (count !== '' && count !== '-1') {
      repetitions = Number(count);
      if (repetitions > MAX_REPETITIONS) return fail(`'${head}' repeats more than ${MAX_REPETITIONS} times; use R/ for unbounded`);
    }
    parts = parts.slice(1);
  }
  if (parts.length === 0) return fail(`'${head}' has no interval after it, e.g. ${head}/PT10M`);
  if (parts.length > 2) {
    return fail(`'${parts.join('/')}' has ${parts.length} parts; expected a duration, start/duration, duration/end or start/end`);
  }

  const [first = '', second] = parts;
  const firstPart = parsePart(first, timeZone);
  if (!firstPart.ok) return firstPart;
  const secondPart = second === undefined ? undefined : parsePart(second, timeZone, first);
  if (secondPart && !secondPart.ok) return secondPart;

  const base = { type: 'cycle' as const, repetitions, timeZone };
  let plan: CyclePlan;
  if (firstPart.duration && !secondPart) {
    plan = { ...base, period: firstPart.duration };
  } else if (firstPart.duration && secondPart?.instant !== undefined) {
    plan = { ...base, period: firstPart.duration, end: secondPart.instant };
  } else if (firstPart.instant !== undefined && secondPart?.duration) {
    plan = { ...base, period: secondPart.duration, start: firstPart.instant };
  } else if (firstPart.instant !== undefined && secondPart?.instant !== undefined) {
    if (secondPart.instant <= firstPart.instant) return fail(`'${second}' is not after the start '${first}'`);
    plan = { ...base, period: between(firstPart.instant, secondPart.instant, timeZone), start: firstPart.instant };
  } else if (secondPart) {
    return fail(`'${first}/${second}' has two durations; one side must be a date-time`);
  } else {
    return fail(`'${first}' is a single date-time; a cycle needs a period, e.g. R/${first}/P1D`);
  }
  if (approximateMs(toSpan(plan.period)) < MIN_PERIOD_MS) {
    return fail(`the period is shorter than one second; a cycle must not fire more than once a second`);
  }
  return { ok: true, plan };
}

type Part = { ok: true; duration?: Duration; instant?: number } | { ok: false; message: string };

function parsePart(part: string, timeZone: string, start?: string): Part {
  if (part === '') return { ok: false, message: 'a part between the slashes is empty' };
  if (/^-?P/.test(part)) {
    const duration = parseDuration(part);
    return duration.ok ? { ok: true, duration: duration.value } : duration;
  }
  if (/^\d/.test(part)) {
    const instant = parseDateTime(part, timeZone, start);
    return instant.ok ? { ok: true, instant: instant.value } : instant;
  }
  return { ok: false, message: `'${part}' is not an ISO 8601 duration or date-time` };
}

/** The period from start to end as whole calendar days plus elapsed time, so it keeps wall-clock time across DST. */
function between(start: number, end: number, timeZone: string): Duration {
  let days = Math.floor((end - start) / DAY_MS);
  while (days > 0 && addSpan(start, { months: 0, days, ms: 0 }, timeZone) > end) days--;
  while (addSpan(start, { months: 0, days: days + 1, ms: 0 }, timeZone) <= end) days++;
  const seconds = (end - addSpan(start, { months: 0, days, ms: 0 }, timeZone)) / 1000;
  const period: Duration = {};
  if (days > 0) period.days = days;
  if (seconds > 0) period.seconds = seconds;
  return period;
}

export function firstCycleDue(plan: CyclePlan, now: number): number | null {
  if (plan.start === undefined && plan.end === undefined) {
    return plan.repetitions === 0 ? null : addSpan(now, toSpan(plan.period), plan.timeZone);
  }
  return occurrenceAtOrAfter(plan, now);
}

/**
 * A relative cycle counts its firings; an anchored one finds its place in the
 * series from lastDueAt, because occurrences skipped before it was armed count
 * against the repetitions too.
 */
export function nextCycleDue(plan: CyclePlan, lastDueAt: number, fired: number): number | null {
  if (plan.start === undefined && plan.end === undefined) {
    if (plan.repetitions !== null && fired >= plan.repetitions) return null;
    return addSpan(lastDueAt, toSpan(plan.period), plan.timeZone);
  }
  return occurrenceAtOrAfter(plan, lastDueAt + 1);
}

/**
 * The series is evaluated as anchor ± n × period rather than by repeated
 * addition, so month ends do not drift (Jan 31, Feb 29, Mar 31). The average
 * period length gives a first guess for n that a few steps correct.
 */
function occurrenceAtOrAfter(plan: CyclePlan, t: number): number | null {
  if (plan.repetitions === 0) return null;
  const { start, end, timeZone } = plan;
  const span = toSpan(plan.period);
  const average = approximateMs(span);
  const last = plan.repetitions === null ? Number.POSITIVE_INFINITY : plan.repetitions - 1;
  if (start !== undefined) {
    const at = (n: number) => addSpan(start, scaleSpan(span, n), timeZone);
    let n = Math.max(0, Math.floor((t - start) / average));
    while (n > 0 && at(n - 1) >= t) n--;
    while (at(n) < t) n++;
    return n > last ? null : at(n);
  }
  if (end === undefined || end < t) return null;
  const at = (n: number) => addSpan(end, scaleSpan(span, -n), timeZone);
  let n = Math.min(last, Math.max(0, Math.floor((end - t) / average)));
  while (n > 0 && at(n) < t) n--;
  while (n < last && at(n + 1) >= t) n++;
  return at(n);
}
