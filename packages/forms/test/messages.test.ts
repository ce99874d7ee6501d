import { describe, expect, it } from 'vitest';
import { en } from '../src/messages/en.ts';
import { keywordMessage } from '../src/messages/index.ts';
import { zhCN } from '../src/messages/zh-CN.ts';

const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it.each(Object.keys(zhCN.keywords))('%s: en and zh-CN use the same placeholders', (key) => {
    const k = key as keyof typeof zhCN.keywords;
    expect(placeholders(en.keywords[k])).toEqual(placeholders(zhCN.keywords[k]));
  });

  it.each(Object.keys(zhCN.problems))('problem %s: en and zh-CN use the same placeholders', (key) => {
    const k = key as keyof typeof zhCN.problems;
    expect(placeholders(en.problems[k])).toEqual(placeholders(zhCN.problems[k]));
  });

  // Every keyword Ajv's 2020-12 build reports (dependentSchemas, allOf, $ref, then/else report
  // the nested keyword that failed), with our names for "false schema".
  it.each([
    'type',
    'enum',
    'const',
    'multipleOf',
    'maximum',
    'exclusiveMaximum',
    'minimum',
    'exclusiveMinimum',
    'maxLength',
    'minLength',
    'pattern',
    'format',
    'maxItems',
    'minItems',
    'uniqueItems',
    'contains',
    'items',
    'unevaluatedItems',
    'maxProperties',
    'minProperties',
    'required',
    'dependentRequired',
    'additionalProperties',
    'unevaluatedProperties',
    'propertyNames',
    'anyOf',
    'oneOf',
    'not',
    'if',
    'falseSchema',
    'readonly',
    'hidden',
    'maxDepth',
  ])('%s has its own message in both languages', (keyword) => {
    expect(keywordMessage('zh-CN', keyword)).not.toBe(zhCN.keywords.invalid);
    expect(keywordMessage('en', keyword)).not.toBe(en.keywords.invalid);
  });

  it('falls back to a plain "invalid" for a keyword it does not know', () => {
    expect(keywordMessage('zh-CN', 'x-village-rule')).toBe('填写不正确');
  });

  it('puts params in words: types translated, long option lists cut short', () => {
    expect(keywordMessage('zh-CN', 'type', { type: 'string,null' })).toBe('应填写文字或空值');
    expect(keywordMessage('en', 'type', { type: 'integer' })).toBe('Must be a whole number.');
    const villages = [
      '鹤峰村',
      '宏岗村',
      '大步社区',
      '河村社区',
      '金旗峰社区',
      '新兴社区',
      '沥中社区',
      '太平社区',
      '奇槎社区',
      '朗沙社区',
      '招大社区',
    ];
    expect(keywordMessage('zh-CN', 'enum', { allowedValues: villages })).toBe(`应为以下选项之一：${villages.slice(0, 10).join('、')}、…`);
    expect(keywordMessage('en', 'enum', { allowedValues: [1, null, 'low'] })).toBe('Must be one of: 1, null, low.');
  });
});
