import { DESK_ACTION_LABELS, type DeskAction } from './desk';
import { DOSSIER_STATUS_LABELS, type DossierStatus } from './dossier';

/**
 * History entries by event type, in Vietnamese: the API writes one per desk action, plus intake,
 * receipt, signing, SLA and apology events. One table for the desk and the portal.
 */
export const DOSSIER_EVENT_LABELS: Readonly<Record<string, string>> = {
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

/** Vietnamese name of a history entry: a known event's name, its action's label, else the new status. */
export function dossierEventLabel(e: { type: string; toStatus?: DossierStatus | null }): string {
  const type = e.type.replace(/[.:-]/g, '_');
  if (type in DOSSIER_EVENT_LABELS) return DOSSIER_EVENT_LABELS[type];
  if (type in DESK_ACTION_LABELS) return DESK_ACTION_LABELS[type as DeskAction];
  if (e.toStatus) return DOSSIER_STATUS_LABELS[e.toStatus] ?? e.type;
  return e.type;
}
