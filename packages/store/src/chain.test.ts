import { describe, expect, it } from 'vitest';
import { canonicalJson, eventHash } from './chain.ts';

describe('the audit chain’s hash', () => {
  const link = {
    instanceId: '0193a1b2-7c00-7000-8000-000000000001',
    seq: 7,
    actor: 'user-li',
    at: 1741000000000,
    prevHash: 'ab'.repeat(32),
    event: {
      type: 'VariablesSet',
      el: 'vote',
      vars: { 表决结果: '通过', 票数: [12, 3, null], 明细: { z: 1, a: { y: true, b: 'x"y' } }, none: undefined },
      list: [1, undefined, 'a'],
    },
  } as unknown as Parameters<typeof eventHash>[0];

  it('is the SHA-256 of the link’s canonical JSON, unchanged since chains were first written (stored chains must verify)', () => {
    expect(eventHash(link)).toBe('a265345a7b9b7533fcdbb4bcdcef24024713b63e89dfe8aae708892f23aa88ce');
  });

  it('writes JSON with keys sorted at every level, leaving out undefined members and writing undefined items as null', () => {
    expect(canonicalJson({ b: 1, a: [undefined, { d: 'x', c: undefined }], 中: null })).toBe('{"a":[null,{"d":"x"}],"b":1,"中":null}');
    expect(canonicalJson({})).toBe('{}');
    expect(canonicalJson([])).toBe('[]');
  });
});
