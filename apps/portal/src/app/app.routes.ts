import { Routes } from '@angular/router';

export const routes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Trang chủ',
    loadComponent: () => import('./home/home').then((m) => m.Home),
  },
  {
    path: 'thu-tuc',
    title: 'Tra cứu thủ tục hành chính',
    loadComponent: () => import('./procedures/procedure-search').then((m) => m.ProcedureSearch),
  },
  {
    path: 'thu-tuc/:code',
    title: 'Chi tiết thủ tục hành chính',
    loadComponent: () => import('./procedures/procedure-detail').then((m) => m.ProcedureDetail),
  },
  {
    path: 'nop-ho-so/:code',
    title: 'Nộp hồ sơ trực tuyến',
    loadComponent: () => import('./submission/submit-placeholder').then((m) => m.SubmitPlaceholder),
  },
  {
    path: 'dang-nhap',
    title: 'Đăng nhập',
    loadComponent: () => import('./account/citizen-login').then((m) => m.CitizenLogin),
  },
  {
    path: 'dang-ky',
    title: 'Đăng ký tài khoản',
    loadComponent: () => import('./account/citizen-register').then((m) => m.CitizenRegister),
  },
  {
    path: '**',
    title: 'Không tìm thấy trang',
    loadComponent: () => import('./not-found').then((m) => m.NotFound),
  },
];
