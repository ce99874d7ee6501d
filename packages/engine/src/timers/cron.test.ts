import { describe, expect, it } from 'vitest';
import { firstDueAt, nextDueAt } from './index.ts';
import { at, errorOf, firings, plan } from './testSupport.ts';

describe('timeCycle: cron expressions, evaluated in the time zone', () => {
  const mondayMorning = at('2026-11-30T09:00+08:00');

  it('党建星期二: the pairing sessions every Tuesday at 14:30 Asia/Shanghai', () => {
    expect(firings(plan('timeCycle', '30 14 * * 2'), mondayMorning, 3)).toEqual([
      '2026-12-01 14:30:00',
      '2026-12-08 14:30:00',
      '2026-12-15 14:30:00',
    ]);
  });

  it('accepts 6 fields with seconds first, ? and day names, as Spring and Camunda 8 write them', () => {
    expect(firings(plan('timeCycle', '0 30 14 ? * TUE'), mondayMorning, 2)).toEqual(['2026-12-01 14:30:00', '2026-12-08 14:30:00']);
    expect(firings(plan('timeCycle', '0 0 9 * * TUE'), mondayMorning, 2)).toEqual(['2026-12-01 09:00:00', '2026-12-08 09:00:00']);
  });

  it('fires at the moment it is armed when that moment matches, otherwise at the next match', () => {
    const timer = plan('timeCycle', '30 14 * * 2');
    expect(firstDueAt(timer, at('2026-12-01T14:30+08:00'))).toBe(at('2026-12-01T14:30+08:00'));
    expect(firstDueAt(timer, at('2026-12-01T14:30:00.001+08:00'))).toBe(at('2026-12-08T14:30+08:00'));
  });

  it('never runs out', () => {
    const timer = plan('timeCycle', '*/5 * * * *');
    expect(firings(timer, mondayMorning, 300)).toHaveLength(300);
    expect(nextDueAt(timer, at('2026-11-30T09:05+08:00'), 1_000_000)).toBe(at('2026-11-30T09:10+08:00'));
  });

  it('keeps local time across DST in the definition time zone', () => {
    expect(firings(plan('timeCycle', '0 9 * * *', 'Europe/Berlin'), at('2024-03-30T00:00+01:00'), 3, 'Europe/Berlin')).toEqual([
      '2024-03-30 09:00:00',
      '2024-03-31 09:00:00',
      '2024-04-01 09:00:00',
    ]);
    expect(firings(plan('timeCycle', '30 14 * * 2', 'America/New_York'), at('2024-10-29T00:00-04:00'), 2, 'America/New_York')).toEqual([
      '2024-10-29 14:30:00',
      '2024-11-05 14:30:00',
    ]);
  });

  it('stores the expression with its whitespace normalised', () => {
    expect(plan('timeCycle', ' 30  14 * *\t2 ')).toEqual({
      type: 'cron',
      expression: '30 14 * * 2',
      timeZone: 'Asia/Shanghai',
    });
  });

  it('is deterministic even with hashed (H) fields', () => {
    const timer = plan('timeCycle', 'H 9 * * *');
    expect(firstDueAt(timer, mondayMorning)).toBe(firstDueAt(plan('timeCycle', 'H 9 * * *'), mondayMorning));
  });

  it.each([
    ['* * *', 'a cron expression has 5 fields (minute hour day month weekday) or 6 (seconds first), not 3'],
    ['0 0 9 * * * 2026', 'not 7'],
    ['61 * * * *', 'not a valid cron expression: Constraint error, got value 61 expected range 0-59'],
    ['0 0 30 2 *', 'not a valid cron expression'],
    ['every tuesday at 14:30', 'not 4'],
    ['at 14 on every tuesday', 'not a valid cron expression'],
  ])('rejects %j', (text, message) => {
    const error = errorOf('timeCycle', text);
    expect(error.startsWith(`timer cycle '${text}': `)).toBe(true);
    expect(error).toContain(message);
  });
});
