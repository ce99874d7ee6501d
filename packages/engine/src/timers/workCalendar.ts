import { daysInMonth } from './calendar.ts';

/**
 * Which days an office works, as a host keeps them year by year: China's 放假调休 arrangement is
 * published each year as days off (节假日, with the weekdays given off in exchange) and the
 * weekend days worked in exchange (调休上班). Saturday and Sunday are off and Monday to Friday
 * worked unless a year lists them otherwise; a year the calendar does not hold counts Monday to
 * Friday.
 */
export interface WorkCalendar {
  readonly years: readonly CalendarYear[];
}

export interface CalendarYear {
  readonly year: number;
  /** Days off (YYYY-MM-DD): the public holidays and the weekdays given off around them; weekend days may be listed too. */
  readonly holidays: readonly string[];
  /** Saturdays and Sundays that are worked (调休上班), YYYY-MM-DD. */
  readonly workdays: readonly string[];
}

/** A date of a calendar year that cannot stand: where it is and why. */
export interface CalendarProblem {
  readonly list: 'holidays' | 'workdays';
  readonly index: number;
  readonly date: string;
  readonly rule: 'not-a-date' | 'other-year' | 'workday-not-weekend' | 'both';
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Every date that is no real date of the year, a workday on a weekday, or a date listed as both. */
export function checkCalendarYear(calendar: CalendarYear): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  const holidays = new Set(calendar.holidays);
  for (const list of ['holidays', 'workdays'] as const) {
    calendar[list].forEach((date, index) => {
      const rule = dateRule(date, calendar.year) ?? (list === 'workdays' ? workdayRule(date, holidays) : undefined);
      if (rule) problems.push({ list, index, date, rule });
    });
  }
  return problems;
}

function dateRule(date: string, year: number): CalendarProblem['rule'] | undefined {
  const match = DATE.exec(date);
  const [y, m, d] = match ? match.slice(1).map(Number) : [];
  if (y === undefined || m === undefined || d === undefined || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return 'not-a-date';
  return y === year ? undefined : 'other-year';
}

function workdayRule(date: string, holidays: ReadonlySet<string>): CalendarProblem['rule'] | undefined {
  if (holidays.has(date)) return 'both';
  return isWeekend(Date.parse(`${date}T00:00Z`)) ? undefined : 'workday-not-weekend';
}

/** Whether a day, given as wall milliseconds at its midnight (zone.ts), is worked. */
export type WorkingDayTest = (wallMidnight: number) => boolean;

export function workingDayTest(calendar: WorkCalendar | undefined): WorkingDayTest {
  const off = new Set(calendar?.years.flatMap((y) => y.holidays));
  const worked = new Set(calendar?.years.flatMap((y) => y.workdays));
  return (wallMidnight) => {
    const date = new Date(wallMidnight).toISOString().slice(0, 10);
    if (off.has(date)) return false;
    return worked.has(date) || !isWeekend(wallMidnight);
  };
}

function isWeekend(wall: number): boolean {
  const weekday = new Date(wall).getUTCDay();
  return weekday === 0 || weekday === 6;
}
