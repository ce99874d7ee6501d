import { describe, expect, it } from 'vitest';
import { isCnId, isCnMobile, isCnUscc, validateSubmission } from '../src/index.ts';
import { formOf } from './support.ts';

describe('cn-mobile: mainland mobile numbers', () => {
  it.each(['13800138000', '13802961234', '15918887766', '17722334455', '18666778899', '19912345678'])('accepts %s', (n) => {
    expect(isCnMobile(n)).toBe(true);
  });

  it.each([
    ['1380013800', 'ten digits'],
    ['138001380001', 'twelve digits'],
    ['12345678901', 'no carrier starts with 12'],
    ['+8613800138000', 'a country prefix (we store the bare 11 digits)'],
    ['138 0013 8000', 'spaces'],
    ['0757-86281234', 'a Foshan landline'],
    ['１３８００１３８０００', 'full-width digits'],
  ])('refuses %s (%s)', (n) => {
    expect(isCnMobile(n)).toBe(false);
  });
});

describe('cn-id: 18-digit resident identity numbers', () => {
  it.each([
    ['11010519491231002X', 'the GB 11643 example, check character X'],
    ['440605196501010017', 'a Nanhai landlord born 1965'],
    ['511322199901013455', 'a new resident from Sichuan'],
    ['36042819850630413X', 'a new resident from Jiangxi'],
  ])('accepts %s (%s)', (n) => {
    expect(isCnId(n)).toBe(true);
  });

  it.each([
    ['440605196501010018', 'wrong check digit'],
    ['11010519491231002x', 'lower-case x (we store the canonical capital)'],
    ['440605199902303455', '30 February'],
    ['000605196501010017', 'no province 00'],
    ['44060519650101001', 'seventeen characters'],
    ['44060565010100', 'the old 15-digit number'],
  ])('refuses %s (%s)', (n) => {
    expect(isCnId(n)).toBe(false);
  });

  it('checks the birth date against the calendar, leap years included', () => {
    const withCheck = (first17: string) => {
      const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
      return first17 + '10X98765432'[[...first17].reduce((s, c, i) => s + Number(c) * w[i]!, 0) % 11];
    };
    expect(isCnId(withCheck('44060520000229123'))).toBe(true);
    expect(isCnId(withCheck('44060519000229123'))).toBe(false);
    expect(isCnId(withCheck('44060520230431123'))).toBe(false);
    expect(isCnId(withCheck('44060518991231123'))).toBe(false);
  });
});

describe('cn-uscc: unified social credit codes', () => {
  it.each([
    ['91350100M000100Y43', 'the standard example, a company'],
    ['9144060573216810XJ', 'a Nanhai company'],
    ['N2440605MF1234567T', 'a village collective economic organisation (经济社)'],
    ['54440605MEA123456G', 'a village committee'],
  ])('accepts %s (%s)', (code) => {
    expect(isCnUscc(code)).toBe(true);
  });

  it.each([
    ['91350100M000100Y44', 'wrong check character'],
    ['91350100M000100Y4', 'seventeen characters'],
    ['91350100I000100Y43', 'I is not in the alphabet'],
    ['9135010OM000100Y43', 'the region code must be digits'],
    ['91350100m000100y43', 'lower case'],
  ])('refuses %s (%s)', (code) => {
    expect(isCnUscc(code)).toBe(false);
  });
});

describe('the formats in a form', () => {
  const form = formOf({
    landlordMobile: { type: 'string', format: 'cn-mobile' },
    landlordId: { type: 'string', format: 'cn-id' },
    creditCode: { type: 'string', format: 'cn-uscc' },
  });

  it('are asserted, each with its own message in Chinese and English', () => {
    const data = { landlordMobile: '1380013800', landlordId: '440605196501010018', creditCode: 'N2440605MF1234567X' };
    const zh = validateSubmission(form, [], data);
    expect(zh).toEqual({
      ok: false,
      errors: [
        { field: '/landlordMobile', code: 'format', message: '不是有效的手机号码，应为 11 位数字' },
        { field: '/landlordId', code: 'format', message: '不是有效的公民身份号码，请核对 18 位号码（末位 X 大写）' },
        { field: '/creditCode', code: 'format', message: '不是有效的统一社会信用代码，请核对 18 位代码' },
      ],
    });
    const en = validateSubmission(form, [], data, { lang: 'en' });
    expect(en.ok ? [] : en.errors.map((e) => e.message)).toEqual([
      'Not a valid mainland mobile number (11 digits).',
      'Not a valid resident identity number; check the 18 characters (a final X in capitals).',
      'Not a valid unified social credit code; check the 18 characters.',
    ]);
  });

  it('only apply to text: a number where a mobile is expected is a type error', () => {
    const result = validateSubmission(form, [], { landlordMobile: 13800138000 });
    expect(result.ok ? [] : result.errors.map((e) => e.code)).toEqual(['type']);
  });
});
