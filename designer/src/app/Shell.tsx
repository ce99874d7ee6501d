import { BellOutlined, GlobalOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Dropdown, Grid, Layout, Menu, Space, Tag, Typography } from 'antd';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { DASHBOARD_ROLES } from '../features/dashboard/roles.ts';
import { type MessageKey, useI18n } from '../i18n/index.tsx';
import { api, ok } from '../shared/api.ts';
import { OtherLanguage } from '../shared/LanguageName.tsx';
import { roleLabel, useUnitNames } from '../shared/names.ts';
import { useSession } from '../shared/session.tsx';

/** The daily screens; one with `roles` shows only to people holding one of them somewhere. */
const NAV: { path: string; label: MessageKey; roles?: readonly string[] }[] = [
  { path: '/inbox', label: 'nav.inbox' },
  { path: '/start', label: 'nav.start' },
  { path: '/mine', label: 'nav.mine' },
  { path: '/registers', label: 'nav.registers' },
  { path: '/templates', label: 'nav.templates', roles: ['town-admin', 'village-admin', 'designer'] },
  { path: '/design', label: 'design.nav', roles: ['designer', 'town-admin'] },
  { path: '/forms', label: 'forms.nav', roles: ['designer', 'town-admin'] },
  { path: '/dashboard', label: 'dashboard.nav', roles: DASHBOARD_ROLES },
  { path: '/admin', label: 'nav.admin', roles: ['town-admin', 'village-admin', 'auditor'] },
];

/** How often the bell asks for the unread count while the app is open. */
const BELL_POLL_MS = 30_000;

function Bell() {
  const { t } = useI18n();
  const unread = useQuery({
    queryKey: ['/api/notifications/unread-count'],
    queryFn: () => ok(api.GET('/api/notifications/unread-count')),
    refetchInterval: BELL_POLL_MS,
  });
  const count = unread.data?.unread ?? 0;
  return (
    <Link to="/notifications" aria-label={t('nav.notifications', { count })} data-testid="bell">
      <Badge count={count} size="small">
        <BellOutlined style={{ fontSize: 20, color: '#fff' }} />
      </Badge>
    </Link>
  );
}

function Account() {
  const { t, language, setLanguage } = useI18n();
  const { me, signOut } = useSession();
  const navigate = useNavigate();
  const grant = me?.grants[0];
  const unitName = useUnitNames();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'who',
            disabled: true,
            label: (
              <Space direction="vertical" size={2}>
                <Typography.Text strong translate="no">
                  {me?.displayName}
                </Typography.Text>
                {me?.grants.map((g) => (
                  <Typography.Text key={`${g.role}@${g.unitPath}`} type="secondary">
                    {roleLabel(t, g.role)} · <span translate="no">{unitName(g.unitPath)}</span>
                  </Typography.Text>
                ))}
              </Space>
            ),
          },
          { type: 'divider' },
          {
            key: 'lang',
            icon: <GlobalOutlined />,
            label: <OtherLanguage />,
            onClick: () => setLanguage(language === 'en' ? 'zh-CN' : 'en'),
          },
          {
            key: 'out',
            icon: <LogoutOutlined />,
            label: t('app.signOut'),
            onClick: async () => {
              await signOut();
              navigate('/login');
            },
          },
        ],
      }}
    >
      <Button type="text" style={{ color: '#fff' }} icon={<UserOutlined />} data-testid="account">
        <span translate="no">{me?.displayName}</span>
        {grant ? <Tag style={{ marginInlineStart: 6 }}>{roleLabel(t, grant.role)}</Tag> : null}
      </Button>
    </Dropdown>
  );
}

/** The signed-in frame: brand, the daily screens, the bell and the account menu; a bottom bar on a phone. */
export function Shell() {
  const { t } = useI18n();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const { me } = useSession();
  const nav = NAV.filter((n) => !n.roles || me?.grants.some((g) => n.roles?.includes(g.role)));
  const selected = nav.filter((n) => location.pathname.startsWith(n.path)).map((n) => n.path);
  const menu = (
    <Menu
      mode="horizontal"
      theme={phone ? 'light' : 'dark'}
      selectedKeys={selected}
      items={nav.map((n) => ({ key: n.path, label: <Link to={n.path}>{t(n.label)}</Link> }))}
      style={phone ? { justifyContent: 'space-around' } : { flex: 1, minWidth: 0, background: 'transparent' }}
    />
  );
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, paddingInline: phone ? 12 : 24, background: '#c8102e' }}>
        <Link to="/inbox" style={{ color: '#fff', fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}>
          {t('app.name')}
        </Link>
        {phone ? <div style={{ flex: 1 }} /> : menu}
        <Bell />
        <Account />
      </Layout.Header>
      <Layout.Content style={{ padding: phone ? 8 : 24, paddingBottom: phone ? 64 : 24, maxWidth: 1200, width: '100%', margin: '0 auto' }}>
        <Outlet />
      </Layout.Content>
      {phone ? (
        <nav style={{ position: 'fixed', bottom: 0, left: 0, right: 0, zIndex: 10, borderTop: '1px solid #eee' }}>{menu}</nav>
      ) : null}
    </Layout>
  );
}
