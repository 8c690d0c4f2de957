import type { DossierDocumentDto } from './attachments';
import type { DossierResultDto } from './result';
/**
 * Internal dossier states, richer than the national portal's list (TrangThaiHoSo) and mapped to it
 * in DOSSIER_STATUS_PORTAL_CODE — the one editable mapping.
 */
export const DOSSIER_STATUSES = [
  'submitted',
  'received',
  'refused',
  'processing',
  'awaiting_approval',
  'supplement_requested',
  'payment_requested',
  'withdrawal_requested',
  'withdrawn',
  'stopped',
  'result_ready',
  'returned',
] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

/** States after which nothing happens to the dossier any more. */
export const TERMINAL_DOSSIER_STATUSES: readonly DossierStatus[] = ['refused', 'withdrawn', 'stopped', 'returned'];

/** How a dossier reached the one-stop desk. */
export type DossierChannel = 'online' | 'desk' | 'post';

/** TrangThaiHoSo of the national portal: the one editable mapping from internal states. */
export const DOSSIER_STATUS_PORTAL_CODE: Record<DossierStatus, number> = {
  submitted: 1,
  received: 2,
  refused: 3,
  processing: 4,
  awaiting_approval: 4,
  supplement_requested: 5,
  payment_requested: 6,
  withdrawal_requested: 7,
  withdrawn: 7,
  stopped: 8,
  result_ready: 9,
  returned: 10,
};
/** Vietnamese status label shown to citizens (the portal's wording). */
export const DOSSIER_STATUS_LABELS: Record<DossierStatus, string> = {
  submitted: 'Mới đăng ký',
  received: 'Đã tiếp nhận',
  refused: 'Không được tiếp nhận',
  processing: 'Đang xử lý',
  awaiting_approval: 'Đang trình lãnh đạo phê duyệt',
  supplement_requested: 'Yêu cầu bổ sung giấy tờ',
  payment_requested: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  withdrawal_requested: 'Công dân yêu cầu rút hồ sơ',
  withdrawn: 'Đã rút hồ sơ',
  stopped: 'Dừng xử lý',
  result_ready: 'Đã xử lý xong, chờ trả kết quả',
  returned: 'Đã trả kết quả',
};
export const DOSSIER_CHANNEL_LABELS: Record<DossierChannel, string> = {
  online: 'Trực tuyến',
  desk: 'Trực tiếp',
  post: 'Dịch vụ bưu chính',
};

export interface SubmitDossierRequest {
  /** National procedure code, e.g. 1.001193. */
  procedureCode: string;
  /** QCVN 102 code of the unit that receives the dossier; one of the version's implementing agencies. */
  receivingAgencyCode: string;
  /** The e-form, validated against the procedure version's JSON Schema. */
  formData: Record<string, unknown>;
}

export interface DossierSummaryDto {
  id: string;
  code: string;
  status: DossierStatus;
  /** TrangThaiHoSo code of the national portal. */
  statusCode: number;
  statusLabel: string;
  channel: DossierChannel;
  procedure: { id: string; code: string; name: string; version: number; versionId: string };
  receivingAgency: { id: string; code: string; name: string };
  submittedAt: string;
  receivedAt: string;
  dueAt: string;
}

export interface DossierDto extends DossierSummaryDto {
  applicant: { name: string; identityNumber: string; phone: string | null; email: string | null };
  formData: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

export type DossierActorKind = 'citizen' | 'official' | 'system';

export interface DossierEventDto {
  id: string;
  type: string;
  actorKind: DossierActorKind;
  fromStatus: DossierStatus | null;
  toStatus: DossierStatus | null;
  note: string | null;
  at: string;
}

export interface DossierDetailDto extends DossierDto {
  events: DossierEventDto[];
  /** The files the dossier holds, in the order of its components. */
  documents: DossierDocumentDto[];
  /** The signed e-result, once the dossier is returned (null before, or for a paper result). */
  result?: DossierResultDto | null;
}

/** Public lookup by code + second factor: no personal data. */
export interface DossierLookupDto {
  code: string;
  procedureName: string;
  statusCode: number;
  statusLabel: string;
  receivedAt: string;
  dueAt: string;
}
