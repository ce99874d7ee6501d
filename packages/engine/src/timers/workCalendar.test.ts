import { describe, expect, it } from 'vitest';
import { CHINA_CALENDAR, checkCalendarYear } from './index.ts';

describe('a calendar year', () => {
  it.each(CHINA_CALENDAR.map((y) => [y.year, y] as const))(
    '%i as bundled stands: real dates of the year, workdays on weekends',
    (_, year) => {
      expect(checkCalendarYear(year)).toEqual([]);
    },
  );

  it('2026 is the published arrangement, 2027 provisional until it is published', () => {
    expect(CHINA_CALENDAR.map((y) => [y.year, y.provisional])).toEqual([
      [2026, false],
      [2027, true],
    ]);
    expect(CHINA_CALENDAR[0]?.note).toContain('国务院办公厅关于2026年部分节假日安排的通知');
    expect(CHINA_CALENDAR[1]?.note).toContain('暂定');
  });

  it('names each date that is no date of its year, with its list and place', () => {
    const problems = checkCalendarYear({ year: 2026, holidays: ['2026-10-01', '2026-02-30', '2026-9-1', '2027-01-01'], workdays: [] });
    expect(problems).toEqual([
      { list: 'holidays', index: 1, date: '2026-02-30', rule: 'not-a-date' },
      { list: 'holidays', index: 2, date: '2026-9-1', rule: 'not-a-date' },
      { list: 'holidays', index: 3, date: '2027-01-01', rule: 'other-year' },
    ]);
  });

  it('refuses a workday that is no Saturday or Sunday, and a date that is both a holiday and a workday', () => {
    const problems = checkCalendarYear({ year: 2026, holidays: ['2026-10-10'], workdays: ['2026-10-10', '2026-10-12', '2026-09-20'] });
    expect(problems).toEqual([
      { list: 'workdays', index: 0, date: '2026-10-10', rule: 'both' },
      { list: 'workdays', index: 1, date: '2026-10-12', rule: 'workday-not-weekend' },
    ]);
  });
});
