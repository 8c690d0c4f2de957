import { isDeepStrictEqual } from 'node:util';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, Not, QueryFailedError } from 'typeorm';
import {
  AppError,
  DOSSIER_STATUS_LABELS,
  DOSSIER_STATUS_PORTAL_CODE,
  DossierDetailDto,
  DossierDto,
  DossierEventDto,
  DossierLookupDto,
  DossierStatus,
  DossierSummaryDto,
  Page,
} from '@dvc/shared/contracts';
import { CalendarService } from '@dvc/one-stop/desk';
import { AgencyUnit, CitizenPrincipal } from '@dvc/platform/identity';
import { CatalogService, ProcedureVersion } from '@dvc/public-service/catalog';
import { codeDay, DossierCodeFormat } from './dossier-code';
import { SubmitDossierDto } from './dto/submit-dossier.dto';
import { Dossier, DossierEvent } from '@dvc/one-stop/dossier';
import { OUTBOX_TOPICS } from '@dvc/platform/outbox';
import { FormValidator } from './form-validation';
import { DOSSIER_CODE_FORMAT } from './intake-calendar';
import { DocumentPlan, DossierDocumentsService } from './attachments/dossier-documents.service';
import { ResultService } from './result/result.service';
import { SUBMIT_DOSSIER_SQL } from './submit-statement';

