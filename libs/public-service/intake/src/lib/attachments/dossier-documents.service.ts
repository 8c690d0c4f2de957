import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, Not } from 'typeorm';
import { AppError, CitizenDocumentDto, DossierAttachmentRef, DossierDocumentDto, Page, RequiredDocument } from '@dvc/shared/contracts';
import { APP_CONFIG, AppConfig } from '@dvc/shared/config';
import type { CitizenPrincipal } from '@dvc/platform/identity';
import { DossierDocument } from './dossier-document.entity';

type FieldError = { field: string; message: string };
type NewDocument = Omit<DossierDocument, 'id' | 'dossierId' | 'createdAt' | 'dossier' | 'attachment' | 'reusedFromDocument'>;

/** What a submission will attach, checked before its transaction starts. */
export interface DocumentPlan {
  documents: NewDocument[];
  /** Fresh uploads the dossier takes (marked used in the transaction). */
  uploadIds: string[];
}

interface FileRow {
  id: string;
  attachment_id: string;
  file_name: string;
  media_type: string;
  size_bytes: string;
  sha256: string;
  dossier_id: string | null;
  /** The first-given document a reused one goes back to. */
  origin_id?: string;
}

function toDocumentDto(d: DossierDocument): DossierDocumentDto {
  return {
    id: d.id,
    documentCode: d.documentCode,
    name: d.name,
    fileName: d.fileName,
    mediaType: d.mediaType,
    sizeBytes: d.sizeBytes,
    sha256: d.sha256.trim(),
    source: d.source,
    attachmentId: d.attachmentId,
    reusedFromDocumentId: d.reusedFromDocumentId,
    createdAt: d.createdAt.toISOString(),
  };
}

/**
 * The files of dossiers: which file answers which component of the procedure version, fresh uploads
 * or documents reused from the citizen's store (NĐ 45/2020/NĐ-CP, art. 9: not asked twice).
 */
