import { Tag } from 'antd';
import { type MessageKey, useT } from '../i18n/index.tsx';

const STATUS: Record<string, { key: MessageKey; color: string }> = {
  active: { key: 'status.active', color: 'processing' },
  completed: { key: 'status.completed', color: 'success' },
  terminated: { key: 'status.terminated', color: 'default' },
  cancelled: { key: 'status.cancelled', color: 'default' },
  withdrawn: { key: 'status.withdrawn', color: 'warning' },
};

/** An instance's status as a coloured word. */
export function StatusTag({ status }: { status: string }) {
  const t = useT();
  const s = STATUS[status];
  return <Tag color={s?.color}>{s ? t(s.key) : status}</Tag>;
}
