// The console's pages, in menu order: where each lives (its route and lazily loaded chunk), its
// name in both languages, and who sees it in the menu. The hub decides again on every request;
// the menu only spares a steward pages that would refuse them.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { SessionPrincipal } from './api';

export interface ConsolePage {
  path: string;
  zh: string;
  en: string;
  component: LazyExoticComponent<ComponentType>;
  /** Who sees it in the menu; everyone signed in when absent. */
  visible?: (principal: SessionPrincipal) => boolean;
}

export const PAGES: ConsolePage[] = [
  { path: '/catalog', zh: '目录', en: 'Catalog', component: lazy(() => import('./pages/Catalog')) },
  { path: '/applications', zh: '共享申请', en: 'Applications', component: lazy(() => import('./pages/Applications')) },
  { path: '/grants', zh: '授权与密钥', en: 'Grants and keys', component: lazy(() => import('./pages/Grants')) },
  {
    path: '/access-log',
    zh: '访问记录',
    en: 'Access log',
    component: lazy(() => import('./pages/AccessLog')),
    visible: (p) => p.roles.includes('STEWARD'),
  },
  { path: '/corrections', zh: '纠错', en: 'Data corrections', component: lazy(() => import('./pages/Corrections')) },
  {
    path: '/supervision',
    zh: '督办',
    en: 'Supervision',
    component: lazy(() => import('./pages/Supervision')),
    visible: supervises,
  },
  { path: '/recognition', zh: '互认', en: 'Recognition', component: lazy(() => import('./pages/Recognition')) },
  { path: '/calendar', zh: '工作日历', en: 'Working-day calendar', component: lazy(() => import('./pages/Calendar')) },
];

/**
 * The supervising department (数据主管部门, the data bureau): the hub's default of
 * HUB_SUPERVISING_DEPARTMENT. Only the menu uses it; the hub answers by its own setting.
 */
export const SUPERVISING_DEPARTMENT = '11440600MB2C731081';

/** Admins, hub-wide stewards and the supervising department's stewards see every department's overdue work. */
function supervises(principal: SessionPrincipal): boolean {
  return (
    principal.roles.includes('ADMIN') ||
    (principal.roles.includes('STEWARD') &&
      (principal.departmentUscc === null || principal.departmentUscc === SUPERVISING_DEPARTMENT))
  );
}
