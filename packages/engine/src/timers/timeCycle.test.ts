import { describe, expect, it } from 'vitest';
import { firstDueAt, nextDueAt } from './index.ts';
import { at, firings, plan } from './testSupport.ts';

describe('timeCycle: ISO 8601 repeating intervals', () => {
  describe('R<n>/<duration>: every period from the moment it is armed', () => {
    const now = at('2026-12-01T14:30+08:00');

    it('R5/PT10M fires five times, ten minutes apart, starting ten minutes from now', () => {
      expect(firings(plan('timeCycle', 'R5/PT10M'), now)).toEqual([
        '2026-12-01 14:40:00',
        '2026-12-01 14:50:00',
        '2026-12-01 15:00:00',
        '2026-12-01 15:10:00',
        '2026-12-01 15:20:00',
      ]);
    });

    it('is exhausted once it fired its repetitions', () => {
      const timer = plan('timeCycle', 'R2/PT10M');
      expect(nextDueAt(timer, at('2026-12-01T14:40+08:00'), 1)).toBe(at('2026-12-01T14:50+08:00'));
      expect(nextDueAt(timer, at('2026-12-01T14:50+08:00'), 2)).toBeNull();
    });

    it('R, R-1 and a bare duration (Camunda 8) repeat without end', () => {
      const unbounded = { type: 'cycle', period: { minutes: 1 }, repetitions: null, timeZone: 'Asia/Shanghai' };
      for (const text of ['R/PT1M', 'R-1/PT1M', 'PT1M']) {
        const timer = plan('timeCycle', text);
        expect(timer, text).toEqual(unbounded);
        expect(firings(timer, now, 500), text).toHaveLength(500);
      }
    });

    it('R0 never fires', () => {
      expect(firstDueAt(plan('timeCycle', 'R0/PT1M'), now)).toBeNull();
    });

    it('adds a calendar period to the previous firing, so month ends drift (anchor a start date to avoid it)', () => {
      expect(firings(plan('timeCycle', 'R3/P1M'), at('2024-01-31T09:00+08:00'))).toEqual([
        '2024-02-29 09:00:00',
        '2024-03-29 09:00:00',
        '2024-04-29 09:00:00',
      ]);
    });
  });

  describe('R<n>/<start>/<duration>: first firing at the start, then every period', () => {
    it('R3/2026-12-01T14:30/P7D fires on three Tuesdays at 14:30', () => {
      expect(firings(plan('timeCycle', 'R3/2026-12-01T14:30/P7D'), at('2026-11-01T00:00+08:00'))).toEqual([
        '2026-12-01 14:30:00',
        '2026-12-08 14:30:00',
        '2026-12-15 14:30:00',
      ]);
    });

    it('R/2026-12-01T14:30/P7D repeats without end', () => {
      expect(firings(plan('timeCycle', 'R/2026-12-01T14:30/P7D'), at('2026-11-01T00:00+08:00'), 5)).toEqual([
        '2026-12-01 14:30:00',
        '2026-12-08 14:30:00',
        '2026-12-15 14:30:00',
        '2026-12-22 14:30:00',
        '2026-12-29 14:30:00',
      ]);
    });

    it('with a past start, first fires at the next occurrence at or after now', () => {
      const timer = plan('timeCycle', 'R-1/2024-05-31T12:00/PT10M');
      expect(firings(timer, at('2024-06-01T08:03:20+08:00'), 2)).toEqual(['2024-06-01 08:10:00', '2024-06-01 08:20:00']);
      expect(firstDueAt(timer, at('2024-06-01T08:10+08:00'))).toBe(at('2024-06-01T08:10+08:00'));
    });

    it('with a past start, the skipped occurrences count against the repetitions', () => {
      const timer = plan('timeCycle', 'R5/2024-06-01T00:00/P1D');
      expect(firings(timer, at('2024-06-03T12:00+08:00'))).toEqual(['2024-06-04 00:00:00', '2024-06-05 00:00:00']);
      // The series is located from lastDueAt, whatever `fired` says.
      expect(nextDueAt(timer, at('2024-06-05T00:00+08:00'), 1)).toBeNull();
    });

    it('never fires once all its repetitions lie in the past', () => {
      expect(firstDueAt(plan('timeCycle', 'R3/2024-06-01T00:00/P1D'), at('2024-06-10T00:00+08:00'))).toBeNull();
    });

    it('R0 never fires', () => {
      expect(firstDueAt(plan('timeCycle', 'R0/2026-12-01T14:30/P1D'), at('2026-11-01T00:00+08:00'))).toBeNull();
    });

    it('counts each month from the start, so month ends do not drift', () => {
      expect(firings(plan('timeCycle', 'R/2024-01-31T09:00/P1M'), at('2024-01-01T00:00+08:00'), 5)).toEqual([
        '2024-01-31 09:00:00',
        '2024-02-29 09:00:00',
        '2024-03-31 09:00:00',
        '2024-04-30 09:00:00',
        '2024-05-31 09:00:00',
      ]);
    });

    it('finds its place far into a long series', () => {
      const timer = plan('timeCycle', 'R/2000-01-31T09:00/P1M');
      expect(firings(timer, at('2024-02-15T00:00+08:00'), 2)).toEqual(['2024-02-29 09:00:00', '2024-03-31 09:00:00']);
      const everySecond = plan('timeCycle', 'R/1990-01-01T00:00/PT1S');
      expect(firstDueAt(everySecond, at('2024-06-01T12:00:00.500+08:00'))).toBe(at('2024-06-01T12:00:01+08:00'));
    });

    it('keeps the wall-clock time of day across DST for P1D, but not for PT24H', () => {
      const now = at('2024-03-29T00:00+01:00');
      expect(firings(plan('timeCycle', 'R4/2024-03-29T09:00/P1D', 'Europe/Berlin'), now, 10, 'Europe/Berlin')).toEqual([
        '2024-03-29 09:00:00',
        '2024-03-30 09:00:00',
        '2024-03-31 09:00:00',
        '2024-04-01 09:00:00',
      ]);
      expect(firings(plan('timeCycle', 'R3/2024-03-30T12:00/PT24H', 'Europe/Berlin'), now, 10, 'Europe/Berlin')).toEqual([
        '2024-03-30 12:00:00',
        '2024-03-31 13:00:00',
        '2024-04-01 13:00:00',
      ]);
    });
  });

  describe('R<n>/<duration>/<end>: every period up to the end, the last firing at the end', () => {
    const timer = plan('timeCycle', 'R-1/P1D/2024-07-12T10:00');

    it('fires every day until the end date', () => {
      expect(firings(timer, at('2024-07-09T15:00+08:00'))).toEqual(['2024-07-10 10:00:00', '2024-07-11 10:00:00', '2024-07-12 10:00:00']);
    });

    it('fires once when armed exactly at the end', () => {
      expect(firings(timer, at('2024-07-12T10:00+08:00'))).toEqual(['2024-07-12 10:00:00']);
    });

    it('never fires when the end has passed', () => {
      expect(firstDueAt(timer, at('2024-07-12T10:00:01+08:00'))).toBeNull();
    });

    it('with a count, fires only the last n occurrences', () => {
      expect(firings(plan('timeCycle', 'R2/PT1H/2024-07-12T10:00'), at('2024-07-12T06:00+08:00'))).toEqual([
        '2024-07-12 09:00:00',
        '2024-07-12 10:00:00',
      ]);
    });

    it('counts months back from the end without drifting', () => {
      expect(firings(plan('timeCycle', 'R/P1M/2024-05-31T09:00'), at('2024-02-01T00:00+08:00'))).toEqual([
        '2024-02-29 09:00:00',
        '2024-03-31 09:00:00',
        '2024-04-30 09:00:00',
        '2024-05-31 09:00:00',
      ]);
    });
  });

  describe('<start>/<end>: the interval between them is the period', () => {
    const start = at('2024-06-30T12:00+08:00');
    const daily = { type: 'cycle', period: { days: 1 }, repetitions: null, start, timeZone: 'Asia/Shanghai' };

    it('reads the end in short form, its omitted leading components taken from the start', () => {
      expect(plan('timeCycle', '2024-06-30T12:00/07-01T12:00')).toEqual(daily);
      expect(plan('timeCycle', '2024-06-30T12:00/2024-07-01T12:00')).toEqual(daily);
      expect(plan('timeCycle', '2024-06-28T12:00/30T12:00')).toEqual({
        ...daily,
        period: { days: 2 },
        start: at('2024-06-28T12:00+08:00'),
      });
      expect(plan('timeCycle', '2024-06-30T12:00/15:30')).toEqual({ ...daily, period: { seconds: 3.5 * 3600 } });
    });

    it('without R repeats without end, starting at the start', () => {
      expect(firings(plan('timeCycle', '2024-06-30T12:00/07-01T12:00'), at('2024-06-01T00:00+08:00'), 3)).toEqual([
        '2024-06-30 12:00:00',
        '2024-07-01 12:00:00',
        '2024-07-02 12:00:00',
      ]);
    });

    it('with R counts repetitions like any other cycle', () => {
      expect(firings(plan('timeCycle', 'R2/2024-06-30T12:00/2024-07-01T12:00'), at('2024-06-01T00:00+08:00'))).toEqual([
        '2024-06-30 12:00:00',
        '2024-07-01 12:00:00',
      ]);
    });

    it("gives a short-form end the start's offset", () => {
      expect(plan('timeCycle', '2024-06-30T12:00Z/07-01T12:00')).toEqual({ ...daily, start: at('2024-06-30T12:00Z') });
    });

    it('measures the interval in calendar days, so it keeps wall-clock time across DST', () => {
      const timer = plan('timeCycle', '2024-03-30T12:00/03-31T12:00', 'Europe/Berlin');
      expect(timer).toMatchObject({ period: { days: 1 } });
      expect(firings(timer, at('2024-03-01T00:00+01:00'), 3, 'Europe/Berlin')).toEqual([
        '2024-03-30 12:00:00',
        '2024-03-31 12:00:00',
        '2024-04-01 12:00:00',
      ]);
    });
  });

  it('plans are small JSON', () => {
    const timer = plan('timeCycle', 'R3/2026-12-01T14:30/P7D');
    expect(timer).toEqual({
      type: 'cycle',
      period: { days: 7 },
      repetitions: 3,
      start: at('2026-12-01T14:30+08:00'),
      timeZone: 'Asia/Shanghai',
    });
    expect(JSON.parse(JSON.stringify(timer))).toEqual(timer);
  });
});
