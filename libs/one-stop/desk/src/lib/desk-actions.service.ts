import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { WorkingCalendar } from '@dvc/one-stop/calendar';
import { DossierClockPause, DossierEvent, DossierStep } from '@dvc/one-stop/dossier';
import {
  decide,
  isTerminalStatus,
  type StepUnit,
  type WorkflowAction,
  type WorkflowActor,
  type WorkflowDefinition,
  type WorkflowTransitionResult,
} from '@dvc/one-stop/workflow';
import { addToOutbox, OUTBOX_TOPICS } from '@dvc/platform/outbox';
import { AppError, type DossierActorKind, type SupplementItem } from '@dvc/shared/contracts';
import { CalendarService } from './calendar.service';
import { DESK_OPTIONS, type DeskModuleOptions } from './desk.options';
import { stepDueAt } from './deadlines';
import { DossierStateRow, loadDossierState } from './dossier-state';
import { UUID } from './desk-scope';
import { WorkflowRegistry } from './workflow-registry.service';

/** The history entry each action writes (dossier_event.type). */
export const ACTION_EVENT_TYPES: Record<WorkflowAction, string> = {
  accept: 'accepted',
  refuse: 'refused',
  request_supplement: 'supplement_requested',
  supplement_received: 'supplement_received',
  assign: 'assigned',
  reassign: 'reassigned',
  forward: 'forwarded',
  transfer: 'transferred',
  send_back: 'sent_back',
  submit_for_approval: 'submitted_for_approval',
  approve: 'approved',
  stop: 'stopped',
  return_result: 'result_returned',
  request_withdrawal: 'withdrawal_requested',
  record_withdrawal: 'withdrawn',
  request_payment: 'payment_requested',
  payment_received: 'payment_received',
};

/** What an action carries besides its name. */
export interface ActionCommand {
  action: string;
  /** The row_version the client saw; citizens' actions omit it (they act on the current state). */
  expectedVersion?: number;
  note?: string | null;
  assigneeId?: string;
  targetUnitCode?: string;
  items?: SupplementItem[];
  attachmentIds?: string[];
}

/** Who acts, and how the dossier must relate to them to be visible. */
export type ActionActor =
  | { kind: 'official'; id: string; roles: WorkflowActor['roles']; unitIds: readonly string[] }
  | { kind: 'citizen'; id: string };

/** What an applied action changed (for callers that need it). */
export interface AppliedAction {
  transition: WorkflowTransitionResult;
  rowVersion: number;
  eventId: string;
}

const REFUSAL_TO_PROBLEM = {
  UNKNOWN_ACTION: 'VALIDATION_FAILED',
  NOTE_REQUIRED: 'VALIDATION_FAILED',
} as const;

/**
 * Desk actions (accept, refuse, request supplement, assign, forward, transfer, send back, approve,
 * stop, return, withdrawal…): the pinned workflow's engine decides; the change is written in one
 * transaction — the dossier row (optimistic on row_version), the append-only event, the step rows
 * (hand-overs with their due times), the clock pauses, and the outbox row for the national portal.
 */
