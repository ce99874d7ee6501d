/**
 * Masks for personal data shown on screens (DOMAIN.md: identity and phone numbers are masked;
 * roles that need the full value read it from the record, never from a masked copy). Both keep
 * just enough to tell two people apart in a list and to read a number back over the phone.
 */

/** '13812345678' → '138****5678': carrier prefix and last four. */
export function maskMobile(value: string): string {
  return keepEnds(value, 3, 4);
}

/**
 * '44060519900101123X' → '4406**********123X': province and city (not the county), and the last
 * four; the birth date is hidden.
 */
export function maskId(value: string): string {
  return keepEnds(value, 4, 4);
}

/** Too short to keep both ends without revealing most of it: all masked. */
function keepEnds(value: string, head: number, tail: number): string {
  const chars = [...value];
  if (chars.length <= head + tail) return '*'.repeat(chars.length);
  return chars.slice(0, head).join('') + '*'.repeat(chars.length - head - tail) + chars.slice(-tail).join('');
}
