/**
 * Chinese identifiers the governance forms collect. Each check is pure and exact about the
 * canonical form we store (no spaces, no country prefix, check letters upper case), so a value
 * that passes can be compared, masked and exported as it is.
 */

/** Mainland mobile numbers: 11 digits, 1 then 3–9 (all current carrier ranges, 13x–19x). */
export function isCnMobile(value: string): boolean {
  return /^1[3-9]\d{9}$/.test(value);
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
/** Province-level codes of GB/T 2260, plus 81–83 (Hong Kong, Macao, Taiwan residence permits). */
const ID_PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
  83,
]);

/**
 * 18-digit citizen identity numbers (GB 11643-1999): a province code, a real birth date, a
 * sequence and the ISO 7064 MOD 11-2 check character. Numbers starting with 9 are the 2023
 * permanent-residence cards of foreigners, which share the layout and the check.
 */
export function isCnId(value: string): boolean {
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  const province = Number(value.slice(0, 2));
  if (!ID_PROVINCES.has(province) && value[0] !== '9') return false;
  if (!isBirthDate(value.slice(6, 14))) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(value[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11] === value[17];
}

function isBirthDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one (leap years included).
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** GB 32100-2015 alphabet: digits and capitals without I, O, S, V, Z. */
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * Unified social credit codes (统一社会信用代码, GB 32100-2015): registering authority and kind
 * (e.g. 91 companies, 54 village committees, N2 village collective economic organisations), a
 * 6-digit region, a 9-character organisation code and the MOD 31 check character.
 */
export function isCnUscc(value: string): boolean {
  if (!/^[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(value[i]!) * USCC_WEIGHTS[i]!;
  return USCC_ALPHABET[(31 - (sum % 31)) % 31] === value[17];
}
