// Sign-in: the steward's key is posted once to /console/session, which answers with an httpOnly
// session cookie; the key is not kept anywhere in the page (the form is reset after the request).
import { Button, Card, Form, Input, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { signIn } from '../api';
import { ErrorNotice } from '../ErrorNotice';
import { LanguageSwitch, useT } from '../i18n';
import { SESSION_QUERY_KEY } from '../session';

export default function SignIn() {
  const navigate = useNavigate();
  const t = useT();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ key: string }>();
  const mutation = useMutation({
    mutationFn: (key: string) => signIn(key),
    onSuccess: async () => {
      queryClient.clear();
      await queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
      await navigate('/catalog');
    },
    onSettled: () => form.resetFields(),
  });
  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f2f5' }}>
      <Card style={{ width: 420 }}>
        <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <LanguageSwitch />
        </div>
        <Typography.Title level={1} style={{ fontSize: 22 }}>
          {t('数据共享交换平台 · 管理控制台', 'Data Sharing Exchange Hub · Console')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          {t(
            '请使用数据管理员密钥登录。密钥仅用于换取登录会话，不会保存在浏览器中。',
            'Sign in with your steward key. The key is exchanged for a session and never kept in the browser.',
          )}
        </Typography.Paragraph>
        <Form form={form} layout="vertical" requiredMark={false} onFinish={({ key }) => mutation.mutate(key.trim())}>
          <Form.Item
            label={t('密钥', 'Key')}
            name="key"
            rules={[{ required: true, message: t('请输入密钥', 'Enter your key') }]}
          >
            <Input.Password autoComplete="off" placeholder="hubk_…" />
          </Form.Item>
          {mutation.isError ? (
            <Form.Item>
              <ErrorNotice error={mutation.error} title={t('登录失败', 'Sign-in failed')} />
            </Form.Item>
          ) : null}
          <Button type="primary" htmlType="submit" block loading={mutation.isPending}>
            {t('登录', 'Sign in')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
