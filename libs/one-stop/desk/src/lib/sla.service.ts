import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CalendarService } from './calendar.service';
import { dailyWorkingMs, proposedAppointment } from './deadlines';
import { TERMINAL_SQL } from './dossier-state';
import { WorkflowRegistry } from './workflow-registry.service';

/** Rows handled per kind and run; the next run picks up the rest. */
const BATCH = 500;
/** Candidates for "due soon" are looked up this far ahead (one working day may span Tết). */
const LOOKAHEAD_MS = 14 * 86_400_000;

/** Placeholder reason of a drafted Mẫu 04, to be replaced by the official before issuing. */
export const APOLOGY_REASON_PLACEHOLDER =
  'Hồ sơ chưa được giải quyết đúng hạn do … (cán bộ ghi rõ lý do trước khi phát hành phiếu).';

export interface SlaRunResult {
  dossiersDueSoon: number;
  dossiersOverdue: number;
  stepsDueSoon: number;
  stepsOverdue: number;
  apologiesDrafted: number;
}

/**
 * The deadline watch: flags dossiers and their open steps as due soon (≤ 1 working day left) or
 * overdue, once each (a conditional UPDATE … WHERE flag IS NULL decides, so concurrent or repeated
 * runs are harmless), with an `sla_due_soon` / `sla_overdue` event, and drafts Mẫu 04 (apology and
 * new appointment) for an overdue dossier. A paused clock (supplement, payment) is never late.
 */
@Injectable()
export class SlaService {
  private readonly logger = new Logger(SlaService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendars: CalendarService,
    private readonly workflows: WorkflowRegistry,
  ) {}

