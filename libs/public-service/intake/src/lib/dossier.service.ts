import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
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
import { AgencyUnit, Citizen, CitizenPrincipal } from '@dvc/platform/identity';
import { CatalogService } from '@dvc/public-service/catalog';
import { codeDay, DossierCodeFormat } from './dossier-code';
import { SubmitDossierDto } from './dto/submit-dossier.dto';
import { Dossier, DossierEvent } from '@dvc/one-stop/dossier';
import { addToOutbox, OUTBOX_TOPICS } from '@dvc/platform/outbox';
import { FormValidator } from './form-validation';
import { DOSSIER_CODE_FORMAT } from './intake-calendar';
import { DossierDocumentsService } from './attachments/dossier-documents.service';
import { DraftService } from './drafts/draft.service';

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

function isUniqueViolation(e: unknown, constraint: string): boolean {
  const d = (e as QueryFailedError & { driverError?: { code?: string; constraint?: string } }).driverError;
  return e instanceof QueryFailedError && d?.code === '23505' && d.constraint === constraint;
}

/**
 * Online submission: a citizen's dossier is validated against the pinned procedure version's
 * e-form, numbered per TT 01/2018 art. 19, and stored with its first history entry in one transaction.
 */
@Injectable()
export class DossierService {
  private readonly forms = new FormValidator();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly catalog: CatalogService,
    private readonly calendars: CalendarService,
    @Inject(DOSSIER_CODE_FORMAT) private readonly formatCode: DossierCodeFormat,
    private readonly documents: DossierDocumentsService,
    private readonly drafts: DraftService,
  ) {}

  /**
   * Submits a dossier. A retry with the same Idempotency-Key by the same citizen returns the dossier
   * created first (`created: false`), also when the two requests race.
   */
  async submit(actor: CitizenPrincipal, idempotencyKey: string, dto: SubmitDossierDto, now = new Date()): Promise<{ dossier: DossierDto; created: boolean }> {
    const earlier = await this.replay(actor, idempotencyKey, dto);
    if (earlier) return earlier;

    const version = await this.catalog.publishedVersion(dto.procedureCode);
    const agency = version.implementingAgencyCodes.includes(dto.receivingAgencyCode)
      ? await this.db.getRepository(AgencyUnit).findOneBy({ code: dto.receivingAgencyCode })
      : null;
    if (!agency) {
      const message = `Cơ quan ${dto.receivingAgencyCode} không tiếp nhận thủ tục này`;
      throw new AppError('VALIDATION_FAILED', message, [{ field: 'receivingAgencyCode', message }]);
    }
    const errors = this.forms.validate(version.id, version.content.formSchema, dto.formData);
    if (errors.length) throw new AppError('VALIDATION_FAILED', errors[0].message, errors);
    // Required components are enforced also when `attachments` is omitted.
    const documents = await this.documents.plan(actor, version.content.documents, dto.attachments ?? []);
    const citizen = await this.db.getRepository(Citizen).findOneBy({ id: actor.id });
    if (!citizen) throw new AppError('UNAUTHENTICATED');

    // The desk's calendar: official schedules plus the days administrators declare (calendar_day).
    const calendar = await this.calendars.calendar();
    const receivedAt = calendar.receivedAt(now);
    const day = codeDay(receivedAt);
    // The calendar in force on the receipt day applies to this dossier for good.
    const dueAt = calendar.asOf(day).dueDate({ receivedAt: now, workingDays: version.timeLimitDays });

    let id: string;
    try {
      id = await this.db.transaction(async (tx) => {
        // The number is taken last (see below): a provisional unique code until then.
        const provisional = `~${randomUUID()}`;
        const inserted = await tx.insert(Dossier, {
          code: provisional,
          procedureId: version.procedureId,
          procedureVersionId: version.id,
          receivingAgencyId: agency.id,
          applicantCitizenId: citizen.id,
          applicantName: citizen.fullName,
          applicantIdentityNumber: citizen.identityNumber,
          applicantPhone: citizen.phone,
          applicantEmail: citizen.email,
          formData: dto.formData as Record<string, any>,
          status: 'submitted',
          channel: 'online',
          submittedAt: now,
          receivedAt,
          dueAt,
          idempotencyKey,
        });
        const dossierId = inserted.identifiers[0]['id'] as string;
        await tx.insert(DossierEvent, {
          dossierId,
          type: 'submitted',
          actorKind: 'citizen',
          actorId: citizen.id,
          fromStatus: null,
          toStatus: 'submitted',
          note: null,
          at: now,
          data: { channel: 'online', procedureVersionId: version.id },
        });
        await this.documents.attach(tx, dossierId, documents);
        await this.drafts.discard(tx, citizen.id, version.procedureId);
        // Status sync to the national portal starts here (TrangThaiHoSo 1): same transaction, no loss.
        await addToOutbox(tx, { topic: OUTBOX_TOPICS.dossierStatusChanged, aggregateType: 'dossier', aggregateId: dossierId, payload: { dossierId } });
        // Last, so the per-unit per-day counter row stays locked only for two statements and the
        // commit: every submission to the unit waits on that lock. Still gapless — a rollback
        // releases the number with the lock.
        const seq = await this.nextSequence(tx, agency.id, day);
        await tx.update(Dossier, { id: dossierId }, { code: this.formatCode({ agencyCode: agency.code, day, seq }) });
        return dossierId;
      });
    } catch (e) {
      // A concurrent duplicate committed first: its number was released by our rollback.
      if (isUniqueViolation(e, 'uq_dossier_idempotency')) {
        const winner = await this.replay(actor, idempotencyKey, dto);
        if (winner) return winner;
      }
      throw e;
    }
    return { dossier: toDto(await this.row(this.db.manager, id)), created: true };
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
    const [events, documents] = await Promise.all([
      this.db.getRepository(DossierEvent).find({ where: { dossierId: id }, order: { id: 'ASC' } }),
      this.documents.of(id),
    ]);
    return { ...toDto(row), events: events.map(toEventDto), documents };
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

  /**
   * Next sequence of a unit on a day. The upsert takes the counter row's lock until commit, so
   * concurrent submissions number one after the other, and a rolled-back one gives its number back.
   */
  private async nextSequence(tx: EntityManager, agencyId: string, day: string): Promise<number> {
    const [r]: { last_seq: number }[] = await tx.query(
      `INSERT INTO dossier_code_counter (agency_id, day, last_seq) VALUES ($1, $2, 1)
       ON CONFLICT (agency_id, day) DO UPDATE SET last_seq = dossier_code_counter.last_seq + 1
       RETURNING last_seq`,
      [agencyId, day],
    );
    return r.last_seq;
  }

  private async replay(actor: CitizenPrincipal, key: string, dto: SubmitDossierDto): Promise<{ dossier: DossierDto; created: false } | null> {
    const [row]: DossierRow[] = await this.db.query(`${selectDossier()} WHERE d.applicant_citizen_id = $1 AND d.idempotency_key = $2`, [actor.id, key]);
    if (!row) return null;
    const same =
      row.procedure_code === dto.procedureCode && row.agency_code === dto.receivingAgencyCode && isDeepStrictEqual(row.form_data, dto.formData);
    if (!same) throw new AppError('IDEMPOTENCY_KEY_REUSED', 'Mỗi lần nộp hồ sơ mới cần một khóa Idempotency-Key mới');
    return { dossier: toDto(row), created: false };
  }

  private async row(m: EntityManager, id: string): Promise<DossierRow> {
    const [row]: DossierRow[] = await m.query(`${selectDossier()} WHERE d.id = $1`, [id]);
    if (!row) throw new AppError('DOSSIER_NOT_FOUND');
    return row;
  }
}

function toEventDto(e: DossierEvent): DossierEventDto {
  return { id: e.id, type: e.type, actorKind: e.actorKind, fromStatus: e.fromStatus, toStatus: e.toStatus, note: e.note, at: e.at.toISOString() };
}
