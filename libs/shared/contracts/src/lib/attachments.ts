/** Media types a citizen may attach; the API decides the type from the file's bytes. */
export const ATTACHMENT_MEDIA_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;
export type AttachmentMediaType = (typeof ATTACHMENT_MEDIA_TYPES)[number];

/** For `<input type="file" accept>`: the extensions matching ATTACHMENT_MEDIA_TYPES. */
export const ATTACHMENT_ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx';

/** An uploaded file, not yet (or already) part of a dossier. `POST /attachments` answers with it. */
export interface AttachmentDto {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  /** Hex SHA-256 of the bytes, computed while they were received. */
  sha256: string;
  /** The dossier component the citizen meant it for, if they said so on upload. */
  documentCode: string | null;
  createdAt: string;
  /** True once a submitted dossier holds it; then it can no longer be deleted. */
  used: boolean;
  /** Digital signatures of an uploaded PDF (null for other files). */
  signatureStatus?: AttachmentSignatureStatus | null;
  signatureInfo?: AttachmentSignatureInfo[] | null;
}

/** Verification of an uploaded PDF's signatures: all valid, any broken, signer not trusted, or unsigned. */
export type AttachmentSignatureStatus = 'valid' | 'invalid' | 'unknown_signer' | 'none';

/** One signature of an uploaded PDF, as verified on upload. */
export interface AttachmentSignatureInfo {
  status: 'valid' | 'invalid' | 'unknown_signer';
  signerName: string | null;
  signerOrganization: string | null;
  signedAt: string | null;
  integrity: 'valid' | 'invalid';
  chain: 'trusted' | 'untrusted' | 'unknown';
  coversWholeDocument: boolean;
  problems: string[];
}

/**
 * One file given for a component of the dossier (thành phần hồ sơ): either a fresh upload
 * (`attachmentId`) or a document from the citizen's store (`documentId`, NĐ 45/2020: not asked twice).
 */
export interface DossierAttachmentRef {
  /** RequiredDocument.code of the procedure version, e.g. TP02. */
  documentCode: string;
  attachmentId?: string;
  documentId?: string;
}

/** A file held by a dossier. */
export interface DossierDocumentDto {
  id: string;
  documentCode: string;
  /** The component's name in the procedure version, e.g. "Giấy chứng sinh". */
  name: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  /** 'result': the dossier's signed e-result (kết quả giải quyết). */
  source: 'upload' | 'reused' | 'result';
  attachmentId: string;
  reusedFromDocumentId: string | null;
  createdAt: string;
}

/** An entry of the citizen's document store (kho dữ liệu điện tử của công dân), reusable by `documentId`. */
export interface CitizenDocumentDto {
  /** Pass as `documentId` to reuse it in a new dossier. */
  id: string;
  documentCode: string;
  name: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  /** Download with GET /attachments/{attachmentId}/content. */
  attachmentId: string;
  createdAt: string;
  dossier: { id: string; code: string };
  procedure: { code: string; name: string };
}

/** `PUT /dossier-drafts/{procedureCode}`: the e-form as far as it is filled, not yet validated. */
export interface SaveDossierDraftRequest {
  receivingAgencyCode?: string;
  formData: Record<string, unknown>;
  attachments?: DossierAttachmentRef[];
  /** The rowVersion last read; omitted only when creating the draft. */
  rowVersion?: number;
}

export interface DossierDraftSummaryDto {
  procedureCode: string;
  procedureName: string;
  receivingAgencyCode: string | null;
  rowVersion: number;
  createdAt: string;
  updatedAt: string;
}

export interface DossierDraftDto extends DossierDraftSummaryDto {
  formData: Record<string, unknown>;
  /** With the file each reference points at, or null when it is gone (deleted, used or not the citizen's). */
  attachments: (DossierAttachmentRef & { file: { fileName: string; mediaType: string; sizeBytes: number } | null })[];
}