/** The desk's own alerts and drafts, not part of the citizen's history (an issued apology letter is). */
const DESK_INTERNAL_EVENTS = ['sla_due_soon', 'sla_overdue', 'apology_drafted'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface DossierRow {
  id: string;
  code: string;
  status: DossierStatus;
  channel: Dossier['channel'];
  procedure_id: string;
  procedure_code: string;
  procedure_name: string;
  version: number;
  procedure_version_id: string;
  agency_id: string;
  agency_code: string;
  agency_name: string;
  applicant_name: string;
  applicant_identity_number: string;
  applicant_phone: string | null;
  applicant_email: string | null;
  form_data: Record<string, unknown>;
  submitted_at: Date;
  received_at: Date;
  due_at: Date;
  created_at: Date;
  updated_at: Date;
}

const selectDossier = (extra = '') => `
  SELECT ${extra} d.id, d.code, d.status, d.channel, d.procedure_id, p.code AS procedure_code, v.name AS procedure_name,
         v.version, d.procedure_version_id, a.id AS agency_id, a.code AS agency_code, a.name AS agency_name,
         d.applicant_name, d.applicant_identity_number, d.applicant_phone, d.applicant_email, d.form_data,
         d.submitted_at, d.received_at, d.due_at, d.created_at, d.updated_at
  FROM dossier d
  JOIN procedure p ON p.id = d.procedure_id
  JOIN procedure_version v ON v.id = d.procedure_version_id
  JOIN agency_unit a ON a.id = d.receiving_agency_id`;

function toSummary(r: DossierRow): DossierSummaryDto {
  return {
    id: r.id,
    code: r.code,
    status: r.status,
    statusCode: DOSSIER_STATUS_PORTAL_CODE[r.status],
    statusLabel: DOSSIER_STATUS_LABELS[r.status],
    channel: r.channel,
    procedure: { id: r.procedure_id, code: r.procedure_code, name: r.procedure_name, version: r.version, versionId: r.procedure_version_id },
    receivingAgency: { id: r.agency_id, code: r.agency_code, name: r.agency_name },
    submittedAt: r.submitted_at.toISOString(),
    receivedAt: r.received_at.toISOString(),
    dueAt: r.due_at.toISOString(),
  };
}

function toDto(r: DossierRow): DossierDto {
  return {
    ...toSummary(r),
    applicant: { name: r.applicant_name, identityNumber: r.applicant_identity_number, phone: r.applicant_phone, email: r.applicant_email },
    formData: r.form_data,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** Phone numbers compare in national form: spaces and dots dropped, +84/84 → 0. */
export function normalizePhone(s: string): string {
  return s.replace(/[\s.\-()]/g, '').replace(/^\+?84(?=\d{9}$)/, '0');
}

function violates(e: unknown, code: string, constraint: string): boolean {
  const d = (e as QueryFailedError & { driverError?: { code?: string; constraint?: string } }).driverError;
  return e instanceof QueryFailedError && d?.code === code && d.constraint === constraint;
}
const isUniqueViolation = (e: unknown, constraint: string) => violates(e, '23505', constraint);
const isForeignKeyViolation = (e: unknown, constraint: string) => violates(e, '23503', constraint);

type AgencyRef = { id: string; code: string; name: string };

/** What `check` found: the version to pin, the receiving unit, the documents to attach. */
interface Checked {
  version: ProcedureVersion;
  agency: AgencyRef;
  documents: DocumentPlan;
}

/** What the submission statement returns. */
type SubmittedRow = Pick<
  DossierRow,
  | 'id' | 'code' | 'applicant_name' | 'applicant_identity_number' | 'applicant_phone' | 'applicant_email' | 'form_data'
  | 'submitted_at' | 'received_at' | 'due_at' | 'created_at' | 'updated_at'
> & { receiving_agency_id: string };

/** A planned document as the statement's jsonb_to_recordset reads it. */
function toDocumentColumns(d: DocumentPlan['documents'][number]) {
  return {
    document_code: d.documentCode,
    name: d.name,
    attachment_id: d.attachmentId,
    file_name: d.fileName,
    media_type: d.mediaType,
    size_bytes: d.sizeBytes,
    sha256: d.sha256,
    source: d.source,
    reused_from_document_id: d.reusedFromDocumentId,
  };
}

/**
 * Online submission: a citizen's dossier is validated against the pinned procedure version's
 * e-form, numbered per TT 01/2018 art. 19, and stored with its first history entry in one transaction.
 */
@Injectable()
export class DossierService {
  private readonly forms = new FormValidator();
  private readonly agencies = new Map<string, AgencyRef>();
  private readonly versions = new Map<string, ProcedureVersion>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly catalog: CatalogService,
    private readonly calendars: CalendarService,
    @Inject(DOSSIER_CODE_FORMAT) private readonly codeFormat: DossierCodeFormat,
    private readonly documents: DossierDocumentsService,
    private readonly results: ResultService,
  ) {}

  /**
   * Submits a dossier. A retry with the same Idempotency-Key by the same citizen returns the dossier
   * created first (`created: false`), also when the two requests race.
   */
  submit(actor: CitizenPrincipal, idempotencyKey: string, dto: SubmitDossierDto, now = new Date()): Promise<{ dossier: DossierDto; created: boolean }> {
    return this.write(actor, idempotencyKey, dto, now, true);
  }

  /** `submit`; `mayRetry`: once, when what this process remembered of the catalog turned out stale. */
  private async write(
    actor: CitizenPrincipal,
    idempotencyKey: string,
    dto: SubmitDossierDto,
    now: Date,
    mayRetry: boolean,
  ): Promise<{ dossier: DossierDto; created: boolean }> {
    let plan: Checked;
    try {
      plan = await this.check(actor, dto);
    } catch (e) {
      // A retry of a submission that went through: its uploads now belong to the dossier, so the
      // check refuses them — the first answer is what the citizen gets again.
      if (e instanceof AppError) return (await this.replay(actor, idempotencyKey, dto)) ?? Promise.reject(e);
      throw e;
    }
    const { version, agency, documents } = plan;

    // The desk's calendar: official schedules plus the days administrators declare (calendar_day),
    // with the receiving agency's office hours (agency_office_hours).
    const calendar = await this.calendars.forAgencyCode(dto.receivingAgencyCode);
    const receivedAt = calendar.receivedAt(now);
    const day = codeDay(receivedAt);
    // The calendar in force on the receipt day applies to this dossier for good.
    const dueAt = calendar.asOf(day).dueDate({ receivedAt: now, workingDays: version.timeLimitDays });

    let rows: SubmittedRow[];
    try {
      rows = await this.db.query(SUBMIT_DOSSIER_SQL, [
        dto.receivingAgencyCode,
        this.codeFormat.prefix({ agencyCode: dto.receivingAgencyCode, day }),
        this.codeFormat.minDigits,
        version.procedureId,
        version.id,
        actor.id,
        JSON.stringify(dto.formData),
        now,
        receivedAt,
        dueAt,
        idempotencyKey,
        JSON.stringify({ channel: 'online', procedureVersionId: version.id }),
        JSON.stringify(documents.documents.map(toDocumentColumns)),
        documents.uploadIds,
        OUTBOX_TOPICS.dossierStatusChanged,
      ]);
    } catch (e) {
      // A concurrent duplicate committed first: our statement, its number included, was undone.
      if (isUniqueViolation(e, 'uq_dossier_idempotency')) {
        const winner = await this.replay(actor, idempotencyKey, dto);
        if (winner) return winner;
      }
      if (isUniqueViolation(e, 'uq_dossier_document_upload') || isForeignKeyViolation(e, 'fk_dossier_document_attachment')) {
        throw new AppError('ATTACHMENT_IN_USE', 'Một tệp đính kèm vừa được dùng cho hồ sơ khác; hãy chọn lại');
      }
      throw e;
    }
    const [row] = rows;
    if (!row) {
      // The statement found no current published version, unit or citizen: what this process
      // remembered is out of date (a new version was put in force…). Check again from the database.
      this.versions.delete(dto.procedureCode);
      this.agencies.delete(dto.receivingAgencyCode);
      if (mayRetry) return this.write(actor, idempotencyKey, dto, now, false);
      throw new AppError('UNAUTHENTICATED'); // the citizen's account is gone
    }
    // Numbered by the commit (trg_dossier_number_at_commit): the statement returned the provisional code.
    const [{ code }]: { code: string }[] = await this.db.query(`SELECT code FROM dossier WHERE id = $1`, [row.id]);
    return {
      dossier: toDto({
        ...row,
        code,
        status: 'submitted',
        channel: 'online',
        procedure_id: version.procedureId,
        procedure_code: dto.procedureCode,
        procedure_name: version.name,
        version: version.version,
        procedure_version_id: version.id,
        agency_code: agency.code,
        agency_name: agency.name,
        agency_id: row.receiving_agency_id,
      }),
      created: true,
    };
  }

  /** What must hold before a submission is written: published procedure, its agency, e-form, documents. */
  private async check(actor: CitizenPrincipal, dto: SubmitDossierDto): Promise<Checked> {
    const version = await this.version(dto.procedureCode);
    const agency = version.implementingAgencyCodes.includes(dto.receivingAgencyCode) ? await this.agency(dto.receivingAgencyCode) : null;
    if (!agency) {
      const message = `Cơ quan ${dto.receivingAgencyCode} không tiếp nhận thủ tục này`;
      throw new AppError('VALIDATION_FAILED', message, [{ field: 'receivingAgencyCode', message }]);
    }
    const errors = this.forms.validate(version.id, version.content.formSchema, dto.formData);
    if (errors.length) throw new AppError('VALIDATION_FAILED', errors[0].message, errors);
    // Required components are enforced also when `attachments` is omitted.
    const documents = await this.documents.plan(actor, version.content.documents, dto.attachments ?? []);
    return { version, agency, documents };
  }

  /**
   * The procedure's published version in force. Versions are immutable, so a process keeps the ones it
   * has read; the submission statement inserts only if the version is still the procedure's current
   * published one; on a miss `write` forgets it and reads it again.
   */
  private async version(code: string): Promise<ProcedureVersion> {
    const known = this.versions.get(code);
    if (known) return known;
    const version = await this.catalog.publishedVersion(code);
    this.versions.set(code, version);
    return version;
  }

  /**
   * Receiving units by code. Units are reference data that change by administrative decision, so a
   * process keeps the ones it has seen; the statement that inserts a dossier re-reads the unit anyway.
   */
  private async agency(code: string): Promise<AgencyRef | null> {
    const known = this.agencies.get(code);
    if (known) return known;
    const unit = await this.db.getRepository(AgencyUnit).findOneBy({ code });
    if (unit) this.agencies.set(code, { id: unit.id, code: unit.code, name: unit.name });
    return unit;
  }

  /** My dossiers, newest first. */
  async mine(actor: CitizenPrincipal, page = 1, pageSize = 20): Promise<Page<DossierSummaryDto>> {
    const rows: (DossierRow & { total: string })[] = await this.db.query(
      `${selectDossier('count(*) OVER () AS total,')}
       WHERE d.applicant_citizen_id = $1
       ORDER BY d.submitted_at DESC, d.id DESC
       LIMIT $2 OFFSET $3`,
      [actor.id, pageSize, (page - 1) * pageSize],
    );
    return { items: rows.map(toSummary), total: rows.length ? Number(rows[0].total) : 0, page, pageSize };
  }

  /** One of my dossiers with its history; someone else's is reported as not found. */
  async mineById(actor: CitizenPrincipal, id: string): Promise<DossierDetailDto> {
    if (!UUID.test(id)) throw new AppError('DOSSIER_NOT_FOUND');
    const [row]: DossierRow[] = await this.db.query(`${selectDossier()} WHERE d.id = $1 AND d.applicant_citizen_id = $2`, [id, actor.id]);
    if (!row) throw new AppError('DOSSIER_NOT_FOUND');
    const [events, documents, result] = await Promise.all([
      this.db.getRepository(DossierEvent).find({ where: { dossierId: id, type: Not(In(DESK_INTERNAL_EVENTS)) }, order: { id: 'ASC' } }),
      this.documents.of(id),
      this.results.summaryForCitizen(actor.id, id),
    ]);
    return { ...toDto(row), events: events.map(toEventDto), documents, result };
  }

  /**
   * Public lookup by code and a second factor (the applicant's phone or identity number). Wrong code
   * and wrong factor give the same answer, and nothing personal is returned.
   */
  async lookup(code: string, factor: string): Promise<DossierLookupDto> {
    const [row]: DossierRow[] = await this.db.query(`${selectDossier()} WHERE d.code = $1`, [code.trim().toUpperCase()]);
    const f = factor.trim();
    const matches =
      !!row &&
      !!f &&
      (f === row.applicant_identity_number || (!!row.applicant_phone && normalizePhone(f) === normalizePhone(row.applicant_phone)));
    if (!matches) throw new AppError('DOSSIER_NOT_FOUND');
    return {
      code: row.code,
      procedureName: row.procedure_name,
      statusCode: DOSSIER_STATUS_PORTAL_CODE[row.status],
      statusLabel: DOSSIER_STATUS_LABELS[row.status],
      receivedAt: row.received_at.toISOString(),
      dueAt: row.due_at.toISOString(),
    };
  }

  private async replay(actor: CitizenPrincipal, key: string, dto: SubmitDossierDto): Promise<{ dossier: DossierDto; created: false } | null> {
    const [row]: DossierRow[] = await this.db.query(`${selectDossier()} WHERE d.applicant_citizen_id = $1 AND d.idempotency_key = $2`, [actor.id, key]);
    if (!row) return null;
    const same =
      row.procedure_code === dto.procedureCode && row.agency_code === dto.receivingAgencyCode && isDeepStrictEqual(row.form_data, dto.formData);
    if (!same) throw new AppError('IDEMPOTENCY_KEY_REUSED', 'Mỗi lần nộp hồ sơ mới cần một khóa Idempotency-Key mới');
    return { dossier: toDto(row), created: false };
  }
}

function toEventDto(e: DossierEvent): DossierEventDto {
  return { id: e.id, type: e.type, actorKind: e.actorKind, fromStatus: e.fromStatus, toStatus: e.toStatus, note: e.note, at: e.at.toISOString() };
}
