import { describe, expect, it } from 'vitest';
import { maskId, maskMobile } from '../src/index.ts';

describe('masks for personal data on screens', () => {
  it('shows a mobile number as carrier prefix and last four', () => {
    expect(maskMobile('13812345678')).toBe('138****5678');
  });

  it('shows an identity number as province, city and last four, hiding the birth date', () => {
    expect(maskId('44060519650101001X')).toBe('4406**********001X');
    expect(maskId('511322199901013455')).toBe('5113**********3455');
  });

  it('masks a value too short to keep both ends entirely', () => {
    expect(maskMobile('1381234')).toBe('*******');
    expect(maskId('4406')).toBe('****');
    expect(maskMobile('')).toBe('');
  });

  it('counts characters, not UTF-16 units', () => {
    expect(maskMobile('𠀀𠀀𠀀12345678')).toBe('𠀀𠀀𠀀****5678');
  });
});
