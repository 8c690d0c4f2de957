import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError } from '@dvc/shared/contracts';
import type { DossierChannel, DossierStatus, OnlineLevel, RequiredDocument } from '@dvc/shared/contracts';
import type { CitizenPrincipal } from '@dvc/platform/identity';
import { placeOf, ReceiptData, ReceivedFile, receivedDocuments, renderReceipt } from '@dvc/one-stop/documents';
import { SignerRegistry } from '@dvc/platform/signature';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface ReceiptRow {
  code: string;
  status: DossierStatus;
  channel: DossierChannel;
  applicant_name: string;
  applicant_identity_number: string;
  applicant_phone: string | null;
  applicant_email: string | null;
  received_at: Date;
  due_at: Date;
  procedure_code: string;
  procedure_name: string;
  time_limit_days: number;
  online_level: OnlineLevel;
  time_limit_note: string | null;
  documents: RequiredDocument[] | null;
  agency_code: string;
  agency_name: string;
  parent_name: string | null;
  officer_name: string | null;
}

/**
 * Mẫu 01 of a citizen's own dossier, rebuilt from what was stored at receipt: the dossier's applicant
 * snapshot and dates, its pinned procedure version, and the receiving unit.
 */
@Injectable()
export class ReceiptService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Optional() private readonly signers?: SignerRegistry,
  ) {}

  /**
   * The receipt PDF and the dossier code; another citizen's dossier is reported as not found.
   * When a signer is configured for the receiving agency, the receipt is PAdES-signed by the
   * agency certificate with a visible block; otherwise it is served unsigned.
   */
  async forCitizen(actor: CitizenPrincipal, dossierId: string): Promise<{ code: string; pdf: Buffer }> {
    const data = await this.receiptData(dossierId, actor.id);
    const pdf = await renderReceipt(data);
    return { code: data.dossierCode, pdf: await this.sign(pdf, data) };
  }

  private async sign(pdf: Buffer, data: ReceiptData): Promise<Buffer> {
    const code = data.agency.code;
    if (!this.signers || !code) return pdf;
    const signed = await this.signers.signIssued(code, pdf, {
      signerName: data.agency.name,
      unitName: 'Bộ phận tiếp nhận và trả kết quả',
      reason: `Giấy tiếp nhận hồ sơ và hẹn trả kết quả ${data.dossierCode}`,
      location: data.agency.place,
    });
    return signed ?? pdf;
  }

  async receiptData(dossierId: string, applicantCitizenId: string): Promise<ReceiptData> {
    if (!UUID.test(dossierId)) throw new AppError('DOSSIER_NOT_FOUND');
    const [r]: ReceiptRow[] = await this.db.query(
      `SELECT d.code, d.status, d.channel, d.applicant_name, d.applicant_identity_number, d.applicant_phone, d.applicant_email,
              d.received_at, d.due_at, p.code AS procedure_code, v.name AS procedure_name, v.time_limit_days, v.online_level,
              v.content->>'timeLimitNote' AS time_limit_note, v.content->'documents' AS documents,
              a.code AS agency_code, a.name AS agency_name, pa.name AS parent_name,
              (SELECT o.full_name FROM dossier_event e JOIN official o ON o.id = e.actor_id
                WHERE e.dossier_id = d.id AND e.to_status = 'received' AND e.actor_kind = 'official'
                ORDER BY e.id LIMIT 1) AS officer_name
       FROM dossier d
       JOIN procedure p ON p.id = d.procedure_id
       JOIN procedure_version v ON v.id = d.procedure_version_id
       JOIN agency_unit a ON a.id = d.receiving_agency_id
       LEFT JOIN agency_unit pa ON pa.id = a.parent_id
       WHERE d.id = $1 AND d.applicant_citizen_id = $2`,
      [dossierId, applicantCitizenId],
    );
    if (!r) throw new AppError('DOSSIER_NOT_FOUND');
    // A refused dossier gets Mẫu 03, never a receipt.
    if (r.status === 'refused') throw new AppError('NOT_FOUND', 'Hồ sơ không được tiếp nhận nên không có giấy tiếp nhận');
    const files: ReceivedFile[] = await this.db.query(
      `SELECT document_code, name, file_name FROM dossier_document WHERE dossier_id = $1 AND source <> 'result' ORDER BY created_at, file_name, id`,
      [dossierId],
    );
    return {
      dossierCode: r.code,
      agency: { parentName: r.parent_name, name: r.agency_name, code: r.agency_code, place: placeOf(r.agency_name, r.parent_name) },
      applicant: { name: r.applicant_name, identityNumber: r.applicant_identity_number, phone: r.applicant_phone, email: r.applicant_email },
      procedure: { code: r.procedure_code, name: r.procedure_name },
      channel: r.channel,
      documents: receivedDocuments(r.documents ?? [], files),
      timeLimitDays: r.time_limit_days,
      timeLimitNote: r.time_limit_days === 0 ? r.time_limit_note : null,
      receivedAt: r.received_at,
      dueAt: r.due_at,
      // Issued when received, so downloading again gives the same document.
      issuedAt: r.received_at,
      resultDelivery: r.online_level === 'toan_trinh' ? 'Trực tuyến, qua Cổng Dịch vụ công' : `Bộ phận Một cửa ${r.agency_name}`,
      officer: r.officer_name ? { name: r.officer_name } : null,
    };
  }
}
