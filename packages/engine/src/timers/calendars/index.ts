import type { CalendarYear } from '../workCalendar.ts';
import cn2026 from './cn-2026.json' with { type: 'json' };
import cn2027 from './cn-2027.json' with { type: 'json' };

/** A year of a calendar as it is published, with where it comes from and whether it is settled. */
export interface PublishedCalendarYear extends CalendarYear {
  /** True while the year's arrangement is not yet published and the dates are a guess to be replaced. */
  readonly provisional: boolean;
  /** The source and what it says, in the words of the notice. */
  readonly note: string;
}

/**
 * China's public holidays and 调休 make-up working days (全国年节及纪念日放假办法 and each
 * year's 国务院办公厅关于部分节假日安排的通知), for hosts to offer as the national calendar. Each
 * year's file names its source; a provisional year holds only what the law fixes.
 */
export const CHINA_CALENDAR: readonly PublishedCalendarYear[] = [cn2026, cn2027];
