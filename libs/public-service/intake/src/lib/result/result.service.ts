import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PDFDocument } from 'pdf-lib';
import {
  AppError,
  type DeskDossierDetailDto,
  type DossierResultDto,
} from '@dvc/shared/contracts';
import { APP_CONFIG, AppConfig } from '@dvc/shared/config';
import type { OfficialPrincipal } from '@dvc/platform/identity';
import { SIGNATURE_TRUST_STORE, SignatureError, SignerRegistry, signPdf } from '@dvc/platform/signature';
import { OBJECT_STORAGE, ObjectStorage } from '@dvc/platform/storage';
import {
  DeskActionsService,
  DeskQueryService,
  deskUnits,
  loadDossierResult,
  toDossierResultDto,
} from '@dvc/one-stop/desk';
import { DossierEvent } from '@dvc/one-stop/dossier';
import { UploadRequest, verifyUploadedPdf } from '../attachments/attachment.service';
import { cleanFileName } from '../attachments/file-name';
import { receiveSingleFile } from '../attachments/multipart';
import { SNIFF_BYTES } from '../attachments/media-type';
import { SizeLimitError, StreamDigest } from '../attachments/stream-digest';
import { DossierResult } from './dossier-result.entity';
import { certificateSubject, checkResultPdf, resultFileName, resultSignatureRect } from './result-signing';

const MIB = 1024 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const fileError = (code: 'VALIDATION_FAILED' | 'ATTACHMENT_TYPE_NOT_ALLOWED' | 'ATTACHMENT_TOO_LARGE', message: string) =>
  new AppError(code, message, [{ field: 'file', message }]);

/**
 * The e-result (kết quả giải quyết điện tử, level 4): the leader approves with the result PDF, which
 * is PAdES-signed with the signer configured for the approving unit (visible block: leader, unit,
 * Vietnamese time) and stored with its SHA-256 — all or nothing with the approval. The applicant
 * gets it (portal, document store) once the dossier is returned.
 */
@Injectable()
export class ResultService {
  private readonly logger = new Logger(ResultService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly actions: DeskActionsService,
    private readonly queries: DeskQueryService,
    @Optional() private readonly signers?: SignerRegistry,
    @Optional() @Inject(SIGNATURE_TRUST_STORE) private readonly trustStore: Array<string | Buffer> = [],
  ) {}

