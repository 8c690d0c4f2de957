import { isDeepStrictEqual } from 'node:util';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import { toLocalDate } from '@dvc/one-stop/calendar';
import { Dossier, DossierEvent } from '@dvc/one-stop/dossier';
import type { OfficialPrincipal } from '@dvc/platform/identity';
import { addToOutbox, OUTBOX_TOPICS } from '@dvc/platform/outbox';
import { AppError } from '@dvc/shared/contracts';
import { CalendarService } from './calendar.service';
import { DeskActionsService } from './desk-actions.service';
import { DESK_OPTIONS, type DeskModuleOptions } from './desk.options';
import { deskUnits } from './desk-scope';
import type { InPersonIntakeDto } from './dto/desk.dto';
import { DeskIntakeRequest } from './entities';

/**
 * In-person (or postal) intake: an intake officer enters the dossier of an applicant at the counter.
 * Same numbering (the unit's daily counter), same e-form validation and the same first history
 * entry as online submission; optionally accepted at once in the same transaction.
 */
@Injectable()
export class DeskIntakeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(DESK_OPTIONS) private readonly options: DeskModuleOptions,
    private readonly calendars: CalendarService,
    private readonly actions: DeskActionsService,
  ) {}

  /**
   * Creates the dossier. With an Idempotency-Key, a retry (double click, lost response) by the same
   * official returns the dossier created first (`created: false`), also when the requests race; the
   * key reused with another body is refused, as in online submission.
   */
  async create(
    p: OfficialPrincipal,
    dto: InPersonIntakeDto,
    idempotencyKey?: string,
    now = new Date(),
  ): Promise<{ id: string; created: boolean }> {
    const request = JSON.parse(JSON.stringify(dto)) as Record<string, unknown>;
    if (idempotencyKey) {
      const earlier = await this.replay(p, idempotencyKey, request);
      if (earlier) return { id: earlier, created: false };
    }
    const [version]: {
      id: string;
      procedure_id: string;
      time_limit_days: number;
      schema: Record<string, any>;
      agencies: string[];
    }[] = await this.db.query(
      `SELECT v.id, v.procedure_id, v.time_limit_days, v.content->'formSchema' AS schema, v.implementing_agency_codes AS agencies
         FROM procedure_version v JOIN procedure p ON p.id = v.procedure_id
        WHERE p.code = $1 AND v.status = 'published'`,
      [dto.procedureCode],
    );
    if (!version) throw new AppError('PROCEDURE_NOT_FOUND', `Mã thủ tục ${dto.procedureCode}`);
    const [agency]: { id: string; code: string }[] = await this.db.query(
      `SELECT id, code FROM agency_unit WHERE code = $1`,
      [dto.receivingAgencyCode],
    );
    if (!agency || !version.agencies.includes(agency.code) || !deskUnits(p).includes(agency.id)) {
      const message = `Đơn vị ${dto.receivingAgencyCode} không tiếp nhận thủ tục này hoặc cán bộ không thuộc đơn vị này`;
      throw new AppError('VALIDATION_FAILED', message, [{ field: 'receivingAgencyCode', message }]);
    }
    // Same field errors (JSON pointers into the form) as online submission.
    const errors = this.options.validateForm(version.id, version.schema ?? {}, dto.formData);
    if (errors.length) throw new AppError('VALIDATION_FAILED', errors[0]!.message, errors);

    // The receiving agency's office hours decide the received time and the due time of day.
    const calendar = await this.calendars.forAgency(agency.id);
    const receivedAt = calendar.receivedAt(now);
    const day = toLocalDate(receivedAt);
    // The calendar in force on the receipt day applies to this dossier for good.
    const dueAt = calendar.asOf(day).dueDate({ receivedAt: now, workingDays: version.time_limit_days });
    const [citizen]: { id: string }[] = await this.db.query(
      `SELECT id FROM citizen WHERE identity_number = $1`,
      [dto.applicant.identityNumber],
    );

    try {
      const id = await this.insert(
        p,
        dto,
        { version, agency, citizen, receivedAt, dueAt, day, now },
        idempotencyKey,
        request,
      );
      return { id, created: true };
    } catch (e) {
      // A concurrent duplicate committed first: our rollback gave its number back.
      const d = (e as { driverError?: { code?: string; constraint?: string } }).driverError;
      if (
        idempotencyKey &&
        e instanceof QueryFailedError &&
        d?.code === '23505' &&
        d.constraint === 'pk_desk_intake_request'
      ) {
        const winner = await this.replay(p, idempotencyKey, request);
        if (winner) return { id: winner, created: false };
      }
      throw e;
    }
  }

  private async insert(
    p: OfficialPrincipal,
    dto: InPersonIntakeDto,
    c: {
      version: { id: string; procedure_id: string };
      agency: { id: string; code: string };
      citizen: { id: string } | undefined;
      receivedAt: Date;
      dueAt: Date;
      day: string;
      now: Date;
    },
    idempotencyKey: string | undefined,
    request: Record<string, unknown>,
  ): Promise<string> {
    const { version, agency, citizen, receivedAt, dueAt, day, now } = c;
    return this.db.transaction(async (tx) => {
      const code = await this.options.allocateCode(tx, agency, day);
      const inserted = await tx.insert(Dossier, {
        code,
        procedureId: version.procedure_id,
        procedureVersionId: version.id,
        receivingAgencyId: agency.id,
        // Linked to the applicant's account when they have one, so they can follow it online.
        applicantCitizenId: citizen?.id ?? null,
        applicantName: dto.applicant.name.trim(),
        applicantIdentityNumber: dto.applicant.identityNumber,
        applicantPhone: dto.applicant.phone ?? null,
        applicantEmail: dto.applicant.email ?? null,
        formData: dto.formData as Record<string, any>,
        status: 'submitted',
        channel: dto.channel ?? 'desk',
        submittedAt: now,
        receivedAt,
        dueAt,
        idempotencyKey: null,
      });
      const id = inserted.identifiers[0]!['id'] as string;
      // A concurrent request with the same key waits here for our commit, then fails and replays.
      if (idempotencyKey)
        await tx.insert(DeskIntakeRequest, {
          officialId: p.id,
          idempotencyKey,
          dossierId: id,
          request: request as Record<string, any>,
        });
      await tx.insert(DossierEvent, {
        dossierId: id,
        type: 'submitted',
        actorKind: 'official',
        actorId: p.id,
        fromStatus: null,
        toStatus: 'submitted',
        note: dto.note?.trim() || null,
        at: now,
        data: { channel: dto.channel ?? 'desk', code, procedureVersionId: version.id },
      });
      await addToOutbox(tx, {
        topic: OUTBOX_TOPICS.dossierStatusChanged,
        aggregateType: 'dossier',
        aggregateId: id,
        payload: { dossierId: id },
      });
      if (dto.accept) {
        await this.actions.apply(
          tx,
          { kind: 'official', id: p.id, roles: p.roles, unitIds: deskUnits(p) },
          id,
          { action: 'accept' },
          now,
        );
      }
      return id;
    });
  }

  /** The dossier created earlier with this key by this official, or null; another body is refused. */
  private async replay(
    p: OfficialPrincipal,
    key: string,
    request: Record<string, unknown>,
  ): Promise<string | null> {
    const row = await this.db
      .getRepository(DeskIntakeRequest)
      .findOneBy({ officialId: p.id, idempotencyKey: key });
    if (!row) return null;
    if (!isDeepStrictEqual(row.request, request))
      throw new AppError(
        'IDEMPOTENCY_KEY_REUSED',
        'Mỗi lần tiếp nhận một hồ sơ mới cần một khóa Idempotency-Key mới',
      );
    return row.dossierId;
  }
}
