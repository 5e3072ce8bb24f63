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
  { path: '/grants', zh: '授权与密钥', en: 'Grants and keys', component: lazy(() => import('./pages/Grants')) },
  { path: '/calendar', zh: '工作日历', en: 'Working-day calendar', component: lazy(() => import('./pages/Calendar')) },
];

