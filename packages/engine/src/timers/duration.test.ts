import { describe, expect, it } from 'vitest';
import { addDuration, firstDueAt, nextDueAt, parseDuration } from './index.ts';
import { at, plan, wall } from './testSupport.ts';

describe('parseDuration', () => {
  it('keeps only the components that are present, so PT0S is {}', () => {
    expect(parseDuration('PT10M')).toEqual({ ok: true, value: { minutes: 10 } });
    expect(parseDuration('P2W')).toEqual({ ok: true, value: { weeks: 2 } });
    expect(parseDuration('P1Y2M3DT4H5M6.5S')).toEqual({
      ok: true,
      value: { years: 1, months: 2, days: 3, hours: 4, minutes: 5, seconds: 6.5 },
    });
    expect(parseDuration('P1W2D')).toEqual({ ok: true, value: { weeks: 1, days: 2 } });
    expect(parseDuration('PT1,5S')).toEqual({ ok: true, value: { seconds: 1.5 } });
    expect(parseDuration('PT0S')).toEqual({ ok: true, value: {} });
  });

  it.each([
    ['', "'' is not an ISO 8601 duration"],
    ['P', "'P' has no components"],
    ['PT', "'PT' has a 'T' with no hours, minutes or seconds after it"],
    ['P1DT', "'P1DT' has a 'T' with no hours"],
    ['-P1D', "'-P1D' is negative"],
    ['P1.5D', "'P1.5D' has a fraction outside the seconds"],
    ['PT0.5H', "'PT0.5H' has a fraction outside the seconds"],
    ['PT10', "'PT10' is not an ISO 8601 duration"],
    ['10M', "'10M' is not an ISO 8601 duration"],
    ['P1M1Y', "'P1M1Y' is not an ISO 8601 duration"],
    ['pt10m', "'pt10m' is not an ISO 8601 duration"],
    ['P5000Y', "'P5000Y' is longer than 1000 years"],
    ['PT99999999999999999999S', 'is longer than 1000 years'],
  ])('rejects %j', (text, message) => {
    const parsed = parseDuration(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(message);
  });
});

describe('addDuration: calendar-aware in the time zone', () => {
  it('adds elapsed hours, minutes and seconds exactly', () => {
    expect(addDuration(at('2026-12-01T14:30+08:00'), 'PT10M', 'Asia/Shanghai')).toBe(at('2026-12-01T14:40+08:00'));
    expect(addDuration(at('2026-12-01T14:30+08:00'), 'PT1.5S', 'Asia/Shanghai')).toBe(at('2026-12-01T14:30:01.500+08:00'));
  });

  it('adds every component of P1Y2M3DT4H5M6.5S', () => {
    expect(wall(addDuration(at('2024-01-10T08:00+08:00'), 'P1Y2M3DT4H5M6.5S', 'Asia/Shanghai'))).toBe('2025-03-13 12:05:06');
  });

  it('treats a week as seven days', () => {
    expect(addDuration(at('2026-12-01T14:30+08:00'), 'P2W', 'Asia/Shanghai')).toBe(at('2026-12-15T14:30+08:00'));
  });

  it('clamps to the last day of a shorter month', () => {
    const jan31 = at('2025-01-31T09:00+08:00');
    expect(wall(addDuration(jan31, 'P1M', 'Asia/Shanghai'))).toBe('2025-02-28 09:00:00');
    expect(wall(addDuration(at('2024-01-31T09:00+08:00'), 'P1M', 'Asia/Shanghai'))).toBe('2024-02-29 09:00:00');
    expect(wall(addDuration(at('2024-02-29T09:00+08:00'), 'P1Y', 'Asia/Shanghai'))).toBe('2025-02-28 09:00:00');
  });

  it('adds months before days', () => {
    expect(wall(addDuration(at('2025-01-31T09:00+08:00'), 'P1M1D', 'Asia/Shanghai'))).toBe('2025-03-01 09:00:00');
  });

  it('keeps the wall-clock time when a day crosses a DST change, unlike 24 elapsed hours', () => {
    const berlinSaturdayNoon = at('2024-03-30T12:00+01:00');
    expect(wall(addDuration(berlinSaturdayNoon, 'P1D', 'Europe/Berlin'), 'Europe/Berlin')).toBe('2024-03-31 12:00:00');
    expect(wall(addDuration(berlinSaturdayNoon, 'PT24H', 'Europe/Berlin'), 'Europe/Berlin')).toBe('2024-03-31 13:00:00');

    const newYorkSaturdayNoon = at('2024-11-02T12:00-04:00');
    expect(addDuration(newYorkSaturdayNoon, 'P1D', 'America/New_York')).toBe(at('2024-11-03T12:00-05:00'));
    expect(addDuration(newYorkSaturdayNoon, 'P1D', 'America/New_York') - newYorkSaturdayNoon).toBe(25 * 3_600_000);
  });

  it('moves a day landing in a skipped hour forward by the gap', () => {
    expect(wall(addDuration(at('2024-03-30T02:30+01:00'), 'P1D', 'Europe/Berlin'), 'Europe/Berlin')).toBe('2024-03-31 03:30:00');
  });

  it('throws a RangeError for a bad duration or time zone', () => {
    expect(() => addDuration(0, 'P', 'Asia/Shanghai')).toThrow(RangeError);
    expect(() => addDuration(0, '-P1D', 'Asia/Shanghai')).toThrow("'-P1D' is negative");
    expect(() => addDuration(0, 'P1D', 'Mars/Olympus')).toThrow("unknown time zone 'Mars/Olympus'");
  });
});

describe('timeDuration: fires once, the duration after it is armed', () => {
  const now = at('2026-12-01T14:30+08:00');

  it('fires at now + duration', () => {
    expect(firstDueAt(plan('timeDuration', 'PT10M'), now)).toBe(at('2026-12-01T14:40+08:00'));
    expect(wall(firstDueAt(plan('timeDuration', 'P1Y2M'), now))).toBe('2028-02-01 14:30:00');
  });

  it('fires at once for PT0S', () => {
    expect(firstDueAt(plan('timeDuration', 'PT0S'), now)).toBe(now);
  });

  it('counts P1D in calendar days of its time zone', () => {
    const timer = plan('timeDuration', 'P1D', 'Europe/Berlin');
    expect(wall(firstDueAt(timer, at('2024-10-26T09:00+02:00')), 'Europe/Berlin')).toBe('2024-10-27 09:00:00');
  });

  it('fires only once', () => {
    expect(nextDueAt(plan('timeDuration', 'PT10M'), now, 1)).toBeNull();
  });

  it('is a small JSON plan', () => {
    expect(plan('timeDuration', 'PT10M')).toEqual({
      type: 'duration',
      duration: { minutes: 10 },
      timeZone: 'Asia/Shanghai',
    });
  });
});
