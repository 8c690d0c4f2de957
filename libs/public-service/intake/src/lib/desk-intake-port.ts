import type { EntityManager } from 'typeorm';
import { dossierCodeSql, DossierCodeFormat, tt01DossierCode } from './dossier-code';
import { FieldError, FormValidator } from './form-validation';
import { deliverResult } from './result/deliver-result';

/**
 * Next dossier code of a receiving unit on a day (TT 01/2018/TT-VPCP art. 19). The counter row's
 * lock (upsert) serialises numbering until commit, so a rolled-back dossier gives its number back.
 * Call it inside the transaction that inserts the dossier.
 */
export async function allocateDossierCode(
  tx: EntityManager,
  agency: { id: string; code: string },
  day: string,
  format: DossierCodeFormat = tt01DossierCode,
): Promise<string> {
  const [r]: { code: string }[] = await tx.query(
    `INSERT INTO dossier_code_counter (agency_id, day, last_seq) VALUES ($1, $2, 1)
     ON CONFLICT (agency_id, day) DO UPDATE SET last_seq = dossier_code_counter.last_seq + 1
     RETURNING ${dossierCodeSql('$3', '$4', 'last_seq')} AS code`,
    [agency.id, day, format.prefix({ agencyCode: agency.code, day }), format.minDigits],
  );
  return r.code;
}

/**
 * Intake's code counter, e-form validator and e-result delivery in the shape the one-stop desk takes
 * (`DeskModule.forRoot(intakeForDesk())`), so dossiers entered at the counter are numbered and
 * validated exactly like online ones, and a returned dossier's e-result reaches the applicant.
 */
export function intakeForDesk(format: DossierCodeFormat = tt01DossierCode): {
  allocateCode(tx: EntityManager, agency: { id: string; code: string }, day: string): Promise<string>;
  validateForm(versionId: string, schema: Record<string, any>, data: unknown): FieldError[];
  deliverResult(tx: EntityManager, dossierId: string): Promise<void>;
} {
  const forms = new FormValidator();
  return {
    allocateCode: (tx, agency, day) => allocateDossierCode(tx, agency, day, format),
    validateForm: (versionId, schema, data) => forms.validate(versionId, schema, data),
    deliverResult,
  };
}