  /**
   * `POST /desk/dossiers/:id/approval`: multipart with `file` (the result PDF), `expectedVersion`
   * and an optional `note`. Refused, with nothing written, when the unit has no signer, the file is
   * not a PDF, or the approval itself is not allowed.
   */
  async approveWithResult(o: OfficialPrincipal, dossierId: string, req: UploadRequest, now = new Date()): Promise<DeskDossierDetailDto> {
    const maxBytes = Math.floor(this.config.MAX_FILE_MB * MIB);
    const { result: upload, fields } = await receiveSingleFile(
      req,
      { fileBytes: maxBytes + 1, fields: ['expectedVersion', 'note'] },
      (file) => readPdf(file.fileName, file.stream, maxBytes, this.config.MAX_FILE_MB),
      async () => undefined,
    );
    const expectedVersion = Number(fields['expectedVersion']);
    if (!Number.isInteger(expectedVersion) || expectedVersion < 1) {
      throw new AppError('VALIDATION_FAILED', 'Thiếu phiên bản hồ sơ đã xem (expectedVersion)', [
        { field: 'expectedVersion', message: 'Thiếu phiên bản hồ sơ đã xem (expectedVersion)' },
      ]);
    }
    const note = fields['note']?.trim() || null;

    // Checked before signing (the transaction checks again): visible, approvable, current, a signer.
    const view = await this.queries.detail(o, dossierId, now);
    if (!view.allowedActions.some((a) => a.action === 'approve')) {
      throw new AppError('ACTION_NOT_ALLOWED', 'Hồ sơ không ở bước chờ bạn phê duyệt');
    }
    if (view.rowVersion !== expectedVersion) {
      throw new AppError('STALE_VERSION', `Hồ sơ đang ở phiên bản ${view.rowVersion}, bạn đã xem phiên bản ${expectedVersion}`);
    }
    const unit = view.currentUnit;
    if (!this.signers?.has(unit.code)) {
      throw new AppError(
        'SIGNER_NOT_CONFIGURED',
        `${unit.name} (${unit.code}) chưa được cấu hình chữ ký số (SIGNING_AGENCIES hoặc SIGNING_MODE) nên lãnh đạo chưa ký được kết quả giải quyết; hãy liên hệ quản trị hệ thống`,
      );
    }
    const [leader]: { full_name: string }[] = await this.db.query(`SELECT full_name FROM official WHERE id = $1`, [o.id]);

    const signed = await this.sign(upload.pdf, unit.code, {
      signerName: leader?.full_name ?? 'Lãnh đạo',
      unitName: unit.name,
      reason: `Phê duyệt kết quả giải quyết hồ sơ ${view.code}`,
      signedAt: now,
    });
    const verification = verifyUploadedPdf(signed.pdf, this.trustStore ?? []);
    const sha256 = createHash('sha256').update(signed.pdf).digest('hex');
    const id = randomUUID();
    const key = `results/${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${id}.pdf`;
    const fileName = resultFileName(view.code);

    // The file is written first; if the transaction fails it is removed, so nothing is left half-done.
    await this.storage.put(key, Readable.from([signed.pdf]), { contentType: 'application/pdf' });
    try {
      await this.db.transaction(async (tx) => {
        const actor = { kind: 'official' as const, id: o.id, roles: o.roles, unitIds: deskUnits(o) };
        await this.actions.apply(tx, actor, dossierId, { action: 'approve', expectedVersion, note }, now);
        await tx.insert(DossierResult, {
          id,
          dossierId,
          fileName,
          sizeBytes: signed.pdf.length,
          sha256,
          storageKey: key,
          signerName: leader?.full_name ?? 'Lãnh đạo',
          unitName: unit.name,
          certificateSubject: signed.subject,
          signedAt: now,
          signedBy: o.id,
          signatureStatus: verification.status,
          signatureInfo: verification.info,
          // Set at return, when the applicant receives it (deliverResult).
          documentId: null,
        });
        await tx.insert(DossierEvent, {
          dossierId,
          type: 'result_signed',
          actorKind: 'official',
          actorId: o.id,
          fromStatus: null,
          toStatus: null,
          note: null,
          at: now,
          data: { fileName, sha256, sizeBytes: signed.pdf.length, certificateSubject: signed.subject, signatureStatus: verification.status },
        });
      });
    } catch (e) {
      await this.storage.delete(key).catch(() => undefined);
      throw e;
    }
    this.logger.log({ dossierId, sha256, signatureStatus: verification.status }, 'e-result signed at approval');
    return this.queries.detail(o, dossierId);
  }

  private async sign(
    pdf: Buffer,
    agencyCode: string,
    o: { signerName: string; unitName: string; reason: string; signedAt: Date },
  ): Promise<{ pdf: Buffer; subject: string }> {
    const registry = this.signers!;
    let page: { index: number; width: number; height: number };
    try {
      const doc = await PDFDocument.load(pdf, { updateMetadata: false });
      const last = doc.getPage(doc.getPageCount() - 1);
      page = { index: doc.getPageCount(), ...last.getSize() };
    } catch (e) {
      const message = /encrypt/i.test((e as Error).message)
        ? 'Tệp PDF kết quả đã mã hóa (đặt mật khẩu), không ký số được'
        : 'Tệp PDF kết quả bị hỏng hoặc không đọc được';
      throw fileError('VALIDATION_FAILED', message);
    }
    try {
      const signer = registry.resolve(agencyCode);
      const signed = await signPdf(pdf, signer, {
        ...o,
        visible: { page: page.index, rect: resultSignatureRect(page) },
        tsa: registry.tsaFor(agencyCode),
      });
      return { pdf: signed, subject: certificateSubject(await signer.certificate()) };
    } catch (e) {
      if (e instanceof SignatureError && e.code === 'CONFIG') throw new AppError('SIGNER_NOT_CONFIGURED', e.message);
      if (e instanceof SignatureError && e.code === 'PDF') throw fileError('VALIDATION_FAILED', e.message);
      this.logger.error({ err: e, agencyCode }, 'e-result signing failed');
      throw new AppError('SIGNING_FAILED', `Ký số kết quả giải quyết không thành công: ${(e as Error).message}`);
    }
  }

