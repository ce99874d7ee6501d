import { describe, expect, it } from 'vitest';
import { dayKind, monthDays, toggleDay } from './calendarYear.ts';

// 2026: 国庆 1–7 October are off, Saturday 10 October is worked.
const october = { holidays: ['2026-10-01', '2026-10-02'], workdays: ['2026-10-10'] };

describe('a year of working days', () => {
  it('tells holidays, days worked in exchange, weekdays and weekends apart', () => {
    expect(dayKind(october, '2026-10-01')).toBe('holiday');
    expect(dayKind(october, '2026-10-10')).toBe('workday');
    expect(dayKind(october, '2026-10-12')).toBe('weekday');
    expect(dayKind(october, '2026-10-11')).toBe('weekend');
  });

  it('makes a weekday a holiday with a click, and an ordinary day again with another, in date order', () => {
    const added = toggleDay(october, '2026-06-01');
    expect(added.holidays).toEqual(['2026-06-01', '2026-10-01', '2026-10-02']);
    expect(toggleDay(added, '2026-06-01')).toEqual(october);
  });

  it('makes a weekend day a day worked, and takes one off the list again', () => {
    expect(toggleDay(october, '2026-09-20').workdays).toEqual(['2026-09-20', '2026-10-10']);
    expect(toggleDay(october, '2026-10-10').workdays).toEqual([]);
  });

  it('lays a month out in weeks from Monday', () => {
    // 1 October 2026 is a Thursday: three columns before it.
    const october = monthDays(2026, 10);
    expect(october.lead).toBe(3);
    expect(october.dates).toHaveLength(31);
    expect(october.dates[0]).toBe('2026-10-01');
    expect(monthDays(2026, 2).dates).toHaveLength(28);
    expect(monthDays(2028, 2).dates.at(-1)).toBe('2028-02-29');
    // 1 June 2026 is a Monday.
    expect(monthDays(2026, 6).lead).toBe(0);
  });
});
