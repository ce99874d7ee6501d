import { Tag } from 'antd';
import { useT } from '../i18n/index.tsx';
import { atMinute } from './time.ts';

/** Within this long of its due time a task counts as due soon (the server's reminder uses the same day). */
export const DUE_SOON_MS = 24 * 60 * 60 * 1000;

export type Urgency = 'overdue' | 'due-soon' | 'on-time' | 'none';

export function urgencyOf(dueAt: string | undefined, now = Date.now()): Urgency {
  if (!dueAt) return 'none';
  const due = Date.parse(dueAt);
  if (due < now) return 'overdue';
  return due - now <= DUE_SOON_MS ? 'due-soon' : 'on-time';
}

/** The due time with 已逾期 / 即将到期 when it matters. */
export function DueTag({ dueAt }: { dueAt: string | undefined }) {
  const t = useT();
  const urgency = urgencyOf(dueAt);
  if (urgency === 'none' || !dueAt) return null;
  const when = atMinute(dueAt);
  if (urgency === 'overdue') return <Tag color="red">{t('due.overdue', { when })}</Tag>;
  if (urgency === 'due-soon') return <Tag color="orange">{t('due.soon', { when })}</Tag>;
  return <Tag>{t('due.at', { when })}</Tag>;
}
