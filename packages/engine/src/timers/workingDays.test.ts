import { describe, expect, it } from 'vitest';
import { addWorkingDays, CHINA_CALENDAR, firstDueAt, nextDueAt, parseDue, type WorkCalendar } from './index.ts';
import { at, errorOf, plan, wall } from './testSupport.ts';

const CHINA: WorkCalendar = { years: CHINA_CALENDAR };
const ONLY_2026: WorkCalendar = { years: CHINA_CALENDAR.filter((y) => y.year === 2026) };

/** When `days` working days from the instant end by the calendar, as wall-clock time in Beijing. */
const endBy = (calendar: WorkCalendar | undefined) => (from: string, days: number) =>
  wall(addWorkingDays(at(from), days, calendar, 'Asia/Shanghai'));
const end = endBy(CHINA);

describe('working days (PnWD): 3个工作日内 ends with the third working day after the day it starts', () => {
  it('from Friday 25 September 2026, the Friday before 国庆, end on Wednesday 30 September: the 25th is 中秋节 itself, the weekend after it is off, so the 28th, 29th and 30th count', () => {
    expect(end('2026-09-25T10:00+08:00', 3)).toBe('2026-09-30 23:59:59');
  });

  it('from Wednesday 30 September 2026 end on Saturday 10 October, a weekend day worked in exchange (调休上班): 1–7 October are off, the 8th and 9th count, then the 10th', () => {
    expect(end('2026-09-30T16:00+08:00', 3)).toBe('2026-10-10 23:59:59');
  });

  it('count a Sunday worked in exchange: from Friday 18 September 2026 the 20th (Sunday), 21st and 22nd count', () => {
    expect(end('2026-09-18T09:00+08:00', 3)).toBe('2026-09-22 23:59:59');
  });

  it('skip a plain weekend: from Friday 11 September 2026 the 14th, 15th and 16th count', () => {
    expect(end('2026-09-11T09:00+08:00', 3)).toBe('2026-09-16 23:59:59');
  });

  it('never count the day they start, at whatever hour, and end at its last millisecond, not at the clock time they started', () => {
    expect(end('2026-09-14T00:00+08:00', 3)).toBe('2026-09-17 23:59:59');
    expect(end('2026-09-14T23:59:59+08:00', 3)).toBe('2026-09-17 23:59:59');
    expect(addWorkingDays(at('2026-09-14T15:00+08:00'), 3, CHINA, 'Asia/Shanghai')).toBe(at('2026-09-17T23:59:59.999+08:00'));
  });

  it('started on a day off, count from the next working day: from Saturday 3 October 2026 (国庆) the 8th, 9th and 10th count', () => {
    expect(end('2026-10-03T11:00+08:00', 3)).toBe('2026-10-10 23:59:59');
  });

  it('cross the year end: from Wednesday 31 December 2025, 元旦 is 1–3 January 2026 and Sunday 4 January is worked, so the 4th, 5th and 6th count', () => {
    expect(end('2025-12-31T10:00+08:00', 3)).toBe('2026-01-06 23:59:59');
  });

  it('count a year the calendar does not hold Monday to Friday: from Thursday 31 December 2026, 1 January 2027 counts unless 2027 is held', () => {
    expect(endBy(ONLY_2026)('2026-12-31T10:00+08:00', 3)).toBe('2027-01-05 23:59:59');
    expect(end('2026-12-31T10:00+08:00', 3)).toBe('2027-01-06 23:59:59');
  });

  it('without a calendar are Monday to Friday: from Wednesday 30 September 2026 the 1st, 2nd and 5th of October count', () => {
    expect(endBy(undefined)('2026-09-30T16:00+08:00', 3)).toBe('2026-10-05 23:59:59');
  });

  it('P0WD ends with the day it starts when that is a working day, else with the next one (当日办结)', () => {
    expect(end('2026-09-14T10:00+08:00', 0)).toBe('2026-09-14 23:59:59');
    expect(end('2026-09-25T10:00+08:00', 0)).toBe('2026-09-28 23:59:59');
  });

  it("count days in the time zone given: 04:00 on Tuesday in Beijing is still Monday in UTC, so P1WD ends with Beijing's Wednesday but UTC's Tuesday", () => {
    const mondayNightUtc = at('2026-09-14T20:00Z');
    expect(wall(addWorkingDays(mondayNightUtc, 1, CHINA, 'Asia/Shanghai'))).toBe('2026-09-16 23:59:59');
    expect(wall(addWorkingDays(mondayNightUtc, 1, CHINA, 'UTC'), 'UTC')).toBe('2026-09-15 23:59:59');
  });
});

describe('PnWD as a timer duration and a due date', () => {
  it('plans a timer as the number of working days, which the calendar given when it is armed times', () => {
    const timer = plan('timeDuration', 'P3WD');
    expect(timer).toEqual({ type: 'workingDays', days: 3, timeZone: 'Asia/Shanghai' });
    expect(JSON.parse(JSON.stringify(timer))).toEqual(timer);
    expect(wall(firstDueAt(timer, at('2026-09-30T16:00+08:00'), CHINA))).toBe('2026-10-10 23:59:59');
    expect(wall(firstDueAt(timer, at('2026-09-30T16:00+08:00')))).toBe('2026-10-05 23:59:59');
  });

  it('fires once', () => {
    expect(nextDueAt(plan('timeDuration', 'P3WD'), at('2026-10-10T23:59:59.999+08:00'), 1)).toBeNull();
  });

  it('is a due date like a date-time or an ISO duration', () => {
    expect(parseDue(' P3WD ', 'Asia/Shanghai')).toEqual({ ok: true, plan: { type: 'workingDays', days: 3, timeZone: 'Asia/Shanghai' } });
    expect(parseDue('P3D', 'Asia/Shanghai')).toEqual({
      ok: true,
      plan: { type: 'duration', duration: { days: 3 }, timeZone: 'Asia/Shanghai' },
    });
    expect(parseDue('2026-10-09T17:30', 'Asia/Shanghai')).toEqual({ ok: true, plan: { type: 'date', at: at('2026-10-09T17:30+08:00') } });
    expect(parseDue('三个工作日', 'Asia/Shanghai')).toEqual({
      ok: false,
      message: "'三个工作日' is neither an ISO date-time (2026-10-09T17:30), a duration (P3D) nor working days (P3WD)",
    });
  });

  it.each([
    ['P1WDT4H', "timer duration 'P1WDT4H': 'P1WDT4H' is not a number of working days: write them alone, as PnWD (e.g. P3WD)"],
    ['P1W2WD', "timer duration 'P1W2WD': 'P1W2WD' is not a number of working days: write them alone, as PnWD (e.g. P3WD)"],
    ['P501WD', "timer duration 'P501WD': 'P501WD' is more than 500 working days"],
  ])('rejects the duration %j', (text, message) => {
    expect(errorOf('timeDuration', text)).toBe(message);
  });

  it('rejects working days in a cycle, which repeats by the calendar, not by working days', () => {
    expect(errorOf('timeCycle', 'R3/P1WD')).toBe(
      "timer cycle 'R3/P1WD': 'P1WD' counts working days, which due dates and timer durations take (P3WD) but cycles do not",
    );
  });
});
