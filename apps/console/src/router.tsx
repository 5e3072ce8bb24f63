// The console's routes under /console. Each page is its own chunk (React.lazy, see pages.tsx), so
// the first paint loads only the shell and the page asked for.
import { Spin } from 'antd';
import { Suspense, lazy, type ReactNode } from 'react';
import { Navigate, createBrowserRouter } from 'react-router';
import { PAGES } from './pages';
import { Shell } from './Shell';

const SignIn = lazy(() => import('./pages/SignIn'));

function page(element: ReactNode): ReactNode {
  return <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>{element}</Suspense>;
}

export const router = createBrowserRouter(
  [
    { path: '/', element: <Navigate to="/catalog" replace /> },
    { path: '/sign-in', element: page(<SignIn />) },
    {
      element: <Shell />,
      children: PAGES.map(({ path, component: Page }) => ({ path, element: page(<Page />) })),
    },
    { path: '*', element: <Navigate to="/catalog" replace /> },
  ],
  { basename: '/console' },
);
