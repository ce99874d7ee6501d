import { describe, expect, it } from 'vitest';
import { LruCache } from '../src/cache.ts';
import { validatorOf } from '../src/compiled.ts';
import { defineForm } from '../src/index.ts';

describe('the bounded cache of compiled validators', () => {
  it('drops the least recently used entry past its capacity', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('鹤峰村', 1);
    cache.set('宏岗村', 2);
    expect(cache.get('鹤峰村')).toBe(1);
    cache.set('大步社区', 3);
    expect(cache.get('宏岗村')).toBeUndefined();
    expect(cache.get('鹤峰村')).toBe(1);
    expect(cache.size).toBe(2);
  });

  const definition = (maxLength: number) => ({
    key: 'tenant-registration',
    version: 3,
    title: '新市民居住登记',
    schema: { type: 'object', properties: { name: { type: 'string', maxLength } } },
  });

  it('reuses one validator for the same key, version and schema, however often the form is defined', () => {
    expect(validatorOf(defineForm(definition(20)))).toBe(validatorOf(defineForm(definition(20))));
  });

  it('compiles separately when the same key and version carry another schema (a village variant, an unsaved edit)', () => {
    expect(validatorOf(defineForm(definition(20)))).not.toBe(validatorOf(defineForm(definition(30))));
  });
});
