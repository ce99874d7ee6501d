import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { DASHBOARD_ROLES } from './roles.ts';

dayjs.extend(utc);

export type Interval = 'week' | 'month';

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** A period's start as the server counts it, in China time, whatever the browser's zone: Monday the 7th, not Sunday the 6th. */
export const periodLabel = (iso: string, format: string): string => dayjs.utc(Date.parse(iso) + CHINA_OFFSET_MS).format(format);

/** What the dashboard counts: a unit and below, matters started in [from, to), one procedure or all. */
export interface Filters {
  readonly unit: string;
  readonly from: Dayjs;
  readonly to: Dayjs;
  readonly definitionKey?: string;
  readonly interval: Interval;
}

/** The last `days` days, today included: from that morning's midnight to the coming one. */
export function lastDays(days: number, today: Dayjs = dayjs()): [Dayjs, Dayjs] {
  const end = today.startOf('day').add(1, 'day');
  return [end.subtract(days, 'day'), end];
}

/** A range from the pickers: whole days, the last one included. */
export const wholeDays = (from: Dayjs, to: Dayjs): [Dayjs, Dayjs] => [from.startOf('day'), to.startOf('day').add(1, 'day')];

/** Weeks for a range of up to four months, months beyond. */
export const intervalFor = (from: Dayjs, to: Dayjs): Interval => (to.diff(from, 'day') <= 120 ? 'week' : 'month');

/** The query string both statistics routes take. */
export const statsQuery = (f: Filters) => ({
  unit: f.unit,
  from: f.from.toISOString(),
  to: f.to.toISOString(),
  ...(f.definitionKey ? { definitionKey: f.definitionKey } : {}),
});

interface Unit {
  readonly path: string;
  readonly name: string;
  readonly kind: string;
}
interface Grant {
  readonly role: string;
  readonly unitPath: string;
}

/** Units whose numbers the person may read: at or below a dashboard role, not offices (a town's departments), highest first. */
export function dashboardUnits(units: readonly Unit[], grants: readonly Grant[]): Unit[] {
  const tops = grants.filter((g) => DASHBOARD_ROLES.includes(g.role)).map((g) => g.unitPath);
  return units
    .filter((u) => u.kind !== 'department' && tops.some((top) => u.path.startsWith(top)))
    .sort((a, b) => a.path.split('/').length - b.path.split('/').length || (a.path < b.path ? -1 : 1));
}
