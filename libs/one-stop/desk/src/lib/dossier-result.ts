import type { EntityManager } from 'typeorm';
import type { AttachmentSignatureInfo, AttachmentSignatureStatus, DossierResultDto } from '@dvc/shared/contracts';

/** A dossier_result row with its dossier's status (the e-result is delivered once the dossier is returned). */
export interface DossierResultRow {
  file_name: string;
  size_bytes: string;
  sha256: string;
  storage_key: string;
  signer_name: string;
  unit_name: string;
  certificate_subject: string;
  signed_at: Date;
  signature_status: AttachmentSignatureStatus;
  signature_info: AttachmentSignatureInfo[] | null;
  document_id: string | null;
  dossier_status: string;
}

/** The e-result the leader signed at approval (table of the intake lib, read here by plain SQL). */
export async function loadDossierResult(m: EntityManager, dossierId: string): Promise<DossierResultRow | null> {
  const [r]: DossierResultRow[] = await m.query(
    `SELECT r.file_name, r.size_bytes, r.sha256, r.storage_key, r.signer_name, r.unit_name, r.certificate_subject, r.signed_at,
            r.signature_status, r.signature_info, r.document_id, d.status AS dossier_status
       FROM dossier_result r JOIN dossier d ON d.id = r.dossier_id WHERE r.dossier_id = $1`,
    [dossierId],
  );
  return r ?? null;
}

export function toDossierResultDto(r: DossierResultRow, href: string): DossierResultDto {
  const delivered = r.dossier_status === 'returned';
  return {
    fileName: r.file_name,
    sizeBytes: Number(r.size_bytes),
    sha256: r.sha256.trim(),
    signerName: r.signer_name,
    unitName: r.unit_name,
    certificateSubject: r.certificate_subject,
    signedAt: r.signed_at.toISOString(),
    signatureStatus: r.signature_status,
    signatureInfo: r.signature_info,
    delivered,
    documentId: delivered ? r.document_id : null,
    href,
  };
}
