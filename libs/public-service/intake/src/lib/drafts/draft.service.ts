import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppError, DossierAttachmentRef, DossierDraftDto, DossierDraftSummaryDto } from '@dvc/shared/contracts';
import type { CitizenPrincipal } from '@dvc/platform/identity';
import { CatalogService } from '@dvc/public-service/catalog';
import type { SaveDossierDraftDto } from './save-dossier-draft.dto';

/** A draft's e-form may be incomplete, but not unbounded. */
export const MAX_DRAFT_FORM_BYTES = 256 * 1024;
const PROCEDURE_CODE = /^[0-9]\.[0-9]{6}(\.[0-9A-Z.]+)?$/;

interface DraftRow {
  procedure_code: string;
  procedure_name: string;
  receiving_agency_code: string | null;
  form_data: Record<string, unknown>;
  attachments: DossierAttachmentRef[];
  row_version: number;
  created_at: Date;
  updated_at: Date;
}

const selectDraft = `
  SELECT p.code AS procedure_code, coalesce(v.name, p.code) AS procedure_name, d.receiving_agency_code, d.form_data,
         d.attachments, d.row_version, d.created_at, d.updated_at
  FROM dossier_draft d
  JOIN procedure p ON p.id = d.procedure_id
  LEFT JOIN procedure_version v ON v.id = p.current_version_id`;

