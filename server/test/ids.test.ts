import { describe, expect, it } from 'vitest';
import { timeOrderedId } from '../src/ids.ts';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('new ids', () => {
  it('are UUIDs of version 7 that carry the millisecond they were made in', () => {
    const id = timeOrderedId(Date.UTC(2026, 10, 22, 8, 30));
    expect(id).toMatch(UUID_V7);
    expect(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBeGreaterThanOrEqual(Date.UTC(2026, 10, 22, 8, 30));
  });

  it('sort in the order they were made, also thousands within one millisecond and when the clock steps back', () => {
    const at = Date.UTC(2030, 0, 1);
    const made = [
      ...Array.from({ length: 10_000 }, () => timeOrderedId(at)),
      timeOrderedId(at - 60_000),
      ...Array.from({ length: 10 }, (_, i) => timeOrderedId(at + 5 + i)),
    ];
    expect(made.every((id) => UUID_V7.test(id))).toBe(true);
    expect([...made].sort()).toEqual(made);
    expect(new Set(made).size).toBe(made.length);
  });
});
