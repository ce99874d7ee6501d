import { type CalendarProblem, type CalendarYear, checkCalendarYear } from '@shanzhi/engine';
import type { Lang } from '@shanzhi/forms';
import { ApiError } from '../../errors.ts';

const WEEKDAYS: Record<Lang, readonly string[]> = {
  'zh-CN': ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

const weekday = (date: string, lang: Lang) => WEEKDAYS[lang][new Date(`${date}T00:00Z`).getUTCDay()];

const MESSAGES: Record<Lang, Record<CalendarProblem['rule'], (date: string, year: number) => string>> = {
  'zh-CN': {
    'not-a-date': (date) => `${date} 不是有效日期，应写作 YYYY-MM-DD`,
    'other-year': (date, year) => `${date} 不在 ${year} 年内`,
    'workday-not-weekend': (date) => `${date} 是${weekday(date, 'zh-CN')}，调休上班日只能是星期六或星期日`,
    both: (date) => `${date} 同时列为放假日和调休上班日`,
  },
  en: {
    'not-a-date': (date) => `${date} is not a date; write YYYY-MM-DD`,
    'other-year': (date, year) => `${date} is not in ${year}`,
    'workday-not-weekend': (date) => `${date} is a ${weekday(date, 'en')}; a day worked in exchange is a Saturday or a Sunday`,
    both: (date) => `${date} is listed both as a holiday and as a day worked`,
  },
};

/** 400 SZ_CALENDAR_INVALID naming each date that does not stand, with its field, in the request's language; nothing when all do. */
export function assertCalendarYear(calendar: CalendarYear, lang: Lang): void {
  const problems = checkCalendarYear(calendar).map(({ list, index, date, rule }) => ({
    field: `body.${list}[${index}]`,
    date,
    rule,
    message: MESSAGES[lang][rule](date, calendar.year),
  }));
  const [first] = problems;
  if (first) throw new ApiError('SZ_CALENDAR_INVALID', { field: first.field, problem: first.message }, problems);
}
