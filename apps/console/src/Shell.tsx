// The frame of every page after sign-in: the console's name, the navigation, sign-out.
import { Button, Layout, Menu, Typography } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { signOut } from './api';

const PAGES = [{ key: '/catalog', label: '目录' }];

export function Shell() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24 }}>
        <Typography.Text strong style={{ color: '#fff', whiteSpace: 'nowrap' }}>
          数据共享交换平台 · 管理控制台
        </Typography.Text>
        <Menu theme="dark" mode="horizontal" selectedKeys={[pathname]} items={PAGES} onClick={({ key }) => navigate(key)} style={{ flex: 1 }} />
        <Button
          onClick={async () => {
            await signOut().catch(() => undefined);
            navigate('/sign-in');
          }}
        >
          退出登录
        </Button>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>
        <main>
          <Outlet />
        </main>
      </Layout.Content>
    </Layout>
  );
}
