import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError, AttachmentDto, AttachmentSignatureInfo, AttachmentSignatureStatus } from '@dvc/shared/contracts';
import { SIGNATURE_TRUST_STORE, verifyPdfSignatures } from '@dvc/platform/signature';
import { APP_CONFIG, AppConfig } from '@dvc/shared/config';
import type { CitizenPrincipal } from '@dvc/platform/identity';
import { OBJECT_STORAGE, ObjectStorage } from '@dvc/platform/storage';
import { Attachment } from './attachment.entity';
import { cleanFileName } from './file-name';
import { checkMediaType, SNIFF_BYTES } from './media-type';
import { receiveSingleFile } from './multipart';
import { SizeLimitError, StreamDigest } from './stream-digest';

const MIB = 1024 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOCUMENT_CODE = /^[A-Za-z0-9._-]{1,32}$/;
/** Room for the multipart framing and the text fields around the file. */
const MULTIPART_OVERHEAD = MIB;

export function toAttachmentDto(a: Attachment): AttachmentDto {
  return {
    id: a.id,
    fileName: a.fileName,
    mediaType: a.mediaType,
    sizeBytes: a.sizeBytes,
    sha256: a.sha256.trim(),
    documentCode: a.documentCode,
    createdAt: a.createdAt.toISOString(),
    used: a.dossierId !== null,
    signatureStatus: a.signatureStatus ?? null,
    signatureInfo: a.signatureInfo ?? null,
  };
}

/** Verifies the signatures of a PDF against the trust anchors: one overall status and the details. */
export function verifyUploadedPdf(
  pdf: Buffer,
  trustStore: Array<string | Buffer>,
): { status: AttachmentSignatureStatus; info: AttachmentSignatureInfo[] | null } {
  let sigs;
  try {
    sigs = verifyPdfSignatures(pdf, trustStore);
  } catch (e) {
    const info: AttachmentSignatureInfo = {
      status: 'invalid', signerName: null, signerOrganization: null, signedAt: null, integrity: 'invalid', chain: 'unknown',
      coversWholeDocument: false, problems: [`Không kiểm tra được chữ ký số: ${(e as Error).message}`],
    };
    return /\/ByteRange/.test(pdf.toString('latin1')) ? { status: 'invalid', info: [info] } : { status: 'none', info: null };
  }
  if (!sigs.length) return { status: 'none', info: null };
  const info = sigs.map((s) => ({
    status: s.status,
    signerName: s.signerName ?? null,
    signerOrganization: s.signerOrganization ?? null,
    signedAt: s.signedAt ? s.signedAt.toISOString() : null,
    integrity: s.integrity,
    chain: s.chain,
    coversWholeDocument: s.coversWholeDocument,
    problems: s.problems,
  }));
  const status = sigs.some((s) => s.status === 'invalid') ? 'invalid' : sigs.some((s) => s.status === 'unknown_signer') ? 'unknown_signer' : 'valid';
  return { status, info };
}

export interface UploadRequest extends Readable {
  headers: IncomingHttpHeaders;
}

/**
 * Uploads of citizens: streamed straight to object storage (never held whole in memory) while the
 * SHA-256 and size are computed; the type is decided from the first bytes before anything is stored.
 */
@Injectable()
export class AttachmentService {
  private readonly logger = new Logger(AttachmentService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() @Inject(SIGNATURE_TRUST_STORE) private readonly trustStore: Array<string | Buffer> = [],
  ) {}

