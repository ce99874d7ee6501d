import { DEFAULT_LANG, type Lang } from '@shanzhi/forms';

/**
 * The language to answer in, from an Accept-Language header: its ranges by preference (q-value,
 * then order), the first that is Chinese (zh, zh-CN, zh-Hans, zh-TW, …: answered in zh-CN) or
 * English (en, en-US, en-GB, …). Nothing we speak, or no header: zh-CN, the users' own.
 */
export function languageOf(acceptLanguage: string | undefined): Lang {
  const ranges = (acceptLanguage ?? '')
    .split(',')
    .map((range, order) => {
      const [tag = '', ...attributes] = range.split(';').map((s) => s.trim());
      const q = attributes.find((a) => /^q=/i.test(a));
      return { primary: tag.toLowerCase().split('-')[0], q: q === undefined ? 1 : Number(q.slice(2)), order };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  for (const { primary } of ranges) {
    if (primary === 'zh') return 'zh-CN';
    if (primary === 'en') return 'en';
  }
  return DEFAULT_LANG;
}
