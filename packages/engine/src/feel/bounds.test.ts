import { describe, expect, it } from 'vitest';
import { evaluateCondition, evaluateFeel, type FeelEnv, LIMITS } from './index.ts';

const env: FeelEnv = { now: Date.UTC(2026, 2, 15), timeZone: 'Asia/Shanghai' };

function value(expression: string, variables: Record<string, unknown> = {}): unknown {
  const result = evaluateFeel(expression, variables, env);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

function failure(expression: string, variables: Record<string, unknown> = {}): string {
  const result = evaluateFeel(expression, variables, env);
  if (result.ok) throw new Error(`expected ${expression} to fail`);
  return result.message;
}

const ITERATIONS = 'FEEL expression exceeds the iteration limit (1,000,000)';
const STRING = 'FEEL expression exceeds the string length limit (1,000,000 characters)';

/** 5,000 ballots, as a large village might cast. */
const ballots = Array.from({ length: 5_000 }, (_, i) => ({ vote: i % 3 === 0 ? '反对' : '同意', household: `户${i}` }));

describe('the limits', () => {
  it('are fixed numbers', () => {
    expect(LIMITS).toEqual({
      expressionLength: 4_000,
      iterations: 1_000_000,
      callDepth: 200,
      stringLength: 1_000_000,
      resultSize: 1_000_000,
      resultDepth: 100,
    });
  });
});

describe('expression length', () => {
  it('accepts 4,000 characters and rejects more', () => {
    const text = (n: number) => `"${'村'.repeat(n - 2)}"`;
    expect(value(text(4_000))).toHaveLength(3_998);
    expect(failure(text(4_001))).toMatch(/^FEEL expression exceeds the length limit \(4,000 characters\) in "\\"村村/);
  });
});

describe('iterations are counted before feelin materialises them', () => {
  it('stops a for over a huge range at once, pointing at the range', () => {
    expect(failure('for i in 1..1000000000 return i')).toBe(`${ITERATIONS} at column 10 in "for i in 1..1000000000 return i"`);
    expect(failure('for i in [1..1000000000] return i')).toContain(ITERATIONS);
  });

  it('counts nested loops as their product', () => {
    expect(failure('for a in 1..100000, b in 1..100000 return a')).toBe(
      `${ITERATIONS} at column 26 in "for a in 1..100000, b in 1..100000 return a"`,
    );
    expect(failure('for a in ballots, b in ballots return a', { ballots })).toContain(ITERATIONS);
    expect(failure('for a in 1..1000 return for b in 1..1000 return for c in 1..1000 return c')).toContain(ITERATIONS);
  });

  it('bounds some and every', () => {
    expect(failure('some i in 1..1000000000 satisfies i < 0')).toContain(ITERATIONS);
    expect(failure('every i in 1..1000000000 satisfies i > 0')).toContain(ITERATIONS);
  });

  it('allows real work up to the limit', () => {
    expect(value('count(for i in 1..1000000 return i)')).toBe(1_000_000);
    expect(value('count(for a in 1..500, b in 1..500 return a)')).toBe(250_000);
  });

  it('charges more per iteration when the loop body is large', () => {
    const body = Array.from({ length: 400 }, () => 'i').join(' + ');
    expect(failure(`count(for i in 1..10000 return ${body})`)).toContain(ITERATIONS);
    expect(value(`count(for i in 1..1000 return ${body})`)).toBe(1_000);
  });

  it('charges more per iteration when many names are in scope, since feelin copies the scope each time', () => {
    const names = Array.from({ length: 96 }, (_, i) => `v${i}`);
    const variables = Object.fromEntries(names.map((name) => [name, 1]));
    expect(failure(`count(for i in 1..50000 return i) + ${names.join(' + ')}`, variables)).toContain(ITERATIONS);
    expect(value(`count(for i in 1..20000 return i) + ${names.join(' + ')}`, variables)).toBe(20_096);
  });

  it('counts filtered elements, path walks and comparisons inside loops', () => {
    expect(failure('for i in 1..1000 return count(ballots[vote = "同意"])', { ballots })).toContain(ITERATIONS);
    expect(failure('for i in 1..1000 return count(ballots.vote)', { ballots })).toContain(ITERATIONS);
    expect(failure('for i in 1..100000 return ballots = copy', { ballots, copy: structuredClone(ballots) })).toContain(ITERATIONS);
  });

  it('charges built-ins by the size of their arguments', () => {
    expect(failure('for i in 1..10000 return string join(ballots.household)', { ballots })).toContain(ITERATIONS);
    expect(failure('distinct values(for i in 1..20000 return i)')).toContain(ITERATIONS);
  });

  it('refuses ranges feelin would loop over forever', () => {
    expect(failure('for i in 1.5..3 return i')).toBe(
      'FEEL can only iterate over ranges of integers at column 10 in "for i in 1.5..3 return i"',
    );
    expect(value('for i in 3..1 return i')).toEqual([3, 2, 1]);
    expect(value('for i in (1..3] return i')).toEqual([2, 3]);
  });
});

describe('user-defined functions', () => {
  const countdown = (n: number) => `{f: function(n) if n = 0 then 0 else f(n - 1), r: f(${n})}.r`;

  it('recurse up to 200 calls deep', () => {
    expect(value(countdown(150))).toBe(0);
    expect(failure(countdown(100000))).toBe(
      `FEEL expression exceeds the call depth limit (200) at column 17 in ${JSON.stringify(countdown(100000))}`,
    );
  });

  it('fail cleanly when deep nesting inside recursion outgrows the JavaScript stack', () => {
    const body = `${'['.repeat(100)}if n = 0 then 0 else f(n - 1)${']'.repeat(100)}`;
    expect(failure(`{f: function(n) ${body}, r: f(190)}.r`)).toMatch(/^FEEL expression nests or recurses too deeply in /);
  });

  it('count every call, so exponential recursion stops too', () => {
    expect(failure('{f: function(n) if n = 0 then 1 else f(n - 1) + f(n - 1), r: f(40)}.r')).toContain(ITERATIONS);
  });

  it('count comparator calls of sort', () => {
    expect(value('sort([3, 1, 2], function(a, b) a < b)')).toEqual([1, 2, 3]);
  });
});

describe('strings', () => {
  it('stop doubling through partial results', () => {
    expect(failure('for i in 1..40 return if i = 1 then "村" else partial[-1] + partial[-1]')).toContain(STRING);
  });

  it('stop doubling through context entries', () => {
    const entries = Array.from({ length: 30 }, (_, i) => `k${i + 1}: k${i} + k${i}`).join(', ');
    expect(failure(`{k0: "村", ${entries}}.k30`)).toContain(STRING);
  });

  it('stop growing inside built-ins', () => {
    expect(failure('string join(for i in 1..200000 return "村务公开")')).toContain(STRING);
    expect(failure('string(for i in 1..300000 return "村务公开")')).toContain(STRING);
    expect(failure(`replace("${'x'.repeat(1000)}", "x", "${'$0'.repeat(500)}")`)).toContain(STRING);
  });

  it("do not expand $` or $' in replacements, which FEEL does not define", () => {
    expect(value('replace("ab", "b", "$`")')).toBe('a$`');
  });
});

describe('results', () => {
  it('are at most 1,000,000 characters of JSON', () => {
    expect(failure('for i in 1..200000 return "村务公开"')).toBe(
      'FEEL expression exceeds the result size limit (1,000,000 characters) in "for i in 1..200000 return \\"村务公开\\""',
    );
    expect(value('count(for i in 1..200000 return "村务公开")')).toBe(200_000);
  });

  it('nest at most 100 levels', () => {
    expect(failure('for i in 1..150 return if i = 1 then [] else [partial[-1]]')).toBe(
      'FEEL expression exceeds the result nesting limit (100 levels) in "for i in 1..150 return if i = 1 then [] else [partial[-1]]"',
    );
  });

  it('of conditions are booleans and need no size check', () => {
    expect(evaluateCondition('count(for i in 1..200000 return "村务公开") > 0', {}, env)).toEqual({ ok: true, value: true });
  });
});

describe('regular expressions', () => {
  it('refuse nested quantifiers, which backtrack exponentially', () => {
    const hostile = `matches("${'a'.repeat(40)}!", "(a+)+$")`;
    expect(failure(hostile)).toContain('FEEL regular expression "(a+)+$" repeats a group that contains a quantifier or alternation');
    expect(failure('replace(text, "(\\\\w|\\\\d)*x", "")', { text: 'abc' })).toContain('repeats a group');
    expect(failure('split(text, "(a*)*")', { text: 'abc' })).toContain('repeats a group');
  });

  it('accept the usual patterns', () => {
    expect(value('matches(id, "^\\\\d{6}(19|20)\\\\d{2}[0-9Xx]*$")', { id: '11010119900307123X' })).toBe(true);
    expect(value('matches(phone, "^(\\\\+86)?1[3-9]\\\\d{9}$")', { phone: '13800138000' })).toBe(true);
    expect(value('matches("ab", "(?:ab)+")')).toBe(true);
  });
});

describe('the hooks cannot be reached or shadowed', () => {
  it('reserves the __shanzhi names', () => {
    expect(failure('__shanzhi.each([1], 0)')).toBe('FEEL name "__shanzhi" is reserved at column 1 in "__shanzhi.each([1], 0)"');
    expect(failure('{__shanzhi: 1}.__shanzhi')).toContain('is reserved');
    expect(failure('{"__shanzhi": 1}')).toContain('is reserved');
    expect(failure('for __shanzhi in [1] return 1')).toContain('is reserved');
  });

  it('refuses data that would shadow them inside a filter', () => {
    expect(failure('items[x > 1]', { items: [{ __shanzhi: {}, x: 2 }] })).toContain('FEEL value has the reserved key "__shanzhi"');
  });
});
