import type { EntityManager } from 'typeorm';
import { RESULT_DOCUMENT_CODE } from '@dvc/shared/contracts';

/**
 * Level 4 delivery, inside the transaction of the desk's `return_result`: the dossier's signed
 * e-result becomes the applicant's — an attachment they own and a `dossier_document` (source
 * 'result') in their document store, reusable in later dossiers (NĐ 45/2020) — and `dossier_result`
 * points at it. Nothing to do when the dossier has no e-result (paper result), was delivered
 * already, or its applicant has no account (desk channel).
 */
export async function deliverResult(tx: EntityManager, dossierId: string): Promise<void> {
  await tx.query(
    `WITH r AS (
       SELECT r.id, r.file_name, r.size_bytes, r.sha256, r.storage_key, r.signature_status, r.signature_info,
              d.applicant_citizen_id, v.name AS procedure_name
       FROM dossier_result r
       JOIN dossier d ON d.id = r.dossier_id
       JOIN procedure_version v ON v.id = d.procedure_version_id
       WHERE r.dossier_id = $1 AND r.document_id IS NULL AND d.applicant_citizen_id IS NOT NULL
     ), copy AS (
       INSERT INTO attachment (id, owner_citizen_id, file_name, media_type, size_bytes, sha256, storage_key, document_code,
                               dossier_id, signature_status, signature_info)
       SELECT gen_random_uuid(), r.applicant_citizen_id, r.file_name, 'application/pdf', r.size_bytes, r.sha256, r.storage_key,
              $2, $1, r.signature_status, r.signature_info
       FROM r
       RETURNING id
     ), doc AS (
       INSERT INTO dossier_document (dossier_id, document_code, name, attachment_id, file_name, media_type, size_bytes, sha256,
                                     source, reused_from_document_id)
       SELECT $1, $2, left('Kết quả giải quyết: ' || r.procedure_name, 500), copy.id, r.file_name, 'application/pdf',
              r.size_bytes, r.sha256, 'result', NULL
       FROM r, copy
       RETURNING id
     )
     UPDATE dossier_result SET document_id = doc.id FROM doc WHERE dossier_result.dossier_id = $1`,
    [dossierId, RESULT_DOCUMENT_CODE],
  );
}
