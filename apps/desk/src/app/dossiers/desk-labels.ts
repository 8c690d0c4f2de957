import { DeskAction, DossierStatus, TERMINAL_DOSSIER_STATUSES, dossierEventLabel } from '@dvc/shared/contracts';

/** Vietnamese name of a history entry (one table in the contracts, shared with the portal). */
export const eventLabel = dossierEventLabel;

export const ACTOR_KIND_LABELS = { citizen: 'Công dân', official: 'Cán bộ', system: 'Hệ thống' } as const;

/** Statuses an official can filter the inbox by (open ones first). */
export const FILTER_STATUSES: DossierStatus[] = [
  'submitted',
  'received',
  'processing',
  'awaiting_approval',
  'supplement_requested',
  'payment_requested',
  'withdrawal_requested',
  'result_ready',
  ...TERMINAL_DOSSIER_STATUSES,
];

export const DUE_FILTER_LABELS = {
  today: 'Đến hạn hôm nay',
  week: 'Đến hạn trong 7 ngày',
  overdue: 'Quá hạn',
} as const;
export type DueFilter = keyof typeof DUE_FILTER_LABELS;

/** Tone of an action button: the main path primary, refusals red, the rest secondary. */
export function actionTone(a: DeskAction): 'primary' | 'danger' | 'secondary' {
  if (
    [
      'accept',
      'approve',
      'return_result',
      'submit_for_approval',
      'supplement_received',
      'payment_received',
    ].includes(a)
  )
    return 'primary';
  if (['refuse', 'stop', 'record_withdrawal'].includes(a)) return 'danger';
  return 'secondary';
}
