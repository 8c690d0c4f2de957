import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  APOLOGY_TITLE,
  CONTROL_SHEET_TITLE,
  type FormAgency,
  type FormCommon,
  placeOf,
  RECEIPT_TITLE,
  type ReceivedFile,
  receivedDocuments,
  REFUSAL_TITLE,
  renderApology,
  renderControlSheet,
  renderReceipt,
  renderRefusal,
  renderSupplementRequest,
  SUPPLEMENT_REQUEST_TITLE,
} from '@dvc/one-stop/documents';
import type { OfficialPrincipal } from '@dvc/platform/identity';
import { SignerRegistry } from '@dvc/platform/signature';
import {
  AppError,
  DESK_FORMS,
  type DeskFormDto,
  type DeskFormId,
  type RequiredDocument,
  type SupplementItem,
} from '@dvc/shared/contracts';
import { DeskQueryService, type DetailRow } from './desk-query.service';
import { UUID } from './desk-scope';

const TITLES: Record<DeskFormId, string> = {
  'mau-01': RECEIPT_TITLE,
  'mau-02': SUPPLEMENT_REQUEST_TITLE,
  'mau-03': REFUSAL_TITLE,
  'mau-04': APOLOGY_TITLE,
  'mau-05': CONTROL_SHEET_TITLE,
};
const labelOf = (form: DeskFormId) => `Mẫu ${form.slice(4)}`;

/**
 * Mẫu 05 is an internal working document: each giver and receiver signs their row by hand, and it
 * changes with every hand-over, so it is printed unsigned. The other forms go to the applicant and
 * carry the unit's digital signature when one is configured.
 */
const ISSUED_TO_APPLICANT: ReadonlySet<DeskFormId> = new Set(['mau-01', 'mau-02', 'mau-03', 'mau-04']);

interface EventRow {
  id: string;
  type: string;
  note: string | null;
  at: Date;
  data: Record<string, any> | null;
  actor_name: string | null;
}

interface ApologyRow {
  id: string;
  status: 'draft' | 'issued';
  reason: string;
  original_due_at: Date;
  proposed_due_at: Date;
  created_at: Date;
  issued_at: Date | null;
  issuer_name: string | null;
  issuer_unit_id: string | null;
}

interface UnitRow {
  code: string;
  name: string;
  parent_name: string | null;
}

/** A rendered form, ready to serve. */
export interface DeskFormFile {
  form: DeskFormId;
  title: string;
  dossierCode: string;
  pdf: Buffer;
  signed: boolean;
}

/**
 * The one-stop forms of a dossier as PDFs for the desk (NĐ 118/2025/NĐ-CP, forms of TT 01/2018):
 * Mẫu 01 receipt, 02 supplement request, 03 refusal, 04 apology and new appointment, 05 control
 * sheet. Every form is rebuilt from what was stored when it was issued — the events (receipt, the
 * supplement request's items, the refusal reason), the apology letter, the step rows — never
 * re-typed. Visibility is the desk's: another unit's dossier is not found.
 */