const toSummary = (r: DraftRow): DossierDraftSummaryDto => ({
  procedureCode: r.procedure_code,
  procedureName: r.procedure_name,
  receivingAgencyCode: r.receiving_agency_code,
  rowVersion: r.row_version,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

/**
 * Drafts of online submissions, kept on the server so a citizen can resume on another device.
 * Saving is optimistic: the client sends the rowVersion it read, and a save from a stale copy is
 * refused (409) instead of overwriting what another device saved.
 */
@Injectable()
export class DraftService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly catalog: CatalogService,
  ) {}

  async mine(actor: CitizenPrincipal): Promise<DossierDraftSummaryDto[]> {
    const rows: DraftRow[] = await this.db.query(`${selectDraft} WHERE d.citizen_id = $1 ORDER BY d.updated_at DESC`, [actor.id]);
    return rows.map(toSummary);
  }

  async get(actor: CitizenPrincipal, procedureCode: string): Promise<DossierDraftDto> {
    const [row]: DraftRow[] = PROCEDURE_CODE.test(procedureCode)
      ? await this.db.query(`${selectDraft} WHERE d.citizen_id = $1 AND p.code = $2`, [actor.id, procedureCode])
      : [];
    if (!row) throw new AppError('DOSSIER_DRAFT_NOT_FOUND');
    return this.toDto(actor, row);
  }

  /** Creates (no rowVersion) or replaces (the rowVersion last read) the draft of a procedure. */
  async save(actor: CitizenPrincipal, procedureCode: string, dto: SaveDossierDraftDto): Promise<{ draft: DossierDraftDto; created: boolean }> {
    if (!PROCEDURE_CODE.test(procedureCode)) throw new AppError('PROCEDURE_NOT_FOUND', `Mã thủ tục ${procedureCode}`);
    const version = await this.catalog.publishedVersion(procedureCode);
    const formJson = JSON.stringify(dto.formData);
    if (Buffer.byteLength(formJson) > MAX_DRAFT_FORM_BYTES) {
      const message = 'Tờ khai của bản nháp vượt quá 256 KB';
      throw new AppError('VALIDATION_FAILED', message, [{ field: 'formData', message }]);
    }
    // Ids in lower case, as the database prints them: the purge of unused uploads matches on them.
    const attachments = (dto.attachments ?? []).map((a) => ({
      documentCode: a.documentCode,
      ...(a.attachmentId ? { attachmentId: a.attachmentId.toLowerCase() } : {}),
      ...(a.documentId ? { documentId: a.documentId.toLowerCase() } : {}),
    }));
    const params = [actor.id, version.procedureId, dto.receivingAgencyCode ?? null, formJson, JSON.stringify(attachments)];

    if (dto.rowVersion === undefined) {
      const inserted: unknown[] = await this.db.query(
        `INSERT INTO dossier_draft (citizen_id, procedure_id, receiving_agency_code, form_data, attachments)
         VALUES ($1, $2, $3, $4::jsonb, $5::jsonb)
         ON CONFLICT ON CONSTRAINT uq_dossier_draft_citizen_procedure DO NOTHING RETURNING id`,
        params,
      );
      if (!inserted.length) {
        throw new AppError('DRAFT_ALREADY_EXISTS', 'Đã có bản nháp của thủ tục này (có thể lưu từ thiết bị khác); hãy tải bản nháp đó rồi lưu lại kèm rowVersion');
      }
      return { draft: await this.get(actor, procedureCode), created: true };
    }
    const [, updated]: [unknown[], number] = await this.db.query(
      `UPDATE dossier_draft
       SET receiving_agency_code = $3, form_data = $4::jsonb, attachments = $5::jsonb, row_version = row_version + 1, updated_at = now()
       WHERE citizen_id = $1 AND procedure_id = $2 AND row_version = $6
       RETURNING id`,
      [...params, dto.rowVersion],
    );
    if (updated === 0) {
      const [current]: { row_version: number }[] = await this.db.query(
        `SELECT row_version FROM dossier_draft WHERE citizen_id = $1 AND procedure_id = $2`,
        [actor.id, version.procedureId],
      );
      throw new AppError(
        'STALE_VERSION',
        current
          ? `Bản nháp đã được lưu từ nơi khác (phiên bản ${current.row_version}); hãy tải lại trước khi lưu`
          : 'Bản nháp không còn (đã nộp hoặc đã xoá); hãy tải lại',
      );
    }
    return { draft: await this.get(actor, procedureCode), created: false };
  }

  async remove(actor: CitizenPrincipal, procedureCode: string): Promise<void> {
    const [, deleted]: [unknown[], number] = PROCEDURE_CODE.test(procedureCode)
      ? await this.db.query(
          `DELETE FROM dossier_draft d USING procedure p WHERE p.id = d.procedure_id AND d.citizen_id = $1 AND p.code = $2 RETURNING d.id`,
          [actor.id, procedureCode],
        )
      : [[], 0];
    if (!deleted) throw new AppError('DOSSIER_DRAFT_NOT_FOUND');
  }

  /** Inside a submission's transaction: the draft it came from is done. */
  async discard(tx: EntityManager, citizenId: string, procedureId: string): Promise<void> {
    await tx.query(`DELETE FROM dossier_draft WHERE citizen_id = $1 AND procedure_id = $2`, [citizenId, procedureId]);
  }

  /** Adds what each reference points at, so another device can show the chosen files. */
  private async toDto(actor: CitizenPrincipal, row: DraftRow): Promise<DossierDraftDto> {
    const ids = (key: 'attachmentId' | 'documentId') => row.attachments.map((a) => a[key]).filter((x): x is string => !!x);
    type FileInfo = { id: string; file_name: string; media_type: string; size_bytes: string };
    const uploads: FileInfo[] = ids('attachmentId').length
      ? await this.db.query(
          `SELECT id, file_name, media_type, size_bytes FROM attachment WHERE id = ANY($1::uuid[]) AND owner_citizen_id = $2 AND dossier_id IS NULL`,
          [ids('attachmentId'), actor.id],
        )
      : [];
    const stored: FileInfo[] = ids('documentId').length
      ? await this.db.query(
          `SELECT dd.id, dd.file_name, dd.media_type, dd.size_bytes FROM dossier_document dd JOIN dossier d ON d.id = dd.dossier_id
           WHERE dd.id = ANY($1::uuid[]) AND d.applicant_citizen_id = $2`,
          [ids('documentId'), actor.id],
        )
      : [];
    const info = (f: FileInfo | undefined) => (f ? { fileName: f.file_name, mediaType: f.media_type, sizeBytes: Number(f.size_bytes) } : null);
    return {
      ...toSummary(row),
      formData: row.form_data,
      attachments: row.attachments.map((a) => ({
        ...a,
        file: info(a.attachmentId ? uploads.find((u) => u.id === a.attachmentId) : stored.find((s) => s.id === a.documentId)),
      })),
    };
  }
}
