import { CHINA_CALENDAR, type PublishedCalendarYear, type WorkCalendar } from '@shanzhi/engine';
import type { CalendarRecord, Store } from '@shanzhi/store';
import type { Clock } from '../clock.ts';

/** Where the national calendar is kept: above every unit, so each unit without its own uses it. */
export const NATIONAL = '/';

/** Who wrote a calendar the server bundles; a calendar an admin edited names the admin instead. */
export const BUNDLED_BY = 'system:calendar';

/** How long a year read for a unit is used before it is read again (a change made through another server process). */
export const CALENDAR_TTL_MS = 60_000;

/** The years handed to the engine: the one a command runs in and the two after it (500 working days, the most, are about two years). */
const YEARS_AHEAD = 3;

/**
 * The working days the engine counts with for a unit: for the year a command runs in and the two
 * after it, the calendar that holds at the unit (its own, else the nearest unit above; the
 * national one at `/`). Years are kept for a minute, and forgotten at once when an admin of this
 * process changes one, so a change moves the due dates set after it; dates set before stay.
 */
export class Calendars {
  private readonly cache = new Map<string, { readonly until: number; readonly year: Promise<CalendarRecord | undefined> }>();

  constructor(private readonly deps: { readonly store: Store; readonly clock: Clock }) {}

  async forUnit(unitPath: string, now: number): Promise<WorkCalendar> {
    const first = new Date(now).getUTCFullYear();
    const years = await Promise.all(Array.from({ length: YEARS_AHEAD }, (_, i) => this.year(unitPath, first + i)));
    return { years: years.filter((y) => y !== undefined) };
  }

  /** A calendar was put: every unit below it may count differently now. */
  forget(): void {
    this.cache.clear();
  }

  /**
   * Puts the bundled national calendar at `/` for each year it lacks there, and replaces a year
   * the server put before when the bundled one has changed since (a release with the year's
   * arrangement published); a year an admin has edited is left as it is.
   */
  async seedNational(): Promise<void> {
    const { store, clock } = this.deps;
    for (const bundled of CHINA_CALENDAR) {
      const kept = await store.calendars.forUnit(NATIONAL, bundled.year);
      if (kept && (kept.updatedBy !== BUNDLED_BY || sameAsBundled(kept, bundled))) continue;
      await store.calendars.put({ ...bundled, unitPath: NATIONAL, updatedAt: clock.now(), updatedBy: BUNDLED_BY });
    }
    this.forget();
  }

  private year(unitPath: string, year: number): Promise<CalendarRecord | undefined> {
    const key = `${year}@${unitPath}`;
    const now = this.deps.clock.now();
    const hit = this.cache.get(key);
    if (hit && hit.until > now) return hit.year;
    const read = this.deps.store.calendars.forUnit(unitPath, year);
    this.cache.set(key, { until: now + CALENDAR_TTL_MS, year: read });
    read.catch(() => this.cache.delete(key));
    return read;
  }
}

function sameAsBundled(kept: CalendarRecord, bundled: PublishedCalendarYear): boolean {
  const text = (c: Pick<CalendarRecord, 'holidays' | 'workdays' | 'provisional' | 'note'>) =>
    JSON.stringify([c.holidays, c.workdays, c.provisional ?? false, c.note ?? '']);
  return text(kept) === text(bundled);
}
