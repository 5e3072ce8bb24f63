// The frame of every page after sign-in: the console's name, the navigation the role may use,
// who is signed in, the language switch and sign-out. Without a session it sends the steward to
// the sign-in page.
import { useQueryClient } from '@tanstack/react-query';
import { Button, Layout, Menu, Space, Spin, Typography } from 'antd';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { HubError, signOut } from './api';
import { ErrorNotice } from './ErrorNotice';
import { LanguageSwitch, useT } from './i18n';
import { PAGES } from './pages';
import { useSession } from './session';

export function Shell() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const t = useT();
  const queryClient = useQueryClient();
  const session = useSession();
  // Sign-out leaves for the sign-in page whatever the hub answers: a session it cannot end now
  // ends by itself. Nothing here rejects, so the click handler has nothing to wait for (`void`).
  const leave = async () => {
    await signOut().catch(() => undefined);
    queryClient.clear();
    await navigate('/sign-in');
  };
  if (session.isPending) return <Spin style={{ display: 'block', margin: 48 }} tip={t('正在加载…', 'Loading…')} />;
  if (session.isError) {
    if (session.error instanceof HubError && session.error.status === 401) return <Navigate to="/sign-in" replace />;
    return (
      <main style={{ padding: 24 }}>
        <ErrorNotice error={session.error} title={t('无法确认登录状态', 'Cannot check your session')} />
      </main>
    );
  }
  const principal = session.data.principal;
  const items = PAGES.filter((p) => !p.visible || p.visible(principal)).map((p) => ({
    key: p.path,
    label: t(p.zh, p.en),
  }));
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24 }}>
        <Typography.Text strong style={{ color: '#fff', whiteSpace: 'nowrap' }}>
          {t('数据共享交换平台 · 管理控制台', 'Data Sharing Exchange Hub · Console')}
        </Typography.Text>
        <nav aria-label={t('主导航', 'Main navigation')} style={{ flex: 1, minWidth: 0 }}>
          {/* navigate() settles when the next page is there; the click has nothing to wait for. */}
          <Menu
            theme="dark"
            mode="horizontal"
            selectedKeys={[pathname]}
            items={items}
            onClick={({ key }) => void navigate(key)}
          />
        </nav>
        <Space>
          <Typography.Text style={{ color: '#fff', whiteSpace: 'nowrap' }} data-testid="signed-in-as">
            {principal.name}
          </Typography.Text>
          <LanguageSwitch />
          <Button data-testid="sign-out" onClick={() => void leave()}>
            {t('退出登录', 'Sign out')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>
        <main>
          <Outlet />
        </main>
      </Layout.Content>
    </Layout>
  );
}
