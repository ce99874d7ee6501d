import { describe, expect, it } from 'vitest';
import { languageOf } from './language.ts';

describe('the language of an answer', () => {
  it('is zh-CN without Accept-Language, or when it asks for nothing we speak', () => {
    expect(languageOf(undefined)).toBe('zh-CN');
    expect(languageOf('')).toBe('zh-CN');
    expect(languageOf('fr-FR, de;q=0.8')).toBe('zh-CN');
    expect(languageOf('*')).toBe('zh-CN');
  });

  it('is zh-CN for any Chinese: zh, zh-CN, zh-Hans, zh-TW, zh-HK', () => {
    for (const tag of ['zh', 'zh-CN', 'zh-Hans', 'zh-Hans-CN', 'zh-TW', 'ZH-hk']) expect(languageOf(tag), tag).toBe('zh-CN');
  });

  it('is English for any English: en, en-US, en-GB', () => {
    for (const tag of ['en', 'en-US', 'en-GB', 'EN-au']) expect(languageOf(tag), tag).toBe('en');
  });

  it('follows the q-values, then the order, and skips what we do not speak', () => {
    expect(languageOf('en-US,en;q=0.9')).toBe('en');
    expect(languageOf('en;q=0.3, zh-TW;q=0.8')).toBe('zh-CN');
    expect(languageOf('zh;q=0.5, en')).toBe('en');
    expect(languageOf('en, zh')).toBe('en');
    expect(languageOf('fr, en;q=0.5')).toBe('en');
  });

  it('ignores ranges refused with q=0 or with a q-value that is not a number', () => {
    expect(languageOf('en;q=0, zh;q=0.1')).toBe('zh-CN');
    expect(languageOf('en;q=0')).toBe('zh-CN');
    expect(languageOf('en;q=high')).toBe('zh-CN');
    expect(languageOf('en; Q=0.7')).toBe('en');
  });
});