  async run(now = new Date()): Promise<SlaRunResult> {
    const result: SlaRunResult = {
      dossiersDueSoon: 0,
      dossiersOverdue: 0,
      stepsDueSoon: 0,
      stepsOverdue: 0,
      apologiesDrafted: 0,
    };
    const calendar = await this.calendars.calendar();
    const day = dailyWorkingMs(calendar);
    const soon = (due: Date) => calendar.workingTimeBetween(now, due) <= day;

    // Dossiers past due.
    const overdue: {
      id: string;
      due_at: Date;
      received_at: Date;
      current_step_id: string;
      workflow_definition_id: string;
      receiving_agency_id: string;
      time_limit_days: number;
    }[] = await this.db.query(
      `SELECT d.id, d.due_at, d.received_at, d.current_step_id, d.workflow_definition_id, d.receiving_agency_id, v.time_limit_days
           FROM dossier d JOIN procedure_version v ON v.id = d.procedure_version_id
          WHERE d.overdue_at IS NULL AND d.clock_paused_at IS NULL AND d.status NOT IN (${TERMINAL_SQL}) AND d.due_at <= $1
          ORDER BY d.due_at LIMIT ${BATCH}`,
      [now],
    );
    for (const d of overdue) {
      const def = await this.workflows.get(d.workflow_definition_id);
      // The receiving agency's office hours give the appointment's time of day.
      const dossierCalendar = await this.calendars.forDossier(d.received_at, d.receiving_agency_id);
      const proposed = proposedAppointment(
        dossierCalendar,
        def,
        {
          receivedAt: d.received_at,
          timeLimitDays: d.time_limit_days,
          dueAt: d.due_at,
          stepId: d.current_step_id,
        },
        now,
      );
      await this.db.transaction(async (tx) => {
        const flagged = await tx.query(
          `UPDATE dossier SET overdue_at = $2 WHERE id = $1 AND overdue_at IS NULL AND clock_paused_at IS NULL RETURNING id`,
          [d.id, now],
        );
        if (flagged[0].length === 0) return;
        await insertEvent(
          tx,
          systemEvent(d.id, 'sla_overdue', now, { scope: 'dossier', dueAt: d.due_at.toISOString() }),
        );
        result.dossiersOverdue++;
        const drafted = await tx.query(
          `INSERT INTO dossier_apology (dossier_id, status, reason, original_due_at, proposed_due_at)
           VALUES ($1, 'draft', $2, $3, $4) ON CONFLICT (dossier_id) WHERE status = 'draft' DO NOTHING RETURNING id`,
          [d.id, APOLOGY_REASON_PLACEHOLDER, d.due_at, proposed],
        );
        if (drafted.length) {
          result.apologiesDrafted++;
          await insertEvent(
            tx,
            systemEvent(d.id, 'apology_drafted', now, {
              form: 'Mẫu 04',
              apologyId: drafted[0].id,
              proposedDueAt: proposed.toISOString(),
            }),
          );
        }
      });
    }

    // Dossiers with at most one working day left.
    const candidates: { id: string; due_at: Date }[] = await this.db.query(
      `SELECT id, due_at FROM dossier
        WHERE overdue_at IS NULL AND clock_paused_at IS NULL AND status NOT IN (${TERMINAL_SQL})
          AND due_soon_at IS NULL AND due_at > $1 AND due_at <= $2
        ORDER BY due_at LIMIT ${BATCH}`,
      [now, new Date(now.getTime() + LOOKAHEAD_MS)],
    );
    for (const d of candidates.filter((c) => soon(c.due_at))) {
      await this.db.transaction(async (tx) => {
        const flagged = await tx.query(
          `UPDATE dossier SET due_soon_at = $2 WHERE id = $1 AND due_soon_at IS NULL RETURNING id`,
          [d.id, now],
        );
        if (flagged[0].length === 0) return;
        await insertEvent(
          tx,
          systemEvent(d.id, 'sla_due_soon', now, { scope: 'dossier', dueAt: d.due_at.toISOString() }),
        );
        result.dossiersDueSoon++;
      });
    }

    // Open steps past or near their own due time.
    const steps: {
      id: string;
      dossier_id: string;
      step_id: string;
      due_at: Date;
      due_soon_at: Date | null;
    }[] = await this.db.query(
      `SELECT s.id, s.dossier_id, s.step_id, s.due_at, s.due_soon_at
         FROM dossier_step s JOIN dossier d ON d.id = s.dossier_id
        WHERE s.finished_at IS NULL AND s.overdue_at IS NULL AND s.due_at IS NOT NULL AND s.due_at <= $1
          AND d.clock_paused_at IS NULL
        ORDER BY s.due_at LIMIT ${BATCH}`,
      [new Date(now.getTime() + LOOKAHEAD_MS)],
    );
    for (const s of steps) {
      const late = s.due_at.getTime() <= now.getTime();
      if (!late && (s.due_soon_at || !soon(s.due_at))) continue;
      const column = late ? 'overdue_at' : 'due_soon_at';
      await this.db.transaction(async (tx) => {
        const flagged = await tx.query(
          `UPDATE dossier_step SET ${column} = $2 WHERE id = $1 AND ${column} IS NULL AND finished_at IS NULL RETURNING id`,
          [s.id, now],
        );
        if (flagged[0].length === 0) return;
        await insertEvent(
          tx,
          systemEvent(s.dossier_id, late ? 'sla_overdue' : 'sla_due_soon', now, {
            scope: 'step',
            stepId: s.step_id,
            stepRowId: String(s.id),
            dueAt: s.due_at.toISOString(),
          }),
        );
        if (late) result.stepsOverdue++;
        else result.stepsDueSoon++;
      });
    }
    if (Object.values(result).some((n) => n > 0)) this.logger.log(result, 'SLA flags set');
    return result;
  }
}

function systemEvent(dossierId: string, type: string, at: Date, data: Record<string, unknown>) {
  return { dossierId, type, at, data };
}

/** A system entry of the history; plain SQL, since the worker's data source does not map the dossier entities. */
async function insertEvent(tx: EntityManager, e: ReturnType<typeof systemEvent>): Promise<void> {
  await tx.query(
    `INSERT INTO dossier_event (dossier_id, type, actor_kind, at, data) VALUES ($1, $2, 'system', $3, $4::jsonb)`,
    [e.dossierId, e.type, e.at, JSON.stringify(e.data)],
  );
}
