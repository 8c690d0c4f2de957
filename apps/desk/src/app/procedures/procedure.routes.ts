import { Routes } from '@angular/router';

export const PROCEDURE_ROUTES: Routes = [
  {
    path: '',
    title: 'Thủ tục hành chính',
    loadComponent: () => import('./procedure-list').then((m) => m.ProcedureList),
  },
  {
    path: 'moi',
    title: 'Thêm thủ tục',
    loadComponent: () => import('./procedure-create').then((m) => m.ProcedureCreate),
  },
  {
    path: 'nhap-xuat',
    title: 'Nhập, xuất danh mục',
    loadComponent: () => import('./catalog-transfer').then((m) => m.CatalogTransfer),
  },
  {
    path: ':id',
    title: 'Chi tiết thủ tục',
    loadComponent: () => import('./procedure-overview').then((m) => m.ProcedureOverview),
  },
  {
    path: ':id/phien-ban/:versionId',
    title: 'Soạn phiên bản thủ tục',
    loadComponent: () => import('./version-editor').then((m) => m.VersionEditor),
  },
];
