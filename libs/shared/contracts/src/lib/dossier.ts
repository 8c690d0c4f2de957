/** Internal dossier states; richer than the national portal's list, mapped to it below. */
export type DossierStatus = 'submitted';
/** How a dossier reached the one-stop desk. */
export type DossierChannel = 'online' | 'desk' | 'post';

/** TrangThaiHoSo of the national portal: the one editable mapping from internal states. */
export const DOSSIER_STATUS_PORTAL_CODE: Record<DossierStatus, number> = {
  submitted: 1,
};
/** Vietnamese status label shown to citizens (the portal's wording). */
export const DOSSIER_STATUS_LABELS: Record<DossierStatus, string> = {
  submitted: 'Mới đăng ký',
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
