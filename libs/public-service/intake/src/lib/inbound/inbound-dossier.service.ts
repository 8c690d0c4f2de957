import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, QueryFailedError } from 'typeorm';
import { CalendarService } from '@dvc/one-stop/desk';
import { Dossier, DossierEvent } from '@dvc/one-stop/dossier';
import { AgencyUnit } from '@dvc/platform/identity';
import { addToOutbox, OUTBOX_TOPICS } from '@dvc/platform/outbox';
import { CatalogService } from '@dvc/public-service/catalog';
import { AppError } from '@dvc/shared/contracts';
import { allocateDossierCode } from '../desk-intake-port';
import { codeDay, DossierCodeFormat } from '../dossier-code';
import { FormValidator } from '../form-validation';
import { DOSSIER_CODE_FORMAT } from '../intake-calendar';
import { InboundDossierDto } from './inbound-dossier.dto';
import { InboundDossier } from './inbound-dossier.entity';

export interface InboundDossierResult {
  id: string;
  code: string;
  nationalId: string;
  status: string;
  receivedAt: string;
}

/** Dossiers pushed by the national portal: validated like online ones, once per national id, into the normal workflow. */
@Injectable()
export class InboundDossierService {
  private readonly forms = new FormValidator();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly catalog: CatalogService,
    private readonly calendars: CalendarService,
    @Inject(DOSSIER_CODE_FORMAT) private readonly format: DossierCodeFormat,
  ) {}

  async accept(dto: InboundDossierDto, now = new Date()): Promise<{ dossier: InboundDossierResult; created: boolean }> {
    const earlier = await this.existing(dto.nationalId);
    if (earlier) return { dossier: earlier, created: false };

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

    const submittedAt = new Date(dto.submittedAt);
    // The same calendar as online submission: administrator-added days and the agency's office hours.
    const calendar = await this.calendars.forAgency(agency.id);
    const receivedAt = calendar.receivedAt(now);
    const day = codeDay(receivedAt);
    const dueAt = calendar.asOf(day).dueDate({ receivedAt: now, workingDays: version.timeLimitDays });

    try {
      await this.db.transaction(async (tx) => {
        const inserted = await tx.insert(Dossier, {
          code: `~${randomUUID()}`,
          procedureId: version.procedureId,
          procedureVersionId: version.id,
          receivingAgencyId: agency.id,
          applicantCitizenId: null,
          applicantName: dto.applicantName,
          applicantIdentityNumber: dto.applicantIdentityNumber,
          applicantPhone: dto.applicantPhone ?? null,
          applicantEmail: null,
          formData: dto.formData as Record<string, any>,
          status: 'submitted',
          channel: 'online',
          submittedAt,
          receivedAt,
          dueAt,
          idempotencyKey: null,
        });
        const dossierId = inserted.identifiers[0]['id'] as string;
        // The national id first: a concurrent duplicate fails here and rolls back everything.
        await tx.insert(InboundDossier, { nationalId: dto.nationalId, dossierId, receivedAt: now });
        await tx.insert(DossierEvent, {
          dossierId,
          type: 'submitted',
          actorKind: 'system',
          actorId: null,
          fromStatus: null,
          toStatus: 'submitted',
          note: null,
          at: now,
          data: { channel: 'online', source: 'national-portal', nationalId: dto.nationalId, procedureVersionId: version.id },
        });
        await addToOutbox(tx, { topic: OUTBOX_TOPICS.dossierStatusChanged, aggregateType: 'dossier', aggregateId: dossierId, payload: { dossierId } });
        // Last, as in online submission: the unit's day counter stays locked only until commit.
        const code = await allocateDossierCode(tx, agency, day, this.format);
        await tx.update(Dossier, { id: dossierId }, { code });
      });
    } catch (e) {
      if (e instanceof QueryFailedError && (e as unknown as { code?: string }).code === '23505') {
        const winner = await this.existing(dto.nationalId);
        if (winner) return { dossier: winner, created: false };
      }
      throw e;
    }
    const created = await this.existing(dto.nationalId);
    if (!created) throw new AppError('DOSSIER_NOT_FOUND');
    return { dossier: created, created: true };
  }

  private async existing(nationalId: string): Promise<InboundDossierResult | null> {
    const [r]: { id: string; code: string; national_id: string; status: string; received_at: Date }[] = await this.db.query(
      `SELECT d.id, d.code, i.national_id, d.status, d.received_at
       FROM inbound_dossier i JOIN dossier d ON d.id = i.dossier_id WHERE i.national_id = $1`,
      [nationalId],
    );
    return r ? { id: r.id, code: r.code, nationalId: r.national_id, status: r.status, receivedAt: r.received_at.toISOString() } : null;
  }
}
