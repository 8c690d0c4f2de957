import { Routes } from '@angular/router';
import { authGuard } from '@dvc/channel/api-client';

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
    canMatch: [authGuard()],
    loadComponent: () => import('./submission/submit-dossier').then((m) => m.SubmitDossier),
  },
  {
    path: 'ho-so-cua-toi',
    title: 'Hồ sơ của tôi',
    canMatch: [authGuard()],
    loadComponent: () => import('./my-dossiers/my-dossiers').then((m) => m.MyDossiers),
  },
  {
    path: 'ho-so-cua-toi/:id/da-nop',
    title: 'Nộp hồ sơ thành công',
    canMatch: [authGuard()],
    loadComponent: () => import('./submission/submit-success').then((m) => m.SubmitSuccess),
  },
  {
    path: 'ho-so-cua-toi/:id',
    title: 'Chi tiết hồ sơ',
    canMatch: [authGuard()],
    loadComponent: () => import('./my-dossiers/my-dossier-detail').then((m) => m.MyDossierDetail),
  },
  {
    path: 'tra-cuu',
    title: 'Tra cứu hồ sơ',
    loadComponent: () => import('./lookup/dossier-lookup').then((m) => m.DossierLookup),
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
