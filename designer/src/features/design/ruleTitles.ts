import type { MessageKey, Translate } from '../../i18n/index.tsx';
import { zhCN } from '../../i18n/zh-CN.ts';

/**
 * A problem the server found, led by what rule it breaks in the reader's language: the engine
 * words its details in English only, so a Chinese reader still learns what is wrong at a glance.
 */
export function problemText(t: Translate, problem: { readonly rule?: string; readonly message: string }): string {
  const key = `design.rule.${problem.rule}`;
  if (!problem.rule || !(key in zhCN)) return problem.message;
  return t('design.ruleDetail', { title: t(key as MessageKey), detail: problem.message });
}
