// The console's routes under /console. Each page is its own chunk (React.lazy), so the first
// paint loads only the shell and the page asked for.
import { Spin } from 'antd';
import { Suspense, lazy, type ReactNode } from 'react';
import { Navigate, createBrowserRouter } from 'react-router';
import { Shell } from './Shell';

const SignIn = lazy(() => import('./pages/SignIn'));
const Catalog = lazy(() => import('./pages/Catalog'));

function page(element: ReactNode): ReactNode {
  return <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} tip="正在加载…" />}>{element}</Suspense>;
}

export const router = createBrowserRouter(
  [
    { path: '/', element: <Navigate to="/sign-in" replace /> },
    { path: '/sign-in', element: page(<SignIn />) },
    {
      element: <Shell />,
      children: [{ path: '/catalog', element: page(<Catalog />) }],
    },
    { path: '*', element: <Navigate to="/sign-in" replace /> },
  ],
  { basename: '/console' },
);
