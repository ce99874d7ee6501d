import { describe, expect, it } from 'vitest';
import { firstDueAt, nextDueAt } from './index.ts';
import { at, plan } from './testSupport.ts';

describe('timeDate: fires once at an ISO 8601 date-time', () => {
  const now = at('2026-06-01T00:00:00Z');

  it('reads a date-time without offset as wall-clock time in the time zone', () => {
    expect(firstDueAt(plan('timeDate', '2026-12-01T14:30:00'), now)).toBe(at('2026-12-01T14:30:00+08:00'));
    expect(firstDueAt(plan('timeDate', '2026-12-01T14:30'), now)).toBe(at('2026-12-01T14:30:00+08:00'));
    expect(firstDueAt(plan('timeDate', '2026-12-01T14:30:00', 'Europe/Berlin'), now)).toBe(at('2026-12-01T14:30:00+01:00'));
  });

  it('honours an explicit offset whatever the time zone', () => {
    const expected = at('2026-12-01T06:30:00Z');
    for (const text of [
      '2026-12-01T06:30:00Z',
      '2026-12-01T14:30:00+08:00',
      '2026-12-01T14:30:00+0800',
      '2026-12-01T14:30+08',
      '2026-12-01T01:30:00-05:00',
    ]) {
      expect(firstDueAt(plan('timeDate', text, 'America/New_York'), now), text).toBe(expected);
    }
  });

  it('keeps fractional seconds to the millisecond', () => {
    expect(firstDueAt(plan('timeDate', '2026-12-01T06:30:00.25Z'), now)).toBe(at('2026-12-01T06:30:00.250Z'));
    expect(firstDueAt(plan('timeDate', '2026-12-01T06:30:00,123456Z'), now)).toBe(at('2026-12-01T06:30:00.123Z'));
  });

  it('reads a plain date as local midnight', () => {
    expect(firstDueAt(plan('timeDate', '1993-06-26'), now)).toBe(at('1993-06-26T00:00:00+08:00'));
    expect(firstDueAt(plan('timeDate', '2024-07-01', 'America/New_York'), now)).toBe(at('2024-07-01T00:00:00-04:00'));
  });

  it('ignores whitespace around the text, as BPMN XML bodies often carry it', () => {
    expect(plan('timeDate', '\n  2026-12-01T14:30:00  \n')).toEqual(plan('timeDate', '2026-12-01T14:30:00'));
  });

  it('returns a past date itself, so the caller fires it at once', () => {
    const past = plan('timeDate', '1993-06-26');
    expect(firstDueAt(past, now)).toBe(at('1993-06-26T00:00:00+08:00'));
  });

  it('fires only once', () => {
    const timer = plan('timeDate', '2026-12-01T14:30:00');
    expect(nextDueAt(timer, at('2026-12-01T14:30:00+08:00'), 1)).toBeNull();
  });

  it('is a small JSON plan holding just the instant', () => {
    const timer = plan('timeDate', '2026-12-01T14:30:00');
    expect(timer).toEqual({ type: 'date', at: at('2026-12-01T14:30:00+08:00') });
    expect(JSON.parse(JSON.stringify(timer))).toEqual(timer);
  });

  describe('local times around daylight saving changes', () => {
    it('uses summer and winter offsets in Europe/Berlin', () => {
      expect(firstDueAt(plan('timeDate', '2024-07-01T12:00', 'Europe/Berlin'), now)).toBe(at('2024-07-01T12:00+02:00'));
      expect(firstDueAt(plan('timeDate', '2024-01-15T12:00', 'Europe/Berlin'), now)).toBe(at('2024-01-15T12:00+01:00'));
    });

    it('moves a time skipped in spring forward by the gap (02:30 becomes 03:30)', () => {
      expect(firstDueAt(plan('timeDate', '2024-03-31T02:30', 'Europe/Berlin'), now)).toBe(at('2024-03-31T03:30+02:00'));
      expect(firstDueAt(plan('timeDate', '2024-03-10T02:30', 'America/New_York'), now)).toBe(at('2024-03-10T03:30-04:00'));
    });

    it('takes the earlier of a time repeated in autumn', () => {
      expect(firstDueAt(plan('timeDate', '2024-10-27T02:30', 'Europe/Berlin'), now)).toBe(at('2024-10-27T02:30+02:00'));
      expect(firstDueAt(plan('timeDate', '2024-11-03T01:30', 'America/New_York'), now)).toBe(at('2024-11-03T01:30-04:00'));
    });

    it('resolves the hours just after a change with the new offset', () => {
      expect(firstDueAt(plan('timeDate', '2024-03-31T12:00', 'Europe/Berlin'), now)).toBe(at('2024-03-31T12:00+02:00'));
      expect(firstDueAt(plan('timeDate', '2024-10-27T03:00', 'Europe/Berlin'), now)).toBe(at('2024-10-27T03:00+01:00'));
    });
  });
});
