import { inject } from '@angular/core';
import { Routes } from '@angular/router';
import { AuthStore, authGuard, roleGuard } from '@dvc/channel/api-client';
import { CATALOG_ADMIN_ROLES } from './roles';

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
        title: 'Hộp hồ sơ',
        loadComponent: () => import('./inbox/inbox-placeholder').then((m) => m.InboxPlaceholder),
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
