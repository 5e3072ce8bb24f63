// Sign-in: the steward's key is posted once to /console/session, which answers with an httpOnly
// session cookie; the key is not kept anywhere in the page (the form is reset after the request).
import { Button, Card, Form, Input, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { signIn } from '../api';
import { ErrorNotice } from '../ErrorNotice';

export default function SignIn() {
  const navigate = useNavigate();
  const [form] = Form.useForm<{ key: string }>();
  const mutation = useMutation({
    mutationFn: (key: string) => signIn(key),
    onSuccess: () => navigate('/catalog'),
    onSettled: () => form.resetFields(),
  });
  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f2f5' }}>
      <Card style={{ width: 420 }}>
        <Typography.Title level={1} style={{ fontSize: 22 }}>
          数据共享交换平台 · 管理控制台
        </Typography.Title>
        <Typography.Paragraph type="secondary">请使用数据管理员密钥登录。密钥仅用于换取登录会话，不会保存在浏览器中。</Typography.Paragraph>
        <Form form={form} layout="vertical" requiredMark={false} onFinish={({ key }) => mutation.mutate(key.trim())}>
          <Form.Item label="密钥" name="key" rules={[{ required: true, message: '请输入密钥' }]}>
            <Input.Password autoComplete="off" placeholder="hubk_…" />
          </Form.Item>
          {mutation.isError ? (
            <Form.Item>
              <ErrorNotice error={mutation.error} title="登录失败" />
            </Form.Item>
          ) : null}
          <Button type="primary" htmlType="submit" block loading={mutation.isPending}>
            登录
          </Button>
        </Form>
      </Card>
    </main>
  );
}
