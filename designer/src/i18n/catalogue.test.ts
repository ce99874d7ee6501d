import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { translate } from './index.tsx';
import { zhCN } from './zh-CN.ts';

const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the message catalogue', () => {
  it('has every key in both languages, with the same {params}, none blank', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    for (const [key, text] of Object.entries(zhCN)) {
      expect(text.trim(), key).not.toBe('');
      expect(en[key as keyof typeof zhCN].trim(), key).not.toBe('');
      expect(params(en[key as keyof typeof zhCN]), key).toEqual(params(text));
    }
  });

  it('fills {params} and leaves a missing one visible', () => {
    expect(translate('zh-CN', 'batch.selected', { count: 3 })).toBe('已选 3 项');
    expect(translate('en', 'batch.selected')).toBe('{count} selected');
  });
});