@Injectable()
export class DeskActionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly workflows: WorkflowRegistry,
    private readonly calendars: CalendarService,
    @Optional() @Inject(DESK_OPTIONS) private readonly options?: DeskModuleOptions,
  ) {}

  /** Applies an action in its own transaction. */
  act(actor: ActionActor, dossierId: string, cmd: ActionCommand, now = new Date()): Promise<AppliedAction> {
    if (!UUID.test(dossierId)) throw new AppError('DOSSIER_NOT_FOUND');
    return this.db.transaction((tx) => this.apply(tx, actor, dossierId, cmd, now));
  }

  /** Applies an action inside the caller's transaction (e.g. in-person intake that accepts at once). */
  async apply(
    tx: EntityManager,
    actor: ActionActor,
    dossierId: string,
    cmd: ActionCommand,
    now: Date,
  ): Promise<AppliedAction> {
    const d = await loadDossierState(tx, dossierId);
    if (!d || !(await visibleTo(tx, actor, d))) throw new AppError('DOSSIER_NOT_FOUND');
    if (cmd.expectedVersion !== undefined && cmd.expectedVersion !== d.row_version) {
      throw new AppError(
        'STALE_VERSION',
        `Hồ sơ đang ở phiên bản ${d.row_version}, bạn đã xem phiên bản ${cmd.expectedVersion}`,
      );
    }
    const def = await this.workflows.get(d.workflow_definition_id);
    const engineActor: WorkflowActor =
      actor.kind === 'official'
        ? { kind: 'official', id: actor.id, roles: actor.roles, unitIds: actor.unitIds }
        : { kind: 'citizen', id: actor.id, roles: [], unitIds: [] };
    const decision = decide(
      def,
      { stepId: d.current_step_id, status: d.status, assigneeId: d.assignee_id, unitId: d.current_unit_id },
      cmd.action,
      engineActor,
      {
        note: cmd.note,
      },
    );
    if (!decision.ok) {
      const code =
        REFUSAL_TO_PROBLEM[decision.reason as keyof typeof REFUSAL_TO_PROBLEM] ?? 'ACTION_NOT_ALLOWED';
      const field = decision.reason === 'NOTE_REQUIRED' ? 'note' : 'action';
      throw new AppError(code, decision.message, [{ field, message: decision.message }]);
    }
    const t = decision.transition;
    if (t.action === 'request_supplement' && !cmd.items?.length && !cmd.note?.trim()) {
      throw new AppError('VALIDATION_FAILED', 'Vui lòng liệt kê giấy tờ cần bổ sung', [
        { field: 'items', message: 'Vui lòng liệt kê giấy tờ cần bổ sung' },
      ]);
    }
    const calendar = await this.calendars.forDossier(d.received_at, d.receiving_agency_id);
    const stepChanged = t.toStep !== t.fromStep;
    const assigning = t.action === 'assign' || t.action === 'reassign';

    // Holder: the target step's owner unit (a transfer may name a unit below it).
    let unitId = d.current_unit_id;
    if (stepChanged && t.toOwner) unitId = await this.resolveUnit(tx, t.toOwner.unit, d, cmd.targetUnitCode);
    else if (cmd.targetUnitCode) {
      throw new AppError('VALIDATION_FAILED', 'Hành động này không chuyển hồ sơ sang đơn vị khác', [
        { field: 'targetUnitCode', message: 'Hành động này không chuyển hồ sơ sang đơn vị khác' },
      ]);
    }

    let assigneeId = d.assignee_id;
    const ownerRole = def.steps.find((s) => s.id === t.toStep)?.owner?.role;
    if (assigning) {
      const chosen =
        cmd.assigneeId ??
        (t.action === 'assign' && actor.kind === 'official' && actor.roles.includes('specialist')
          ? actor.id
          : undefined);
      if (!chosen)
        throw new AppError('VALIDATION_FAILED', 'Vui lòng chọn cán bộ được phân công', [
          { field: 'assigneeId', message: 'Vui lòng chọn cán bộ được phân công' },
        ]);
      assigneeId = await this.checkAssignee(tx, chosen, unitId, ownerRole);
    } else if (stepChanged) {
      assigneeId =
        cmd.assigneeId && ownerRole ? await this.checkAssignee(tx, cmd.assigneeId, unitId, ownerRole) : null;
    }

    // The time-limit clock.
    let dueAt = d.due_at;
    let clockPausedAt = d.clock_paused_at;
    let pausedMs = Number(d.paused_ms);
    let pausedDelta = 0;
    let dueSoonAt = d.due_soon_at;
    let overdueAt = d.overdue_at;
    if (t.pauseClock && !clockPausedAt) {
      clockPausedAt = now;
      await tx.insert(DossierClockPause, {
        dossierId: d.id,
        reason: t.action === 'request_payment' ? 'payment' : 'supplement',
        startedAt: now,
        endedAt: null,
      });
    }
    if (t.resumeClock && clockPausedAt) {
      await endPause(tx, d.id, now);
      pausedDelta = calendar.workingTimeBetween(clockPausedAt, now);
      pausedMs += pausedDelta;
      clockPausedAt = null;
      const pauses = await tx.find(DossierClockPause, {
        where: { dossierId: d.id },
        order: { startedAt: 'ASC' },
      });
      dueAt = calendar.dueDate({
        receivedAt: d.received_at,
        workingDays: d.time_limit_days,
        pauses: pauses.map((p) => ({ from: p.startedAt, to: p.endedAt ?? now })),
      });
      // The due time moved: the scheduler flags it again if needed.
      if (dueAt.getTime() > now.getTime()) {
        dueSoonAt = null;
        overdueAt = null;
      }
    }
    const terminal = isTerminalStatus(t.toStatus);
    if (terminal && clockPausedAt) {
      await endPause(tx, d.id, now);
      clockPausedAt = null;
    }

    // UPDATE through TypeORM's query() answers [rows, affected].
    const [updated]: [{ row_version: number }[], number] = await tx.query(
      `UPDATE dossier SET status = $3, current_step_id = $4, current_unit_id = $5, assignee_id = $6, clock_paused_at = $7,
              paused_ms = $8, due_at = $9, due_soon_at = $10, overdue_at = $11, closed_at = CASE WHEN $12::boolean THEN $13::timestamptz ELSE closed_at END,
              row_version = row_version + 1, updated_at = $13::timestamptz
        WHERE id = $1 AND row_version = $2
        RETURNING row_version`,
      [
        d.id,
        d.row_version,
        t.toStatus,
        t.toStep,
        unitId,
        assigneeId,
        clockPausedAt,
        pausedMs,
        dueAt,
        dueSoonAt,
        overdueAt,
        terminal,
        now,
      ],
    );
    if (updated.length === 0) throw new AppError('STALE_VERSION', 'Hồ sơ vừa được người khác xử lý');

    await this.recordHandOver(
      tx,
      def,
      calendar,
      d,
      {
        t,
        actor,
        unitId,
        assigneeId,
        dueAt,
        pausedDelta,
        handOver: stepChanged || assigning,
        note: cmd.note ?? null,
      },
      now,
    );

    const actorKind: DossierActorKind = actor.kind;
    const data: Record<string, any> = { action: t.action, fromStep: t.fromStep, toStep: t.toStep };
    if (unitId !== d.current_unit_id) data['unitId'] = unitId;
    if (assigneeId !== d.assignee_id) data['assigneeId'] = assigneeId;
    if (cmd.targetUnitCode) data['targetUnitCode'] = cmd.targetUnitCode;
    if (cmd.items?.length)
      data['items'] = cmd.items.map((i) => ({ name: i.name, ...(i.note ? { note: i.note } : {}) }));
    if (cmd.attachmentIds?.length) data['attachmentIds'] = cmd.attachmentIds;
    if (t.pauseClock) data['clock'] = 'paused';
    if (t.resumeClock)
      Object.assign(data, { clock: 'resumed', pausedWorkingMs: pausedDelta, dueAt: dueAt.toISOString() });
    // One-stop rules (NĐ 61/2018, now NĐ 118/2025): Mẫu 02 lists what is missing, Mẫu 03 gives the refusal reason.
    if (t.action === 'request_supplement') data['form'] = 'Mẫu 02';
    if (t.action === 'refuse') data['form'] = 'Mẫu 03';
    const inserted = await tx.insert(DossierEvent, {
      dossierId: d.id,
      type: ACTION_EVENT_TYPES[t.action],
      actorKind,
      actorId: actor.id,
      fromStatus: t.fromStatus,
      toStatus: t.toStatus,
      note: cmd.note?.trim() || null,
      at: now,
      data,
    });
    const fromKind = def.steps.find((s) => s.id === t.fromStep)?.kind;
    if (t.action === 'accept' && fromKind === 'intake') {
      // Mẫu 01 (giấy tiếp nhận hồ sơ và hẹn trả kết quả); the PDF is rendered by the documents lib.
      await tx.insert(DossierEvent, {
        dossierId: d.id,
        type: 'receipt_issued',
        actorKind,
        actorId: actor.id,
        fromStatus: null,
        toStatus: null,
        note: null,
        at: now,
        data: { form: 'Mẫu 01', receivedAt: d.received_at.toISOString(), dueAt: dueAt.toISOString() },
      });
    }
    if (t.action === 'return_result') await this.options?.deliverResult?.(tx, d.id);
    await addToOutbox(tx, {
      topic: OUTBOX_TOPICS.dossierStatusChanged,
      aggregateType: 'dossier',
      aggregateId: d.id,
      payload: { dossierId: d.id },
    });
    return {
      transition: t,
      rowVersion: updated[0].row_version,
      eventId: String(inserted.identifiers[0]['id']),
    };
  }

  /**
   * Step rows: extends the open step by a pause's working time; on a hand-over closes it (on time or
   * late against its own due time) and opens the next step with its share of the time limit.
   */
  private async recordHandOver(
    tx: EntityManager,
    def: WorkflowDefinition,
    calendar: WorkingCalendar,
    d: DossierStateRow,
    c: {
      t: WorkflowTransitionResult;
      actor: ActionActor;
      unitId: string;
      assigneeId: string | null;
      dueAt: Date;
      pausedDelta: number;
      handOver: boolean;
      note: string | null;
    },
    now: Date,
  ): Promise<void> {
    const [open] = await tx.query(
      `SELECT id, due_at FROM dossier_step WHERE dossier_id = $1 AND finished_at IS NULL FOR UPDATE`,
      [d.id],
    );
    let openDue: Date | null = open?.due_at ?? null;
    if (open && openDue && c.pausedDelta > 0) {
      openDue = calendar.addWorkingTime(openDue, c.pausedDelta);
      await tx.query(
        `UPDATE dossier_step SET due_at = $2::timestamptz, due_soon_at = NULL,
                overdue_at = CASE WHEN $2::timestamptz > $3::timestamptz THEN NULL ELSE overdue_at END WHERE id = $1`,
        [open.id, openDue, now],
      );
    }
    if (!c.handOver) return;
    const by = c.actor.kind === 'official' ? c.actor.id : null;
    if (open) {
      await tx.update(
        DossierStep,
        { id: open.id },
        { finishedAt: now, finishedBy: by, onTime: openDue === null || now.getTime() <= openDue.getTime() },
      );
    }
    const to = def.steps.find((s) => s.id === c.t.toStep);
    if (!to || to.kind === 'end') return;
    const sameStep = c.t.toStep === c.t.fromStep;
    const dueAt =
      sameStep && open
        ? openDue
        : stepDueAt(calendar, def, to.id, now, {
            receivedAt: d.received_at,
            timeLimitDays: d.time_limit_days,
            dueAt: c.dueAt,
          });
    await tx.insert(DossierStep, {
      dossierId: d.id,
      stepId: to.id,
      unitId: c.unitId,
      assigneeId: c.assigneeId,
      startedAt: now,
      startedBy: by,
      dueAt,
      note: c.note?.trim() || null,
    });
  }

  /** The unit owning a step; `targetUnitCode` may name that unit or one below it. */
  private async resolveUnit(
    tx: EntityManager,
    unit: StepUnit,
    d: DossierStateRow,
    targetUnitCode?: string,
  ): Promise<string> {
    let owner: string | undefined;
    if (unit === 'receiving') owner = d.receiving_agency_id;
    else if ('code' in unit)
      owner = (await tx.query(`SELECT id FROM agency_unit WHERE code = $1`, [unit.code]))[0]?.id;
    else
      owner =
        (await tx.query(`SELECT parent_id AS id FROM agency_unit WHERE id = $1`, [d.current_unit_id]))[0]
          ?.id ?? undefined;
    if (!owner)
      throw new AppError('AGENCY_NOT_FOUND', 'Không xác định được đơn vị xử lý bước tiếp theo của quy trình');
    if (!targetUnitCode) return owner;
    const [target] = await tx.query(
      `WITH RECURSIVE up AS (SELECT id, parent_id FROM agency_unit WHERE code = $1
                             UNION ALL SELECT a.id, a.parent_id FROM agency_unit a JOIN up ON a.id = up.parent_id)
       SELECT (SELECT id FROM agency_unit WHERE code = $1) AS id, bool_or(up.id = $2) AS under FROM up`,
      [targetUnitCode, owner],
    );
    if (!target?.id || !target.under) {
      const message = `Đơn vị ${targetUnitCode} không thuộc đơn vị xử lý bước tiếp theo`;
      throw new AppError('VALIDATION_FAILED', message, [{ field: 'targetUnitCode', message }]);
    }
    return target.id;
  }

  /** An active official of the holding unit (or a unit above it) with the step's role. */
  private async checkAssignee(
    tx: EntityManager,
    officialId: string,
    unitId: string,
    role: string | undefined,
  ): Promise<string> {
    const [row] = await tx.query(
      `WITH RECURSIVE up AS (SELECT id, parent_id FROM agency_unit WHERE id = $2
                             UNION ALL SELECT a.id, a.parent_id FROM agency_unit a JOIN up ON a.id = up.parent_id)
       SELECT o.id FROM official o WHERE o.id = $1 AND o.active AND o.agency_unit_id IN (SELECT id FROM up)
         AND ($3::text IS NULL OR $3 = ANY(o.roles))`,
      [officialId, unitId, role ?? null],
    );
    if (!row) {
      const message = 'Cán bộ được chọn không thuộc đơn vị đang giữ hồ sơ hoặc không có vai trò phù hợp';
      throw new AppError('VALIDATION_FAILED', message, [{ field: 'assigneeId', message }]);
    }
    return row.id;
  }
}

async function endPause(tx: EntityManager, dossierId: string, now: Date): Promise<void> {
  await tx.query(`UPDATE dossier_clock_pause SET ended_at = $2 WHERE dossier_id = $1 AND ended_at IS NULL`, [
    dossierId,
    now,
  ]);
}

async function visibleTo(tx: EntityManager, actor: ActionActor, d: DossierStateRow): Promise<boolean> {
  if (actor.kind === 'citizen') return d.applicant_citizen_id === actor.id;
  if (actor.unitIds.includes(d.current_unit_id) || actor.unitIds.includes(d.receiving_agency_id)) return true;
  const held = await tx.query(
    `SELECT 1 FROM dossier_step WHERE dossier_id = $1 AND unit_id = ANY($2::uuid[]) LIMIT 1`,
    [d.id, actor.unitIds],
  );
  return held.length > 0;
}
