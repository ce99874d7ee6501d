import { describe, expect, it } from 'vitest';
import { evaluateFeel, type FeelEnv } from './index.ts';

/** 2026-03-14 20:00 UTC, which is already 2026-03-15 04:00 in Shanghai. */
const env: FeelEnv = { now: Date.UTC(2026, 2, 14, 20, 0), timeZone: 'Asia/Shanghai', newId: () => '7793aab1-d761-4d38-916b-b7270e309894' };

function value(expression: string, variables: Record<string, unknown> = {}, environment: FeelEnv = env): unknown {
  const result = evaluateFeel(expression, variables, environment);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

describe('Camunda 8 built-ins that feelin lacks', () => {
  it('is defined(value): false for null and for a missing variable (Camunda 8.4+)', () => {
    expect(value('is defined(x)', { x: '同意' })).toBe(true);
    expect(value('is defined(x)', { x: null })).toBe(false);
    expect(value('is defined(x)')).toBe(false);
    expect(value('is defined(applicant.phone)', { applicant: { name: '张三' } })).toBe(false);
  });

  it('get or else(value, default)', () => {
    expect(value('get or else(title, "无标题")', { title: '修路' })).toBe('修路');
    expect(value('get or else(title, "无标题")', { title: null })).toBe('无标题');
    expect(value('get or else(title, "无标题")')).toBe('无标题');
    expect(value('get or else(null, null)')).toBeNull();
  });

  it('is empty(list)', () => {
    expect(value('is empty([])')).toBe(true);
    expect(value('is empty(votes)', { votes: [{ vote: '同意' }] })).toBe(false);
    expect(value('is empty("text")')).toBeNull();
  });

  it('trim(string), including full-width spaces', () => {
    expect(value('trim(name)', { name: '\u3000 张三  ' })).toBe('张三');
    expect(value('trim(1)')).toBeNull();
  });

  it('uuid() takes ids from the environment', () => {
    expect(value('uuid()')).toBe('7793aab1-d761-4d38-916b-b7270e309894');
    const withoutIds = evaluateFeel('uuid()', {}, { now: 0, timeZone: 'Asia/Shanghai' });
    expect(withoutIds).toEqual({ ok: false, message: 'FEEL uuid() needs an id source (FeelEnv.newId), and none was given in "uuid()"' });
  });

  it('partition(list, size)', () => {
    expect(value('partition([1, 2, 3, 4, 5], 2)')).toEqual([[1, 2], [3, 4], [5]]);
    expect(value('partition([], 2)')).toEqual([]);
    expect(value('partition([1, 2], 0)')).toBeNull();
  });

  it('duplicate values(list), compared as FEEL values', () => {
    expect(value('duplicate values([1, 2, 3, 2, 1])')).toEqual([1, 2]);
    expect(
      value('duplicate values(households.village)', { households: [{ village: '东村' }, { village: '西村' }, { village: '东村' }] }),
    ).toEqual(['东村']);
    expect(value('duplicate values([{a: 1}, {a: 1}, {a: 2}])')).toEqual([{ a: 1 }]);
  });

  it('string join(list, delimiter?, prefix?, suffix?)', () => {
    expect(value('string join(["东村", "西村"])')).toBe('东村西村');
    expect(value('string join(["东村", "西村"], "、")')).toBe('东村、西村');
    expect(value('string join(["a", "b", "c"], ", ", "[", "]")')).toBe('[a, b, c]');
    expect(value('string join(["a", null, "c"], "-")')).toBe('a-c');
  });

  it('string join reports a non-string item and yields null', () => {
    expect(evaluateFeel('string join(["a", 1])', {}, env)).toMatchObject({
      ok: true,
      value: null,
      warnings: [{ type: 'INVALID_ARGUMENTS' }],
    });
  });
});

describe('now() and today() read the environment, never the real clock', () => {
  it('now() is the environment instant in its time zone', () => {
    expect(value('now()')).toBe('2026-03-15T04:00:00+08:00');
    expect(value('now()', {}, { ...env, timeZone: 'UTC' })).toBe('2026-03-14T20:00:00+00:00');
  });

  it('today() is the date in the environment time zone', () => {
    expect(value('today()')).toBe('2026-03-15');
    expect(value('today()', {}, { ...env, timeZone: 'Europe/Berlin' })).toBe('2026-03-14');
  });

  it('falls back to Asia/Shanghai when no zone is given', () => {
    expect(value('today()', {}, { ...env, timeZone: '' })).toBe('2026-03-15');
  });

  it('works in date arithmetic, e.g. for timers and deadlines', () => {
    expect(value('now() + duration("P3D")')).toBe('2026-03-18T04:00:00+08:00');
    expect(value('today() - date(submitted) > duration("P2D")', { submitted: '2026-03-10' })).toBe(true);
  });

  it('fails clearly for an unknown time zone', () => {
    const result = evaluateFeel('today()', {}, { ...env, timeZone: 'Mars/Olympus' });
    expect(result.ok).toBe(false);
  });
});

describe('feelin built-ins keep working behind the cost guards', () => {
  it('list functions, with lists or varargs', () => {
    expect(value('sum(1, 2, 3) + sum([4, 5])')).toBe(15);
    expect(value('max(scores)', { scores: [3, 9, 4] })).toBe(9);
    expect(value('distinct values(["东村", "西村", "东村"])')).toEqual(['东村', '西村']);
    expect(value('union([1, 2], [2, 3])')).toEqual([1, 2, 3]);
    expect(value('sort(scores, function(a, b) a > b)', { scores: [3, 9, 4] })).toEqual([9, 4, 3]);
  });

  it('string functions, with positional or named parameters', () => {
    expect(value('upper case("abc") + substring(string: "善治村务", start position: 3)')).toBe('ABC村务');
    expect(value('matches(phone, "^1\\d{10}$")', { phone: '13800138000' })).toBe(true);
    expect(value('replace("东村-西村", "-", "、")')).toBe('东村、西村');
    expect(value('split("东村,西村", ",")')).toEqual(['东村', '西村']);
  });

  it('context functions', () => {
    expect(value('context put({a: 1}, "b", 2)')).toEqual({ a: 1, b: 2 });
    expect(value('get entries({a: 1})')).toEqual([{ key: 'a', value: 1 }]);
  });
});