@Injectable()
export class DossierDocumentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Checks a submission's files against the pinned version's components: every required component
   * has a file, every code is one of the version's, every upload is the citizen's and unused, every
   * reused document is from the citizen's own dossiers, and all together fit the per-dossier cap.
   */
  async plan(actor: CitizenPrincipal, components: readonly RequiredDocument[], refs: readonly DossierAttachmentRef[]): Promise<DocumentPlan> {
    const errors: FieldError[] = [];
    const byCode = new Map(components.map((c) => [c.code, c]));
    const uploadIds = refs.map((r) => r.attachmentId?.toLowerCase()).filter((x): x is string => !!x);
    const documentIds = refs.map((r) => r.documentId?.toLowerCase()).filter((x): x is string => !!x);

    const uploads = new Map<string, FileRow>();
    for (const r of uploadIds.length
      ? ((await this.db.query(
          `SELECT id, id AS attachment_id, file_name, media_type, size_bytes, sha256, dossier_id
           FROM attachment WHERE id = ANY($1::uuid[]) AND owner_citizen_id = $2`,
          [uploadIds, actor.id],
        )) as FileRow[])
      : [])
      uploads.set(r.id, r);
    const reusable = new Map<string, FileRow>();
    for (const r of documentIds.length
      ? ((await this.db.query(
          `SELECT dd.id, coalesce(dd.reused_from_document_id, dd.id) AS origin_id, dd.attachment_id, dd.file_name, dd.media_type, dd.size_bytes, dd.sha256, NULL AS dossier_id
           FROM dossier_document dd JOIN dossier d ON d.id = dd.dossier_id
           WHERE dd.id = ANY($1::uuid[]) AND d.applicant_citizen_id = $2`,
          [documentIds, actor.id],
        )) as FileRow[])
      : [])
      reusable.set(r.id, r);

    const documents: NewDocument[] = [];
    const seenFiles = new Set<string>();
    refs.forEach((ref, i) => {
      const at = `attachments.${i}`;
      const component = byCode.get(ref.documentCode);
      if (!component) {
        errors.push({ field: `${at}.documentCode`, message: `Thủ tục này không có thành phần hồ sơ mã ${ref.documentCode}` });
        return;
      }
      if (!!ref.attachmentId === !!ref.documentId) {
        errors.push({ field: at, message: `${component.name}: chọn một tệp tải lên hoặc một giấy tờ trong kho, không chọn cả hai` });
        return;
      }
      const reuse = !!ref.documentId;
      const file = reuse ? reusable.get(ref.documentId!.toLowerCase()) : uploads.get(ref.attachmentId!.toLowerCase());
      if (!file) {
        errors.push(
          reuse
            ? { field: `${at}.documentId`, message: `${component.name}: giấy tờ được chọn không có trong kho giấy tờ của bạn` }
            : { field: `${at}.attachmentId`, message: `${component.name}: tệp đính kèm không tồn tại hoặc không thuộc về bạn` },
        );
        return;
      }
      if (!reuse && file.dossier_id) {
        errors.push({ field: `${at}.attachmentId`, message: `Tệp "${file.file_name}" đã thuộc một hồ sơ đã nộp; hãy chọn lại từ kho giấy tờ` });
        return;
      }
      if (seenFiles.has(file.attachment_id)) {
        errors.push({ field: at, message: `Tệp "${file.file_name}" được chọn hai lần` });
        return;
      }
      seenFiles.add(file.attachment_id);
      documents.push({
        documentCode: component.code,
        name: component.name,
        attachmentId: file.attachment_id,
        fileName: file.file_name,
        mediaType: file.media_type,
        sizeBytes: Number(file.size_bytes),
        sha256: file.sha256,
        source: reuse ? 'reused' : 'upload',
        reusedFromDocumentId: reuse ? file.origin_id! : null,
      });
    });
    const given = new Set(refs.map((r) => r.documentCode));
    for (const c of components) {
      if (c.required && !given.has(c.code)) errors.push({ field: 'attachments', message: `Thiếu thành phần hồ sơ bắt buộc: ${c.name} (${c.code})` });
    }
    if (errors.length) throw new AppError('VALIDATION_FAILED', errors[0].message, errors);

    // Per-dossier cap, naming the file that crosses it.
    const cap = Math.floor(this.config.MAX_DOSSIER_MB * 1024 * 1024);
    let total = 0;
    for (const d of documents) {
      total += d.sizeBytes;
      if (total > cap) {
        const message = `Tổng dung lượng các tệp của hồ sơ vượt quá ${this.config.MAX_DOSSIER_MB} MB từ tệp "${d.fileName}"`;
        throw new AppError('DOSSIER_TOO_LARGE', message, [{ field: 'attachments', message }]);
      }
    }
    return { documents, uploadIds: documents.filter((d) => d.source === 'upload').map((d) => d.attachmentId) };
  }

  /** The files of a dossier, in the order of its components. */
  async of(dossierId: string, m: EntityManager = this.db.manager): Promise<DossierDocumentDto[]> {
    const rows = await m
      .getRepository(DossierDocument)
      .find({ where: { dossierId, source: Not('result') }, order: { documentCode: 'ASC', createdAt: 'ASC', id: 'ASC' } });
    return rows.map(toDocumentDto);
  }

  /**
   * The citizen's document store: the files they gave in earlier dossiers (each stored file once,
   * as first given) and the signed e-results they received, newest first; each can be reused by its id.
   */
  async store(actor: CitizenPrincipal, page = 1, pageSize = 20): Promise<Page<CitizenDocumentDto>> {
    const rows: {
      id: string;
      document_code: string;
      name: string;
      file_name: string;
      media_type: string;
      size_bytes: string;
      sha256: string;
      attachment_id: string;
      created_at: Date;
      dossier_id: string;
      dossier_code: string;
      procedure_code: string;
      procedure_name: string;
      total: string;
    }[] = await this.db.query(
      `SELECT dd.id, dd.document_code, dd.name, dd.file_name, dd.media_type, dd.size_bytes, dd.sha256, dd.attachment_id,
              dd.created_at, d.id AS dossier_id, d.code AS dossier_code, p.code AS procedure_code, v.name AS procedure_name,
              count(*) OVER () AS total
       FROM dossier_document dd
       JOIN dossier d ON d.id = dd.dossier_id
       JOIN procedure p ON p.id = d.procedure_id
       JOIN procedure_version v ON v.id = d.procedure_version_id
       WHERE d.applicant_citizen_id = $1 AND dd.source IN ('upload', 'result')
       ORDER BY dd.created_at DESC, dd.id DESC
       LIMIT $2 OFFSET $3`,
      [actor.id, pageSize, (page - 1) * pageSize],
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        documentCode: r.document_code,
        name: r.name,
        fileName: r.file_name,
        mediaType: r.media_type,
        sizeBytes: Number(r.size_bytes),
        sha256: r.sha256.trim(),
        attachmentId: r.attachment_id,
        createdAt: r.created_at.toISOString(),
        dossier: { id: r.dossier_id, code: r.dossier_code },
        procedure: { code: r.procedure_code, name: r.procedure_name },
      })),
      total: rows.length ? Number(rows[0].total) : 0,
      page,
      pageSize,
    };
  }
}
