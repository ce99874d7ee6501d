/**
 * ISO 8601 durations: PnYnMnWnDTnHnMnS (weeks may be combined with other
 * units, as ISO 8601-2 and java.time allow). Only seconds may have a fraction:
 * a fraction of a month or a day has no single meaning across a calendar.
 */

/** Only the non-zero components are present, so it stays small as JSON. PT0S is {}. */
export interface Duration {
  years?: number;
  months?: number;
  weeks?: number;
  days?: number;
  hours?: number;
  minutes?: number;
  seconds?: number;
}

/**
 * A duration reduced to what arithmetic needs: calendar months, calendar days
 * (both applied to the wall clock) and exact milliseconds (elapsed time).
 */
export interface Span {
  months: number;
  days: number;
  ms: number;
}

const DAY_MS = 86_400_000;
const AVERAGE_MONTH_MS = (365.2425 / 12) * DAY_MS;
/** Far beyond any workflow; keeps every date inside JavaScript's range. */
const MAX_DURATION_MS = 1000 * 12 * AVERAGE_MONTH_MS;

const SHAPE = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

const HINT = 'expected e.g. PT10M, P1D, P2W or P1Y2M3DT4H5M6.5S';

export function parseDuration(text: string): { ok: true; value: Duration } | { ok: false; message: string } {
  const fail = (why: string) => ({ ok: false as const, message: `'${text}' ${why}` });
  if (text.startsWith('-')) return fail('is negative; durations must not be negative');
  const match = SHAPE.exec(text);
  if (!match) {
    if (/^P.*\d[.,]\d+[YMWDH]/.test(text)) return fail('has a fraction outside the seconds; only seconds may have one');
    if (text.includes('WD')) return fail('counts working days, which due dates and timer durations take (P3WD) but cycles do not');
    return fail(`is not an ISO 8601 duration (${HINT})`);
  }
  if (text.endsWith('T')) return fail(`has a 'T' with no hours, minutes or seconds after it (${HINT})`);
  if (match.slice(1).every((group) => group === undefined)) return fail(`has no components (${HINT})`);

  const [, years, months, weeks, days, hours, minutes, seconds] = match;
  const value: Duration = {};
  const put = (key: keyof Duration, digits: string | undefined) => {
    const n = digits === undefined ? 0 : Number(digits.replace(',', '.'));
    if (n !== 0) value[key] = n;
  };
  put('years', years);
  put('months', months);
  put('weeks', weeks);
  put('days', days);
  put('hours', hours);
  put('minutes', minutes);
  put('seconds', seconds);
  if (approximateMs(toSpan(value)) > MAX_DURATION_MS) return fail('is longer than 1000 years');
  return { ok: true, value };
}

export function toSpan(d: Duration): Span {
  return {
    months: (d.years ?? 0) * 12 + (d.months ?? 0),
    days: (d.weeks ?? 0) * 7 + (d.days ?? 0),
    ms: Math.round(((d.hours ?? 0) * 3600 + (d.minutes ?? 0) * 60 + (d.seconds ?? 0)) * 1000),
  };
}

export function scaleSpan(span: Span, factor: number): Span {
  return { months: span.months * factor, days: span.days * factor, ms: span.ms * factor };
}

/** Average length on the Gregorian calendar: good for estimates, never for results. */
export function approximateMs(span: Span): number {
  return span.months * AVERAGE_MONTH_MS + span.days * DAY_MS + span.ms;
}
