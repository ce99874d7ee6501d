import type { Lang } from '@shanzhi/forms';
import type { FastifyRequest } from 'fastify';

/** The language a person asked for (Accept-Language, by weight): English when they prefer it, else zh-CN, the users' own. */
export function requestLang(request: FastifyRequest): Lang {
  const header = request.headers['accept-language'];
  if (typeof header !== 'string') return 'zh-CN';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? '1',
      );
      return { tag: tag.toLowerCase(), q: Number.isFinite(q) ? q : 0 };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
    if (tag === 'zh' || tag.startsWith('zh-') || tag === '*') return 'zh-CN';
  }
  return 'zh-CN';
}
