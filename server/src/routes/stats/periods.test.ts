import { describe, expect, it } from 'vitest';
import { periodBounds, periodStart } from './periods.ts';

const at = (text: string) => Date.parse(text);

describe('dashboard periods', () => {
  it('starts a week on Monday and a month on the 1st, at midnight in China', () => {
    expect(periodStart(at('2026-12-09T10:00+08:00'), 'week')).toBe(at('2026-12-07T00:00+08:00'));
    expect(periodStart(at('2026-12-07T00:00+08:00'), 'week')).toBe(at('2026-12-07T00:00+08:00'));
    expect(periodStart(at('2026-12-06T23:59+08:00'), 'week')).toBe(at('2026-11-30T00:00+08:00'));
    expect(periodStart(at('2026-11-30T17:00Z'), 'month')).toBe(at('2026-12-01T00:00+08:00'));
    expect(periodStart(at('2026-11-30T15:59Z'), 'month')).toBe(at('2026-11-01T00:00+08:00'));
  });

  it('covers the range with whole periods, across a year end', () => {
    expect(periodBounds(at('2026-11-15T00:00+08:00'), at('2027-01-02T00:00+08:00'), 'month', 12)).toEqual([
      at('2026-11-01T00:00+08:00'),
      at('2026-12-01T00:00+08:00'),
      at('2027-01-01T00:00+08:00'),
      at('2027-02-01T00:00+08:00'),
    ]);
    expect(periodBounds(at('2026-12-08T00:00+08:00'), at('2026-12-14T00:00+08:00'), 'week', 12)).toEqual([
      at('2026-12-07T00:00+08:00'),
      at('2026-12-14T00:00+08:00'),
    ]);
  });

  it('stops one period past the limit, so a range too long is told without building it', () => {
    expect(periodBounds(at('2020-01-01T00:00+08:00'), at('2030-01-01T00:00+08:00'), 'week', 10)).toHaveLength(12);
  });
});
