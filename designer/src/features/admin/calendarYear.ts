/** A year's days off and the weekend days worked in exchange (调休上班), YYYY-MM-DD. */
export interface YearDraft {
  readonly holidays: readonly string[];
  readonly workdays: readonly string[];
}

/** What a day is: a holiday or a worked weekend day by the calendar, else an ordinary weekday or weekend day. */
export type DayKind = 'holiday' | 'workday' | 'weekday' | 'weekend';

const pad = (n: number) => String(n).padStart(2, '0');

/** The date of day `day` of month `month` (1–12), as the calendar writes it. */
export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** 0 for Sunday … 6 for Saturday; dates are days, read without a time zone. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function isWeekend(date: string): boolean {
  const day = weekdayOf(date);
  return day === 0 || day === 6;
}

export function dayKind(draft: YearDraft, date: string): DayKind {
  if (draft.holidays.includes(date)) return 'holiday';
  if (draft.workdays.includes(date)) return 'workday';
  return isWeekend(date) ? 'weekend' : 'weekday';
}

const sorted = (dates: Iterable<string>) => [...new Set(dates)].sort();

/**
 * A click on a day: a weekday becomes a holiday and back; a weekend day becomes a day worked and
 * back. A weekend day that is listed as a holiday (a festival falling on a Saturday) is taken off the list.
 */
export function toggleDay(draft: YearDraft, date: string): YearDraft {
  const kind = dayKind(draft, date);
  if (kind === 'holiday') return { ...draft, holidays: draft.holidays.filter((d) => d !== date) };
  if (kind === 'workday') return { ...draft, workdays: draft.workdays.filter((d) => d !== date) };
  if (kind === 'weekday') return { ...draft, holidays: sorted([...draft.holidays, date]) };
  return { ...draft, workdays: sorted([...draft.workdays, date]) };
}

/**
 * A month's dates, and how many columns its first day stands after in a week from Monday (as
 * Chinese calendars print them): 3 for a month that begins on a Thursday.
 */
export function monthDays(year: number, month: number): { lead: number; dates: string[] } {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return {
    lead: (weekdayOf(isoDate(year, month, 1)) + 6) % 7,
    dates: Array.from({ length: days }, (_, i) => isoDate(year, month, i + 1)),
  };
}
