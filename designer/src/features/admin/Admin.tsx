import { Tabs } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { AuditTab } from './AuditTab.tsx';
import { CalendarTab } from './CalendarTab.tsx';
import { OrgTab } from './OrgTab.tsx';
import { UsersTab } from './UsersTab.tsx';
import { WebhooksTab } from './WebhooksTab.tsx';

const TABS: { key: string; label: MessageKey; Screen: () => React.ReactNode }[] = [
  { key: 'org', label: 'admin.tab.org', Screen: OrgTab },
  { key: 'users', label: 'admin.tab.users', Screen: UsersTab },
  { key: 'calendar', label: 'admin.tab.calendar', Screen: CalendarTab },
  { key: 'webhooks', label: 'admin.tab.webhooks', Screen: WebhooksTab },
  { key: 'audit', label: 'admin.tab.audit', Screen: AuditTab },
];

/** 系统管理: each tab its own address (/admin/users …), so a link or a reload lands on it; only the open tab is drawn and asks the server. */
export function Admin() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { tab } = useParams();
  const active = TABS.find((t) => t.key === tab) ?? TABS[0];
  return (
    <Tabs
      activeKey={active?.key}
      onChange={(key) => navigate(`/admin/${key}`)}
      destroyOnHidden
      items={TABS.map(({ key, label, Screen }) => ({ key, label: t(label), children: <Screen /> }))}
    />
  );
}
