import { Routes } from '@angular/router';
import { roleGuard } from '@dvc/channel/api-client';
import { INTAKE_ROLES } from '../roles';

export const DOSSIER_ROUTES: Routes = [
  {
    path: '',
    title: 'Hộp hồ sơ',
    loadComponent: () => import('./inbox').then((m) => m.Inbox),
  },
  {
    path: 'tiep-nhan-truc-tiep',
    title: 'Tiếp nhận hồ sơ trực tiếp',
    canMatch: [roleGuard(INTAKE_ROLES, '/ho-so')],
    loadComponent: () => import('./in-person-intake').then((m) => m.InPersonIntake),
  },
  {
    path: ':id',
    title: 'Chi tiết hồ sơ',
    loadComponent: () => import('./dossier-detail').then((m) => m.DossierDetail),
  },
];
