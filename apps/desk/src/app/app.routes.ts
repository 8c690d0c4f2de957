import { inject } from '@angular/core';
import { Routes } from '@angular/router';
import { AuthStore, authGuard, roleGuard } from '@dvc/channel/api-client';
import { CALENDAR_ADMIN_ROLES, CATALOG_ADMIN_ROLES, DOSSIER_ROLES, SYNC_ADMIN_ROLES } from './roles';

export const routes: Routes = [
  {
    path: 'dang-nhap',
    title: 'Đăng nhập',
    loadComponent: () => import('./login/desk-login').then((m) => m.DeskLogin),
  },
  {
    path: '',
    canMatch: [authGuard('/dang-nhap')],
    children: [
      {
        path: '',
        pathMatch: 'full',
        redirectTo: () => (inject(AuthStore).hasAnyRole(...CATALOG_ADMIN_ROLES) ? '/thu-tuc' : '/ho-so'),
      },
      {
        path: 'ho-so',
        loadChildren: () => import('./dossiers/dossier.routes').then((m) => m.DOSSIER_ROUTES),
      },
      {
        path: 'qua-han',
        title: 'Hồ sơ quá hạn',
        canMatch: [roleGuard(DOSSIER_ROLES, '/')],
        loadComponent: () => import('./overdue/overdue-board').then((m) => m.OverdueBoard),
      },
      {
        path: 'lich-lam-viec',
        title: 'Lịch làm việc',
        canMatch: [roleGuard(CALENDAR_ADMIN_ROLES, '/ho-so')],
        loadComponent: () => import('./calendar/calendar-admin').then((m) => m.CalendarAdmin),
      },
      {
        path: 'dong-bo',
        title: 'Đồng bộ Cổng DVCQG',
        canMatch: [roleGuard(SYNC_ADMIN_ROLES, '/')],
        loadComponent: () => import('./sync/sync-health').then((m) => m.SyncHealth),
      },
      {
        path: 'quy-trinh',
        canMatch: [roleGuard(CATALOG_ADMIN_ROLES, '/ho-so')],
        loadChildren: () => import('./workflows/workflow.routes').then((m) => m.WORKFLOW_ROUTES),
      },
      {
        path: 'thu-tuc',
        canMatch: [roleGuard(CATALOG_ADMIN_ROLES, '/ho-so')],
        loadChildren: () => import('./procedures/procedure.routes').then((m) => m.PROCEDURE_ROUTES),
      },
      {
        path: '**',
        title: 'Không tìm thấy trang',
        loadComponent: () => import('./not-found').then((m) => m.NotFound),
      },
    ],
  },
];