  /** The e-result of the citizen's own dossier, once returned; otherwise "not found". */
  async forCitizen(citizenId: string, dossierId: string): Promise<{ row: DossierResultDto; stream: Readable }> {
    const r = UUID.test(dossierId) ? await this.citizenRow(citizenId, dossierId) : null;
    if (!r || r.dossier_status !== 'returned') throw new AppError('NOT_FOUND', 'Hồ sơ chưa có kết quả giải quyết điện tử');
    return { row: toDossierResultDto(r, `/api/v1/dossiers/${dossierId}/result`), stream: await this.storage.get(r.storage_key) };
  }

  /** For the citizen's dossier view: the e-result once delivered, else null. */
  async summaryForCitizen(citizenId: string, dossierId: string): Promise<DossierResultDto | null> {
    const r = await this.citizenRow(citizenId, dossierId);
    return r && r.dossier_status === 'returned' ? toDossierResultDto(r, `/api/v1/dossiers/${dossierId}/result`) : null;
  }

  /** The e-result of a dossier the official may see. */
  async forDesk(o: OfficialPrincipal, dossierId: string): Promise<{ row: DossierResultDto; stream: Readable }> {
    await this.queries.detail(o, dossierId);
    const r = await loadDossierResult(this.db.manager, dossierId);
    if (!r) throw new AppError('NOT_FOUND', 'Hồ sơ chưa có kết quả giải quyết điện tử');
    return { row: toDossierResultDto(r, `/api/v1/desk/dossiers/${dossierId}/result`), stream: await this.storage.get(r.storage_key) };
  }

  private async citizenRow(citizenId: string, dossierId: string) {
    const [own] = await this.db.query(`SELECT 1 FROM dossier WHERE id = $1 AND applicant_citizen_id = $2`, [dossierId, citizenId]);
    return own ? loadDossierResult(this.db.manager, dossierId) : null;
  }
}

/** Reads the uploaded result into memory (it is signed whole), refusing what is not a PDF from its first bytes. */
async function readPdf(rawName: string, stream: Readable, maxBytes: number, maxMb: number): Promise<{ fileName: string; pdf: Buffer }> {
  const fileName = cleanFileName(rawName) || 'ket-qua.pdf';
  const digest = new StreamDigest(maxBytes);
  const chunks: Buffer[] = [];
  let checked = false;
  let size = 0;
  try {
    for await (const c of stream) {
      const chunk = Buffer.isBuffer(c) ? c : Buffer.from(c);
      digest.update(chunk);
      chunks.push(chunk);
      size += chunk.length;
      if (!checked && size >= SNIFF_BYTES) {
        const problem = checkResultPdf(fileName, Buffer.concat(chunks));
        if (problem) throw fileError('ATTACHMENT_TYPE_NOT_ALLOWED', problem);
        checked = true;
      }
    }
  } catch (e) {
    if (e instanceof SizeLimitError) throw fileError('ATTACHMENT_TOO_LARGE', `Tệp "${fileName}" vượt quá dung lượng tối đa ${maxMb} MB`);
    throw e;
  }
  const pdf = Buffer.concat(chunks);
  if (!checked) {
    const problem = checkResultPdf(fileName, pdf);
    if (problem) throw fileError(pdf.length ? 'ATTACHMENT_TYPE_NOT_ALLOWED' : 'VALIDATION_FAILED', problem);
  }
  return { fileName, pdf };
}
