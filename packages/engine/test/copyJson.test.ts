import { describe, expect, it } from 'vitest';
import { copyJson } from '../src/state/copyJson.ts';

describe('copyJson', () => {
  it('copies nested JSON so that changing the copy leaves the original alone', () => {
    const original = { a: [1, { b: '鹤峰村' }], c: null, d: { e: true } };
    const copy = copyJson(original);
    expect(copy).toEqual(original);
    (copy.a[1] as { b: string }).b = '宏岗村';
    copy.d.e = false;
    expect(original).toEqual({ a: [1, { b: '鹤峰村' }], c: null, d: { e: true } });
  });

  it('drops undefined properties, as JSON would', () => {
    expect(copyJson({ a: undefined, b: 1 })).toEqual({ b: 1 });
    expect(Object.keys(copyJson({ a: undefined, b: 1 }))).toEqual(['b']);
  });
});
