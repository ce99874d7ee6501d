import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { dashboardUnits, intervalFor, lastDays, periodLabel, wholeDays } from './filters.ts';

describe('the dashboard filters', () => {
  it('names a period by its start in China time, whatever zone the browser is in', () => {
    // Monday 7 December 2026, 00:00 in China, is still Sunday the 6th in UTC.
    expect(periodLabel('2026-12-06T16:00:00.000Z', 'YYYY-MM-DD')).toBe('2026-12-07');
  });

  it('counts whole days, the last one included', () => {
    const [from, to] = lastDays(30, dayjs('2026-12-08T15:30'));
    expect([from.format('YYYY-MM-DD HH:mm'), to.format('YYYY-MM-DD HH:mm')]).toEqual(['2026-11-09 00:00', '2026-12-09 00:00']);
    const [a, b] = wholeDays(dayjs('2026-11-01T10:00'), dayjs('2026-11-30T09:00'));
    expect([a.format('YYYY-MM-DD HH:mm'), b.format('YYYY-MM-DD HH:mm')]).toEqual(['2026-11-01 00:00', '2026-12-01 00:00']);
  });

  it('draws weeks up to four months, months beyond', () => {
    expect(intervalFor(...lastDays(90))).toBe('week');
    expect(intervalFor(...lastDays(365))).toBe('month');
  });

  it('offers the units at and below a dashboard role, highest first, without offices', () => {
    const units = [
      { path: '/nanhai/lishui/hefeng/', name: '鹤峰村', kind: 'village' },
      { path: '/nanhai/lishui/', name: '里水镇', kind: 'town' },
      { path: '/nanhai/lishui/dangjian/', name: '党建办', kind: 'department' },
      { path: '/nanhai/dali/', name: '大沥镇', kind: 'town' },
    ];
    expect(dashboardUnits(units, [{ role: 'town-admin', unitPath: '/nanhai/lishui/' }]).map((u) => u.name)).toEqual(['里水镇', '鹤峰村']);
    expect(dashboardUnits(units, [{ role: 'clerk', unitPath: '/nanhai/lishui/' }])).toEqual([]);
  });
});
