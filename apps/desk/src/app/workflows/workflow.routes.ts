import { Routes } from '@angular/router';

export const WORKFLOW_ROUTES: Routes = [
  {
    path: '',
    title: 'Quy trình xử lý',
    loadComponent: () => import('./workflow-list').then((m) => m.WorkflowList),
  },
  {
    path: ':code/phien-ban/:version',
    title: 'Soạn quy trình xử lý',
    loadComponent: () => import('./workflow-editor').then((m) => m.WorkflowEditor),
  },
];
