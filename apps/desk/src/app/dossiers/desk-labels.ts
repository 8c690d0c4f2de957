import {
  DESK_ACTION_LABELS,
  DOSSIER_STATUS_LABELS,
  DeskAction,
  DeskEventDto,
  DossierStatus,
  TERMINAL_DOSSIER_STATUSES,
} from '@dvc/shared/contracts';

/** History entries by event type (the API writes one per action, plus intake, receipt and SLA events). */
const EVENT_LABELS: Record<string, string> = {
  submitted: 'Nộp hồ sơ',
  accepted: 'Tiếp nhận hồ sơ',
  receipt_issued: 'Cấp giấy tiếp nhận và hẹn trả kết quả (Mẫu 01)',
  result_signed: 'Lãnh đạo ký số kết quả giải quyết',
  refused: 'Từ chối tiếp nhận (Mẫu 03)',
  supplement_requested: 'Yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)',
  supplement_received: 'Nhận hồ sơ bổ sung',
  assigned: 'Phân công xử lý',
  reassigned: 'Phân công lại',
  forwarded: 'Chuyển xử lý',
  transferred: 'Chuyển liên thông',
  sent_back: 'Trả lại để xử lý tiếp',
  submitted_for_approval: 'Trình lãnh đạo phê duyệt',
  approved: 'Lãnh đạo phê duyệt',
  stopped: 'Dừng xử lý',
  result_returned: 'Trả kết quả',
  withdrawal_requested: 'Yêu cầu rút hồ sơ',
  withdrawn: 'Rút hồ sơ',
  payment_requested: 'Yêu cầu nộp phí, lệ phí',
  payment_received: 'Đã nộp phí, lệ phí',
  sla_due_soon: 'Cảnh báo sắp đến hạn',
  sla_overdue: 'Quá hạn xử lý',
  apology_drafted: 'Dự thảo phiếu xin lỗi, hẹn lại ngày trả kết quả (Mẫu 04)',
  apology_issued: 'Gửi phiếu xin lỗi, hẹn lại ngày trả kết quả (Mẫu 04)',
};

/** Vietnamese name of a history entry: its action's label, a known event's name, else the new status. */
export function eventLabel(e: Pick<DeskEventDto, 'type' | 'toStatus'>): string {
  const type = e.type.replace(/[.:-]/g, '_');
  if (type in EVENT_LABELS) return EVENT_LABELS[type];
  if (type in DESK_ACTION_LABELS) return DESK_ACTION_LABELS[type as DeskAction];
  if (e.toStatus) return DOSSIER_STATUS_LABELS[e.toStatus] ?? e.type;
  return e.type;
}

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
