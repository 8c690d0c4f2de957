import type { DossierChannel } from '@dvc/shared/contracts';

/** The unit issuing a form, as printed in the top-left block of every one-stop form. */
export interface FormAgency {
  /** Governing body (cơ quan chủ quản), e.g. "UBND tỉnh Demo"; omitted for a top-level unit. */
  parentName?: string | null;
  /** Receiving unit, e.g. "UBND phường Bình Minh". */
  name: string;
  /** QCVN 102 code of the receiving unit. */
  code?: string;
  /** The desk itself; defaults to "Bộ phận Một cửa". */
  deskName?: string;
  /** Place name of the date line ("Bình Minh, ngày … tháng … năm …"); dots when unknown. */
  place?: string;
}

export interface FormApplicant {
  name: string;
  /** Số định danh cá nhân (12 digits) or other identity number. */
  identityNumber: string;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
}

export interface FormProcedure {
  /** National code in the procedure database, e.g. 1.001193. */
  code: string;
  name: string;
}

/** Who signs for the desk: an official, or null when the system received the dossier by itself. */
export interface FormOfficer {
  name: string;
  phone?: string | null;
}

export interface FormCommon {
  /** Số of the form in the unit's register; dots when not numbered. */
  number?: string | null;
  /** Mã hồ sơ (TT 01/2018/TT-VPCP art. 19). */
  dossierCode: string;
  agency: FormAgency;
  applicant: FormApplicant;
  procedure: FormProcedure;
  channel: DossierChannel;
  /** When the form is issued: its date line and the PDF CreationDate (keeps the output deterministic). */
  issuedAt: Date;
}
