import { evaluate } from 'feelin';
import { describe, expect, it } from 'vitest';
import { evaluateCondition, evaluateFeel, type FeelEnv } from './index.ts';

/** 2026-03-15 09:30 in Shanghai. */
const env: FeelEnv = { now: Date.UTC(2026, 2, 15, 1, 30), timeZone: 'Asia/Shanghai' };

function value(expression: string, variables: Record<string, unknown> = {}): unknown {
  const result = evaluateFeel(expression, variables, env);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

function condition(expression: string, variables: Record<string, unknown> = {}): boolean {
  const result = evaluateCondition(expression, variables, env);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

function conditionFailure(expression: string, variables: Record<string, unknown> = {}): string {
  const result = evaluateCondition(expression, variables, env);
  if (result.ok) throw new Error(`expected ${expression} to fail`);
  return result.message;
}

function failure(expression: string, variables: Record<string, unknown> = {}): string {
  const result = evaluateFeel(expression, variables, env);
  if (result.ok) throw new Error(`expected ${expression} to fail`);
  return result.message;
}

const votes = [{ vote: '同意' }, { vote: '同意' }, { vote: '反对' }];

describe('conditions on sequence flows and gateways', () => {
  it('routes a collective asset disposal above 50,000 yuan to the villagers’ assembly', () => {
    const expression = 'amount > 50000 and matterType = "集体资产处置"';
    expect(condition(expression, { amount: 80000, matterType: '集体资产处置' })).toBe(true);
    expect(condition(expression, { amount: 20000, matterType: '集体资产处置' })).toBe(false);
    expect(condition(expression, { amount: 80000, matterType: '低保申请' })).toBe(false);
  });

  it('counts a majority of the votes cast', () => {
    const expression = 'count(votes[vote = "同意"]) / count(votes) > 0.5';
    expect(condition(expression, { votes })).toBe(true);
    expect(condition(expression, { votes: [...votes, { vote: '反对' }] })).toBe(false);
  });

  it('reads nested objects and lists of the case file', () => {
    const applicant = { name: '张三', household: { size: 5, members: [{ name: '李四', role: '村支书' }] } };
    expect(condition('applicant.household.size >= 5', { applicant })).toBe(true);
    expect(condition('some m in applicant.household.members satisfies m.role = "村支书"', { applicant })).toBe(true);
    expect(condition('every m in applicant.household.members satisfies m.name != applicant.name', { applicant })).toBe(true);
  });

  it('treats null, e.g. from a missing variable, as false and reports the missing name', () => {
    const result = evaluateCondition('amount > 1000', {}, env);
    expect(result).toEqual({
      ok: true,
      value: false,
      warnings: [{ type: 'NO_VARIABLE_FOUND', message: "Variable 'amount' not found", line: 1, column: 1 }],
    });
  });

  it('rejects a condition of any other type, naming the type', () => {
    expect(conditionFailure('amount', { amount: 3 })).toBe('FEEL condition must evaluate to a boolean, not a number in "amount"');
    expect(conditionFailure('votes', { votes })).toContain('not a list');
    expect(conditionFailure('date("2026-01-01")')).toContain('not a date');
    expect(conditionFailure('{a: 1}')).toContain('not a context');
  });
});

describe('mappings and assignee expressions', () => {
  it('builds an assignee group from the org unit', () => {
    expect(value('"两委@" + orgUnit', { orgUnit: '东村' })).toBe('两委@东村');
  });

  it('returns plain JSON: numbers stay numbers, contexts and lists are copied', () => {
    const file = { title: '宅基地审批', parcels: [{ id: 'A-1', area: 120.5 }] };
    const result = value('{标题: file.title, 面积: sum(file.parcels.area) * 2, 地块: file.parcels}', { file });
    expect(result).toEqual({ 标题: '宅基地审批', 面积: 241, 地块: [{ id: 'A-1', area: 120.5 }] });
    expect((result as { 地块: unknown[] }).地块[0]).not.toBe(file.parcels[0]);
  });

  it('turns FEEL temporal values into ISO 8601 strings', () => {
    expect(value('date(received) + duration("P15D")', { received: '2026-03-01' })).toBe('2026-03-16');
    expect(value('date and time("2026-03-01T09:00:00@Asia/Shanghai")')).toBe('2026-03-01T09:00:00+08:00');
    expect(value('date and time("2026-03-01T09:00:00")')).toBe('2026-03-01T09:00:00');
    expect(value('time("09:00:00")')).toBe('09:00:00');
    expect(value('duration("P3D") + duration("PT12H")')).toBe('P3DT12H');
    expect(value('[date("2026-03-01")]')).toEqual(['2026-03-01']);
  });

  it('refuses values that have no JSON form', () => {
    expect(failure('[1..10]')).toBe('FEEL result is a range, which cannot be stored as a variable in "[1..10]"');
    expect(failure('function(x) x + 1')).toContain('FEEL result is a function');
    expect(failure('10 ** 400')).toContain('not finite');
  });

  it('keeps null for missing variables, as Camunda 8 does, and reports them', () => {
    const missing = evaluateFeel('applicant.name', {}, env);
    expect(missing).toMatchObject({ ok: true, value: null });
    expect(missing.ok && missing.warnings?.[0]).toEqual({
      type: 'NO_VARIABLE_FOUND',
      message: "Variable 'applicant' not found",
      line: 1,
      column: 1,
    });
    expect(evaluateFeel('applicant.name', { applicant: { name: '张三' } }, env)).toEqual({ ok: true, value: '张三' });
  });

  it('lets a variable shadow a built-in of the same name, as in feelin', () => {
    expect(value('"案件" + number', { number: '2026-001' })).toBe('案件2026-001');
    expect(value('number("12", null, null)')).toBe(12);
  });

  it('reads only own properties of the variables', () => {
    expect(value('toString', {})).toBeNull();
  });
});

describe('evaluation results are values', () => {
  it('never throws, whatever the expression', () => {
    for (const expression of ['a +', 'for i in @"2026-01-01"..@"2026-01-03" return i', 'x'.repeat(5000), '', '[1..10]']) {
      expect(() => evaluateFeel(expression, {}, env)).not.toThrow();
      expect(evaluateFeel(expression, {}, env).ok).toBe(false);
    }
  });

  it('quotes the expression in runtime errors', () => {
    expect(failure('for d in @"2026-01-01"..@"2026-01-03" return d')).toMatch(
      /^FEEL can only iterate over ranges of integers at column 10 in "for d in/,
    );
  });

  it('gives each evaluation of a cached expression its own variables and warnings', () => {
    expect(evaluateFeel('x + 1', {}, env)).toMatchObject({
      ok: true,
      value: null,
      warnings: [{ type: 'NO_VARIABLE_FOUND' }, { type: 'INVALID_TYPE' }],
    });
    expect(evaluateFeel('x + 1', { x: 1 }, env)).toEqual({ ok: true, value: 2 });
  });

  it('maps warning positions back to the expression as written', () => {
    const result = evaluateFeel('for v in votes return v.vote + suffix', { votes }, env);
    expect(result.ok && result.warnings?.[0]).toEqual({
      type: 'NO_VARIABLE_FOUND',
      message: "Variable 'suffix' not found",
      line: 1,
      column: 32,
    });
  });
});

describe('bounding does not change what an expression means', () => {
  const variables = {
    L: [1, 2, 3],
    M: [
      { a: 1, b: [1, 2] },
      { a: 2, b: [3] },
    ],
    s: '村务',
    n: 5,
    x: { y: { z: 1 } },
  };
  it.each([
    'for i in L return for j in L return i + j',
    'for i in L return L[item > i]',
    'for i in L, j in i..3 return [i, j]',
    'for i in n..1 return i',
    'for i in L return partial[-1]',
    'for m in M return m.b[item > 1]',
    'for m in M return m.a in (1, L, < 0)',
    'for m in M return m.a between 1 and n',
    'for m in M return m instance of context<a: number>',
    'for m in M return m.b instance of list<number>',
    'for m in M return {k: m.a, v: m.b[1], w: x.y.z = m.a}',
    'some m in M satisfies every b in m.b satisfies b > 0',
    'M[a > 1][1].b[-1]',
    'M[every b in b satisfies b > 0].a',
    'M.a',
    '{f: function(a, b) a + b, g: function(l) for i in l return f(i, 1)}.g(L)',
    'sort(M, function(p, q) p.a > q.a).a',
    '{a: 1, b: a + 1, c: {d: b + 1}}.c.d',
    'for i in L /* step */ return i // done',
    'if n > 3\nthen s + "大"\nelse s',
    'string(for i in L return "x" + string(i))',
  ])('%s', (expression) => {
    expect(evaluateFeel(expression, variables, env)).toEqual({ ok: true, value: evaluate(expression, variables).value });
  });
});
