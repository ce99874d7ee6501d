import { describe, expect, it } from 'vitest';
import { MAX_TIMER_TEXT, parseTimer } from './index.ts';
import { errorOf } from './testSupport.ts';

const DATE_HINT = '(expected e.g. 2026-12-01T14:30:00, 2026-12-01T14:30:00+08:00 or 2026-12-01)';
const DURATION_HINT = '(expected e.g. PT10M, P1D, P2W or P1Y2M3DT4H5M6.5S)';

describe('parseTimer rejects bad timers with a message that quotes the text and says what is wrong', () => {
  it.each([
    ['timeDate', '', 'timer date is empty'],
    ['timeDuration', '  \n ', 'timer duration is empty'],
    ['timeCycle', '', 'timer cycle is empty'],
  ] as const)('%s %j', (kind, text, message) => {
    expect(errorOf(kind, text)).toBe(message);
  });

  it('rejects text longer than 200 characters, quoting only its beginning', () => {
    const text = `R/PT1M${'M'.repeat(250)}`;
    expect(errorOf('timeCycle', text)).toBe(
      `timer cycle '${text.slice(0, 40)}…' is ${text.length} characters long; at most ${MAX_TIMER_TEXT} are allowed`,
    );
  });

  it('rejects an unknown time zone', () => {
    expect(errorOf('timeDate', '2026-12-01T14:30', 'Mars/Olympus')).toBe(
      "timer date '2026-12-01T14:30': 'Mars/Olympus' is not a known IANA time zone",
    );
    expect(errorOf('timeCycle', '30 14 * * 2', '')).toBe("timer cycle '30 14 * * 2': '' is not a known IANA time zone");
  });

  describe('timeDate', () => {
    it.each([
      ['tomorrow', `'tomorrow' is not an ISO 8601 date-time ${DATE_HINT}`],
      ['2026-13-40', "'2026-13-40' is not a valid date: there is no month 13"],
      ['2026-02-30', "'2026-02-30' is not a valid date: there is no day 30 in 2026-02"],
      ['2026-12-01T25:00', "'2026-12-01T25:00' is not a valid time of day"],
      ['2026-12-01T14:30:60', "'2026-12-01T14:30:60' is not a valid time of day"],
      ['2026-12-01T', `'2026-12-01T' is not an ISO 8601 date-time ${DATE_HINT}`],
      ['2026-12-01T14:30+19:00', "'2026-12-01T14:30+19:00' has an offset '+19:00' outside -18:00 to +18:00"],
      ['07-01T12:00', `'07-01T12:00' is missing its year, month or day ${DATE_HINT}`],
      ['2024-06-30T12:00/07-01T12:00', `'2024-06-30T12:00/07-01T12:00' is not an ISO 8601 date-time ${DATE_HINT}`],
      ['30 14 * * 2', `'30 14 * * 2' is not an ISO 8601 date-time ${DATE_HINT}`],
    ])('%j', (text, message) => {
      expect(errorOf('timeDate', text)).toBe(`timer date '${text}': ${message}`);
    });
  });

  describe('timeDuration', () => {
    it.each([
      ['soon', `'soon' is not an ISO 8601 duration ${DURATION_HINT}`],
      ['P', `'P' has no components ${DURATION_HINT}`],
      ['PT', `'PT' has a 'T' with no hours, minutes or seconds after it ${DURATION_HINT}`],
      ['-P1D', "'-P1D' is negative; durations must not be negative"],
      ['P1.5D', "'P1.5D' has a fraction outside the seconds; only seconds may have one"],
      ['P5000Y', "'P5000Y' is longer than 1000 years"],
    ])('%j', (text, message) => {
      expect(errorOf('timeDuration', text)).toBe(`timer duration '${text}': ${message}`);
    });
  });

  describe('timeCycle', () => {
    it.each([
      ['R/XYZ', "'XYZ' is not an ISO 8601 duration or date-time"],
      ['R-2/PT1M', "'R-2' is not a repetition count: expected R, R-1 (both unbounded) or Rn with n >= 0"],
      ['RX/PT1M', "'RX' is not a repetition count: expected R, R-1 (both unbounded) or Rn with n >= 0"],
      ['R5000000/PT1M', "'R5000000' repeats more than 1000000 times; use R/ for unbounded"],
      ['R5', "'R5' has no interval after it, e.g. R5/PT10M"],
      ['R3/', 'a part between the slashes is empty'],
      ['R/a/b/c', "'a/b/c' has 3 parts; expected a duration, start/duration, duration/end or start/end"],
      ['R/P/2026-12-01', `'P' has no components ${DURATION_HINT}`],
      ['R/PT', `'PT' has a 'T' with no hours, minutes or seconds after it ${DURATION_HINT}`],
      ['-PT1M', "'-PT1M' is negative; durations must not be negative"],
      ['R/PT1M/PT2M', "'PT1M/PT2M' has two durations; one side must be a date-time"],
      ['2026-12-01T14:30', "'2026-12-01T14:30' is a single date-time; a cycle needs a period, e.g. R/2026-12-01T14:30/P1D"],
      ['R3/2026-13-01T14:30/P7D', "'2026-13-01T14:30' is not a valid date: there is no month 13"],
      ['R/2024-06-30T12:00/07-32T12:00', "'07-32T12:00' is not a valid date: there is no day 32 in 2024-07"],
      ['2024-07-01T12:00/06-30T12:00', "'06-30T12:00' is not after the start '2024-07-01T12:00'"],
    ])('%j', (text, message) => {
      expect(errorOf('timeCycle', text)).toBe(`timer cycle '${text}': ${message}`);
    });

    it.each(['R/PT0S', 'PT0S', 'R5/PT0.5S', 'R/2024-06-30T12:00/2024-06-30T12:00:00.500'])(
      'rejects a period under one second, which would fire endlessly: %j',
      (text) => {
        expect(errorOf('timeCycle', text)).toBe(
          `timer cycle '${text}': the period is shorter than one second; a cycle must not fire more than once a second`,
        );
      },
    );
  });

  it('accepts the largest repetition count', () => {
    expect(parseTimer('timeCycle', 'R1000000/PT1M', 'Asia/Shanghai').ok).toBe(true);
  });
});
