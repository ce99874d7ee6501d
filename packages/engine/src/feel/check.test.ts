import { describe, expect, it } from 'vitest';
import { checkFeel, splitExpression } from './index.ts';

describe('checkFeel, at deploy time', () => {
  it('accepts the expressions of a governance process', () => {
    for (const expression of [
      'amount > 50000 and matterType = "集体资产处置"',
      'count(votes[vote = "同意"]) / count(votes) >= 2 / 3',
      '"两委@" + orgUnit',
      'if is defined(deadline) then date(deadline) else today() + duration("P15D")',
      'get or else(applicant.phone, "未填写")',
      'for m in members return {name: m.name, 签字: false}',
      '{f: function(n) if n <= 1 then 1 else n * f(n - 1), r: f(5)}.r',
      'amount > 1000 // large amounts go to the township',
    ]) {
      expect(checkFeel(expression)).toEqual({ ok: true, value: true });
    }
  });

  it('names the unexpected token and its column', () => {
    expect(checkFeel('amount > * 1000')).toEqual({
      ok: false,
      message: 'FEEL syntax error: unexpected "*" at column 10 in "amount > * 1000"',
    });
    expect(checkFeel('votes[vote = "同意")')).toEqual({
      ok: false,
      message: 'FEEL syntax error: unexpected ")" at column 18 in "votes[vote = \\"同意\\")"',
    });
  });

  it('names the construct left incomplete at the end', () => {
    expect(checkFeel('amount >')).toEqual({ ok: false, message: 'FEEL syntax error: incomplete comparison at column 9 in "amount >"' });
    expect(checkFeel('if a then b elsee c')).toEqual({
      ok: false,
      message: 'FEEL syntax error: incomplete if expression at column 20 in "if a then b elsee c"',
    });
  });

  it('gives line and column in multi-line expressions', () => {
    expect(checkFeel('{\n  a: 1,\n  b: * 2\n}')).toEqual({
      ok: false,
      message: 'FEEL syntax error: unexpected "*" at line 3, column 6 in "{\\n  a: 1,\\n  b: * 2\\n}"',
    });
  });

  it('rejects empty and oversized expressions', () => {
    expect(checkFeel('  ')).toEqual({ ok: false, message: 'FEEL expression is empty in "  "' });
    const long = `"${'村'.repeat(4_000)}"`;
    const result = checkFeel(long);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toBe(
      `FEEL expression exceeds the length limit (4,000 characters) in "${long.slice(0, 80).replace('"', '\\"')}…"`,
    );
  });
});

describe('splitExpression, the Camunda 8 "=" convention', () => {
  it('treats text starting with "=" as FEEL', () => {
    expect(splitExpression('=amount > 1000')).toEqual({ feel: 'amount > 1000' });
    expect(splitExpression('  = "两委@" + orgUnit')).toEqual({ feel: ' "两委@" + orgUnit' });
  });

  it('treats anything else as a literal string', () => {
    expect(splitExpression('PT2H')).toEqual({ literal: 'PT2H' });
    expect(splitExpression('两委@东村')).toEqual({ literal: '两委@东村' });
    expect(splitExpression('')).toEqual({ literal: '' });
    expect(splitExpression('a = b')).toEqual({ literal: 'a = b' });
  });
});