@Injectable()
export class DeskFormsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queries: DeskQueryService,
    @Optional() private readonly signers?: SignerRegistry,
  ) {}

  /** The forms that apply to the dossier now (one Mẫu 04 per letter, drafts included). */
  async list(p: OfficialPrincipal, id: string): Promise<DeskFormDto[]> {
    const d = await this.queries.visibleRow(p, id);
    const events = await this.events(id);
    const apologies = await this.apologies(id);
    const href = (form: DeskFormId, q = '') => `/api/v1/desk/dossiers/${id}/forms/${form}${q}`;
    const signed = (form: DeskFormId, code: string) => ISSUED_TO_APPLICANT.has(form) && this.canSign(code);
    const out: DeskFormDto[] = [];
    for (const form of ['mau-01', 'mau-02', 'mau-03'] as const) {
      if (!this.notApplicable(form, events))
        out.push({
          form,
          label: labelOf(form),
          title: TITLES[form],
          href: href(form),
          signed: signed(form, d.agency_code),
        });
    }
    for (const a of apologies) {
      const unit = await this.unit(a.issuer_unit_id ?? d.current_unit_id);
      out.push({
        form: 'mau-04',
        label: labelOf('mau-04'),
        title: TITLES['mau-04'],
        href: href('mau-04', `?apologyId=${a.id}`),
        signed: a.status === 'issued' && signed('mau-04', unit.code),
        ...(a.status === 'draft' ? { draft: true } : {}),
      });
    }
    out.push({
      form: 'mau-05',
      label: labelOf('mau-05'),
      title: TITLES['mau-05'],
      href: href('mau-05'),
      signed: false,
    });
    return out;
  }

  /** One form as a PDF, or FORM_NOT_APPLICABLE saying why it does not exist for this dossier. */
  async render(
    p: OfficialPrincipal,
    id: string,
    form: string,
    opts: { apologyId?: string } = {},
    now = new Date(),
  ): Promise<DeskFormFile> {
    if (!(DESK_FORMS as readonly string[]).includes(form)) {
      throw new AppError('NOT_FOUND', `Không có biểu mẫu "${form}"; các biểu mẫu: ${DESK_FORMS.join(', ')}`);
    }
    const f = form as DeskFormId;
    const d = await this.queries.visibleRow(p, id);
    const events = await this.events(id);
    const why = this.notApplicable(f, events);
    if (why) throw new AppError('FORM_NOT_APPLICABLE', why);
    const receiving = await this.unit(d.receiving_agency_id);
    const common = (agency: FormAgency, issuedAt: Date): FormCommon => ({
      dossierCode: d.code,
      agency,
      applicant: {
        name: d.applicant_name,
        identityNumber: d.applicant_identity_number,
        phone: d.applicant_phone,
        email: d.applicant_email,
      },
      procedure: { code: d.procedure_code, name: d.procedure_name },
      channel: d.channel,
      issuedAt,
    });
    const latest = (type: string) => [...events].reverse().find((e) => e.type === type)!;

    switch (f) {
      case 'mau-01': {
        const e = latest('receipt_issued');
        const pdf = await renderReceipt({
          ...common(formAgency(receiving), d.received_at),
          ...(await this.receiptPart(d, e)),
        });
        return this.sign(f, d.code, pdf, receiving, `${RECEIPT_TITLE} ${d.code}`);
      }
      case 'mau-02': {
        const e = latest('supplement_requested');
        const items: SupplementItem[] = Array.isArray(e.data?.['items']) ? e.data['items'] : [];
        const pdf = await renderSupplementRequest({
          ...common(formAgency(receiving), e.at),
          items: items.length
            ? items.map((i) => ({ name: i.name, reason: i.note ?? null }))
            : [{ name: e.note ?? '', reason: null }],
          note: items.length ? e.note : null,
          officer: { name: e.actor_name ?? `Bộ phận Một cửa ${receiving.name}` },
        });
        return this.sign(f, d.code, pdf, receiving, `${SUPPLEMENT_REQUEST_TITLE} ${d.code}`);
      }
      case 'mau-03': {
        const e = latest('refused');
        const pdf = await renderRefusal({
          ...common(formAgency(receiving), e.at),
          reason: e.note ?? '',
          officer: { name: e.actor_name ?? `Bộ phận Một cửa ${receiving.name}` },
        });
        return this.sign(f, d.code, pdf, receiving, `${REFUSAL_TITLE} ${d.code}`);
      }
      case 'mau-04': {
        const a = await this.apology(id, opts.apologyId);
        const unit = await this.unit(a.issuer_unit_id ?? d.current_unit_id);
        const draft = a.status === 'draft';
        const pdf = await renderApology({
          ...common(formAgency(unit), a.issued_at ?? a.created_at),
          receivedAt: d.received_at,
          originalDueAt: a.original_due_at,
          reason: a.reason,
          newDueAt: a.proposed_due_at,
          signer: { name: a.issuer_name },
          draft,
        });
        // A draft is for review only: never signed.
        return draft
          ? { form: f, title: TITLES[f], dossierCode: d.code, pdf, signed: false }
          : this.sign(f, d.code, pdf, unit, `${APOLOGY_TITLE} ${d.code}`);
      }
      case 'mau-05': {
        const sheet = await this.queries.controlSheet(p, id);
        const who = (unit: { name: string } | null, official: { fullName: string } | null) =>
          [unit?.name, official?.fullName].filter(Boolean).join(' — ');
        const pdf = await renderControlSheet({
          ...common(formAgency(receiving), now),
          receivedAt: d.received_at,
          dueAt: d.due_at,
          returnedAt: sheet.dossier.returnedAt ? new Date(sheet.dossier.returnedAt) : null,
          rows: sheet.rows.map((r) => ({
            stepName: r.stepName,
            from: r.fromUnit || r.fromOfficial ? who(r.fromUnit, r.fromOfficial) : null,
            to: who(r.toUnit, r.toOfficial),
            handedOverAt: new Date(r.handedOverAt),
            dueAt: r.dueAt ? new Date(r.dueAt) : null,
            finishedAt: r.finishedAt ? new Date(r.finishedAt) : null,
            onTime: r.onTime,
            note: r.note,
          })),
        });
        return { form: f, title: TITLES[f], dossierCode: d.code, pdf, signed: false };
      }
    }
  }

  /** Why a form does not exist for the dossier (null when it does). Mẫu 04 is checked against its letters. */
  private notApplicable(form: DeskFormId, events: EventRow[]): string | null {
    const has = (type: string) => events.some((e) => e.type === type);
    switch (form) {
      case 'mau-01':
        return has('receipt_issued')
          ? null
          : 'Hồ sơ chưa được tiếp nhận (hoặc đã bị từ chối) nên không có Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01)';
      case 'mau-02':
        return has('supplement_requested')
          ? null
          : 'Hồ sơ chưa từng được yêu cầu bổ sung, hoàn thiện nên không có Phiếu yêu cầu bổ sung (Mẫu 02)';
      case 'mau-03':
        return has('refused')
          ? null
          : 'Hồ sơ không bị từ chối tiếp nhận nên không có Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu 03)';
      default:
        return null;
    }
  }

  /** The letter asked for, else the latest issued one, else the latest draft. */
  private async apology(dossierId: string, apologyId?: string): Promise<ApologyRow> {
    const all = await this.apologies(dossierId);
    if (apologyId) {
      const a = UUID.test(apologyId) ? all.find((x) => x.id === apologyId) : undefined;
      if (!a) throw new AppError('APOLOGY_NOT_FOUND');
      return a;
    }
    const pick = [...all].reverse().find((a) => a.status === 'issued') ?? all[all.length - 1];
    if (!pick) {
      throw new AppError(
        'FORM_NOT_APPLICABLE',
        'Hồ sơ chưa có phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04): phiếu chỉ được lập khi hồ sơ quá hạn',
      );
    }
    return pick;
  }

  private apologies(dossierId: string): Promise<ApologyRow[]> {
    return this.db.query(
      `SELECT a.id, a.status, a.reason, a.original_due_at, a.proposed_due_at, a.created_at, a.issued_at,
              o.full_name AS issuer_name, o.agency_unit_id AS issuer_unit_id
         FROM dossier_apology a LEFT JOIN official o ON o.id = a.issued_by
        WHERE a.dossier_id = $1 ORDER BY a.created_at, a.id`,
      [dossierId],
    );
  }

  private events(dossierId: string): Promise<EventRow[]> {
    return this.db.query(
      `SELECT e.id, e.type, e.note, e.at, e.data, o.full_name AS actor_name FROM dossier_event e
         LEFT JOIN official o ON e.actor_kind = 'official' AND o.id = e.actor_id
        WHERE e.dossier_id = $1 AND e.type IN ('receipt_issued', 'supplement_requested', 'refused')
        ORDER BY e.id`,
      [dossierId],
    );
  }

  private async unit(id: string): Promise<UnitRow> {
    const [u]: UnitRow[] = await this.db.query(
      `SELECT u.code, u.name, pu.name AS parent_name FROM agency_unit u LEFT JOIN agency_unit pu ON pu.id = u.parent_id WHERE u.id = $1`,
      [id],
    );
    if (!u) throw new AppError('AGENCY_NOT_FOUND');
    return u;
  }

  /** Mẫu 01 as issued at receipt: the appointment stored on the receipt event, the pinned version's components. */
  private async receiptPart(d: DetailRow, e: EventRow) {
    const [v]: {
      time_limit_days: number;
      online_level: string;
      time_limit_note: string | null;
      documents: RequiredDocument[] | null;
    }[] = await this.db.query(
      `SELECT time_limit_days, online_level, content->>'timeLimitNote' AS time_limit_note, content->'documents' AS documents
         FROM procedure_version WHERE id = $1`,
      [d.procedure_version_id],
    );
    const files: ReceivedFile[] = await this.db.query(
      `SELECT document_code, name, file_name FROM dossier_document WHERE dossier_id = $1 ORDER BY created_at, file_name, id`,
      [d.id],
    );
    return {
      documents: receivedDocuments(v?.documents ?? [], files),
      timeLimitDays: v?.time_limit_days ?? 0,
      timeLimitNote: v?.time_limit_days === 0 ? v.time_limit_note : null,
      receivedAt: d.received_at,
      dueAt: e.data?.['dueAt'] ? new Date(e.data['dueAt']) : d.due_at,
      resultDelivery:
        v?.online_level === 'toan_trinh'
          ? 'Trực tuyến, qua Cổng Dịch vụ công'
          : `Bộ phận Một cửa ${d.agency_name}`,
      officer: e.actor_name ? { name: e.actor_name } : null,
    };
  }

  private canSign(agencyCode: string): boolean {
    return !!this.signers?.has(agencyCode);
  }

  /** PAdES signature of the issuing unit with a visible block on the last page, when configured. */
  private async sign(
    form: DeskFormId,
    code: string,
    pdf: Buffer,
    unit: UnitRow,
    reason: string,
  ): Promise<DeskFormFile> {
    const signed = await this.signers?.signIssued(unit.code, pdf, {
      signerName: unit.name,
      unitName: 'Bộ phận tiếp nhận và trả kết quả',
      reason,
      location: placeOf(unit.name, unit.parent_name),
    });
    return { form, title: TITLES[form], dossierCode: code, pdf: signed ?? pdf, signed: !!signed };
  }
}

function formAgency(u: UnitRow): FormAgency {
  return { parentName: u.parent_name, name: u.name, code: u.code, place: placeOf(u.name, u.parent_name) };
}
