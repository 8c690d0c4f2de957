import type { AgencyLevel } from './identity';

/** Online level per Nghị định 42/2022: toàn trình (full online) or một phần (partly online). */
export type OnlineLevel = 'toan_trinh' | 'mot_phan';
export const ONLINE_LEVEL_LABELS: Record<OnlineLevel, string> = {
  toan_trinh: 'Dịch vụ công trực tuyến toàn trình',
  mot_phan: 'Dịch vụ công trực tuyến một phần',
};

export type ProcedureLevel = Extract<AgencyLevel, 'province' | 'commune' | 'central'>;
export const PROCEDURE_LEVEL_LABELS: Record<ProcedureLevel, string> = {
  central: 'Cấp trung ương',
  province: 'Cấp tỉnh',
  commune: 'Cấp xã',
};

export type VersionStatus = 'draft' | 'published' | 'retired';
export const VERSION_STATUS_LABELS: Record<VersionStatus, string> = {
  draft: 'Bản nháp',
  published: 'Đang áp dụng',
  retired: 'Ngừng áp dụng',
};

/** One component of the dossier (thành phần hồ sơ). */
export interface RequiredDocument {
  /** Stable code within the version, e.g. "TK01". */
  code: string;
  name: string;
  /** Number of copies (số lượng bản). */
  copies: number;
  /** What must be supplied: the original, a copy, or a certified copy. */
  form: 'original' | 'copy' | 'certified_copy' | 'original_or_copy';
  required: boolean;
  note?: string;
}

export interface Fee {
  code: string;
  name: string;
  /** Amount in đồng; 0 when free. */
  amount: number;
  note?: string;
}

export interface FieldDto {
  code: string;
  name: string;
  procedureCount?: number;
}

/** The editable content of a procedure version. */
export interface ProcedureVersionContent {
  name: string;
  onlineLevel: OnlineLevel;
  /** Legal time limit in working days; 0 means the same working day. */
  timeLimitDays: number;
  timeLimitNote?: string;
  fees: Fee[];
  documents: RequiredDocument[];
  /** JSON Schema (draft 2020-12 subset) of the e-form; renders the form and validates submissions. */
  formSchema: Record<string, any>;
  /** Agency unit codes (QCVN 102) that receive and handle the procedure. */
  implementingAgencyCodes: string[];
  resultName: string;
  legalBasis: string;
  applicantTypes: ('citizen' | 'business')[];
}

export interface ProcedureVersionDto extends ProcedureVersionContent {
  id: string;
  procedureId: string;
  version: number;
  status: VersionStatus;
  publishedAt: string | null;
  retiredAt: string | null;
  updatedAt: string;
  /** Optimistic-concurrency token for edits of drafts. */
  rowVersion: number;
}

export interface ProcedureSummaryDto {
  id: string;
  /** National code in the national TTHC database, e.g. 1.001193. */
  code: string;
  name: string;
  field: FieldDto;
  level: ProcedureLevel;
  onlineLevel: OnlineLevel;
  timeLimitDays: number;
  version: number;
}

export interface ProcedureDetailDto extends ProcedureSummaryDto {
  versionId: string;
  content: ProcedureVersionContent;
  implementingAgencies: { code: string; name: string }[];
  publishedAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ProcedureSearchQuery {
  q?: string;
  field?: string;
  agency?: string;
  level?: ProcedureLevel;
  onlineLevel?: OnlineLevel;
  page?: number;
  pageSize?: number;
}

/** Desk (agency admin) view of a procedure with all its versions. */
export interface AdminProcedureDto {
  id: string;
  code: string;
  field: FieldDto;
  level: ProcedureLevel;
  ownerAgency: { id: string; code: string; name: string };
  currentVersion: number | null;
  versions: ProcedureVersionDto[];
}

export interface CreateProcedureRequest {
  code: string;
  fieldCode: string;
  level: ProcedureLevel;
  ownerAgencyId: string;
  content: ProcedureVersionContent;
}

export interface UpdateVersionRequest {
  rowVersion: number;
  content: ProcedureVersionContent;
}

/** The catalog as exchanged by export/import (one entry per procedure, its latest content). */
export interface CatalogExport {
  format: 'dvc-catalog';
  formatVersion: 1;
  exportedAt: string;
  fields: FieldDto[];
  procedures: {
    code: string;
    fieldCode: string;
    level: ProcedureLevel;
    ownerAgencyCode: string;
    version: number;
    status: VersionStatus;
    content: ProcedureVersionContent;
  }[];
}

export interface CatalogImportResult {
  created: string[];
  newDrafts: string[];
  unchanged: string[];
  errors: { code: string; message: string }[];
}

/** Refresh of the catalog from the national portal's catalog feed (LayDanhSachTTHC / LayThuTuc). */
export type CatalogFeedTrigger = 'schedule' | 'manual';
export type CatalogFeedRunStatus = 'running' | 'done' | 'failed';

/** A procedure the run created a draft for, gave a new draft, or could not take. */
export interface CatalogFeedRunItem {
  code: string;
  name?: string;
  outcome: 'created' | 'updated' | 'failed';
  procedureId?: string;
  versionId?: string;
  version?: number;
  /** Why it failed. */
  message?: string;
  /** Differences the feed carries that the refresh does not apply (field, level): for the reviewer. */
  notes?: string[];
}

export interface CatalogFeedRunDto {
  id: string;
  trigger: CatalogFeedTrigger;
  status: CatalogFeedRunStatus;
  startedAt: string;
  finishedAt: string | null;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  error: string | null;
  items: CatalogFeedRunItem[];
}
