import type { AttachmentSignatureInfo, AttachmentSignatureStatus } from './attachments';

/**
 * The signed e-result of a dossier (kết quả giải quyết điện tử): signed by the leader at approval,
 * delivered to the applicant (portal, document store) when the dossier is returned.
 */
export interface DossierResultDto {
  fileName: string;
  sizeBytes: number;
  sha256: string;
  /** The approving leader named in the visible signature block, and their unit. */
  signerName: string;
  unitName: string;
  /** Subject of the signing certificate. */
  certificateSubject: string;
  signedAt: string;
  /** Verification of the signed bytes against the trust store. */
  signatureStatus: AttachmentSignatureStatus;
  signatureInfo: AttachmentSignatureInfo[] | null;
  /** Whether the applicant has it: the dossier was returned. */
  delivered: boolean;
  /** The document-store entry (reusable by `documentId`), once delivered to an applicant with an account. */
  documentId: string | null;
  /** `GET` with the same bearer token. */
  href: string;
}

/** The document code of e-results in the applicant's document store. */
export const RESULT_DOCUMENT_CODE = 'KQ';