  /** Reads a stored PDF back (bounded by MAX_FILE_MB) and verifies its signatures. */
  private async checkSignatures(key: string): Promise<{ status: AttachmentSignatureStatus; info: AttachmentSignatureInfo[] | null }> {
    const chunks: Buffer[] = [];
    for await (const c of await this.storage.get(key)) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c));
    return verifyUploadedPdf(Buffer.concat(chunks), this.trustStore ?? []);
  }

  get maxFileBytes(): number {
    return Math.floor(this.config.MAX_FILE_MB * MIB);
  }
  get maxDossierBytes(): number {
    return Math.floor(this.config.MAX_DOSSIER_MB * MIB);
  }

  /** Refuses a body that announces itself far above the cap before reading any of it. */
  assertContentLength(headers: IncomingHttpHeaders): void {
    const length = Number(headers['content-length']);
    if (Number.isFinite(length) && length > this.maxFileBytes + MULTIPART_OVERHEAD) {
      const message = `Tệp tải lên vượt quá dung lượng tối đa ${this.config.MAX_FILE_MB} MB`;
      throw new AppError('ATTACHMENT_TOO_LARGE', message, [{ field: 'file', message }]);
    }
  }

  /** `POST /attachments`: one multipart part `file`, optionally `documentCode`. */
  async upload(actor: CitizenPrincipal, req: UploadRequest): Promise<AttachmentDto> {
    this.assertContentLength(req.headers);
    // Uploads not yet in a dossier all count towards the next dossier's cap.
    const [{ pending }]: { pending: string }[] = await this.db.query(
      `SELECT coalesce(sum(size_bytes), 0) AS pending FROM attachment WHERE owner_citizen_id = $1 AND dossier_id IS NULL`,
      [actor.id],
    );
    const room = this.maxDossierBytes - Number(pending);
    const allowance = Math.max(0, Math.min(this.maxFileBytes, room));
    const tooLarge = (fileName: string) => {
      const message =
        allowance === this.maxFileBytes
          ? `Tệp "${fileName}" vượt quá dung lượng tối đa ${this.config.MAX_FILE_MB} MB`
          : `Tệp "${fileName}" làm tổng dung lượng các tệp chưa nộp vượt quá ${this.config.MAX_DOSSIER_MB} MB; hãy xoá bớt tệp không dùng`;
      return new AppError(allowance === this.maxFileBytes ? 'ATTACHMENT_TOO_LARGE' : 'DOSSIER_TOO_LARGE', message, [{ field: 'file', message }]);
    };

    const { result: stored, fields } = await receiveSingleFile(
      req,
      { fileBytes: allowance + 1, fields: ['documentCode'] },
      async (file) => {
        const fileName = cleanFileName(file.fileName);
        if (!fileName) throw new AppError('VALIDATION_FAILED', 'Tệp đính kèm phải có tên', [{ field: 'file', message: 'Tệp đính kèm phải có tên' }]);
        const digest = new StreamDigest(allowance);
        const it = file.stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
        try {
          // The head decides the type before a byte is stored: a disguised file never reaches storage.
          const headChunks: Buffer[] = [];
          let headBytes = 0;
          let ended = false;
          while (headBytes < SNIFF_BYTES) {
            const r = await it.next();
            if (r.done) {
              ended = true;
              break;
            }
            digest.update(r.value);
            headChunks.push(r.value);
            headBytes += r.value.length;
          }
          if (headBytes === 0) throw new AppError('VALIDATION_FAILED', `Tệp "${fileName}" rỗng`, [{ field: 'file', message: `Tệp "${fileName}" rỗng` }]);
          const head = Buffer.concat(headChunks);
          const type = checkMediaType(fileName, head);
          if (!type.ok) throw new AppError('ATTACHMENT_TYPE_NOT_ALLOWED', type.message, [{ field: 'file', message: type.message }]);

          const id = randomUUID();
          const now = new Date();
          const key = `attachments/${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${id}`;
          async function* body() {
            yield head;
            if (ended) return;
            for (let r = await it.next(); !r.done; r = await it.next()) {
              digest.update(r.value);
              yield r.value;
            }
          }
          const { size } = await this.storage.put(key, body(), { contentType: type.mediaType });
          return { id, key, fileName, mediaType: type.mediaType, size, sha256: digest.sha256() };
        } catch (e) {
          if (e instanceof SizeLimitError) throw tooLarge(fileName);
          throw e;
        }
      },
      (s) => this.storage.delete(s.key),
    );

    try {
      const documentCode = fields['documentCode']?.trim() || null;
      if (documentCode && !DOCUMENT_CODE.test(documentCode)) {
        throw new AppError('VALIDATION_FAILED', 'Mã thành phần hồ sơ không hợp lệ', [{ field: 'documentCode', message: 'Mã thành phần hồ sơ không hợp lệ' }]);
      }
      const signatures = stored.mediaType === 'application/pdf' ? await this.checkSignatures(stored.key) : null;
      const row = await this.db.getRepository(Attachment).save(
        this.db.getRepository(Attachment).create({
          id: stored.id,
          ownerCitizenId: actor.id,
          fileName: stored.fileName,
          mediaType: stored.mediaType,
          sizeBytes: stored.size,
          sha256: stored.sha256,
          storageKey: stored.key,
          documentCode,
          dossierId: null,
          ...(signatures ? { signatureStatus: signatures.status, signatureInfo: signatures.info } : {}),
        }),
      );
      this.logger.log({ attachmentId: row.id, sizeBytes: row.sizeBytes, mediaType: row.mediaType }, 'attachment uploaded');
      return toAttachmentDto(row);
    } catch (e) {
      await this.storage.delete(stored.key).catch(() => undefined);
      throw e;
    }
  }

  /** The citizen's own attachment (used or not); anyone else's is "not found". */
  async mine(actor: CitizenPrincipal, id: string): Promise<Attachment> {
    const a = UUID.test(id) ? await this.db.getRepository(Attachment).findOneBy({ id, ownerCitizenId: actor.id }) : null;
    if (!a) throw new AppError('ATTACHMENT_NOT_FOUND');
    return a;
  }

  /** The bytes of the citizen's own attachment (an e-result is theirs once delivered, at return). */
  async content(actor: CitizenPrincipal, id: string): Promise<{ attachment: Attachment; stream: Readable }> {
    const attachment = await this.mine(actor, id);
    return { attachment, stream: await this.storage.get(attachment.storageKey) };
  }

  /** Deletes an upload no dossier took yet. */
  async remove(actor: CitizenPrincipal, id: string): Promise<void> {
    const a = await this.mine(actor, id);
    const deleted: [unknown[], number] = await this.db.query(`DELETE FROM attachment WHERE id = $1 AND dossier_id IS NULL RETURNING id`, [a.id]);
    if (deleted[1] === 0) throw new AppError('ATTACHMENT_IN_USE', `Tệp "${a.fileName}" đã thuộc một hồ sơ đã nộp, không thể xoá`);
    await this.storage.delete(a.storageKey);
  }

  /**
   * Deletes uploads that no dossier took within `maxAgeMs` (a day by default) and that no draft of
   * their owner still refers to — what abandoned or failed submissions leave. Safe to run twice
   * and beside submissions: a row is locked while its file goes, and a submission that wants it
   * then finds it gone. Returns how many were deleted.
   */
  async purgeUnused(maxAgeMs = 24 * 3600 * 1000, now = new Date(), batch = 200): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.db.transaction(async (tx) => {
        const rows: { id: string; storage_key: string }[] = await tx.query(
          `SELECT a.id, a.storage_key FROM attachment a
           WHERE a.dossier_id IS NULL AND a.created_at < $1
             AND NOT EXISTS (SELECT 1 FROM dossier_draft d
                             WHERE d.citizen_id = a.owner_citizen_id
                               AND d.attachments @> jsonb_build_array(jsonb_build_object('attachmentId', a.id::text)))
           ORDER BY a.created_at
           LIMIT $2
           FOR UPDATE OF a SKIP LOCKED`,
          [new Date(now.getTime() - maxAgeMs), batch],
        );
        for (const r of rows) await this.storage.delete(r.storage_key);
        if (rows.length) await tx.query(`DELETE FROM attachment WHERE id = ANY($1::uuid[])`, [rows.map((r) => r.id)]);
        return rows.length;
      });
      total += n;
      if (n < batch) break;
    }
    if (total) this.logger.log({ deleted: total }, 'unused attachments purged');
    return total;
  }
}
