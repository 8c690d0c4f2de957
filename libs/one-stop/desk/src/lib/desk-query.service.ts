import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { toLocalDate, atLocalTime, type WorkingCalendar } from '@dvc/one-stop/calendar';
import { allowedActions, type WorkflowDefinition } from '@dvc/one-stop/workflow';
import type { OfficialPrincipal } from '@dvc/platform/identity';
import {
  AppError,
  DOSSIER_STATUSES,
  DOSSIER_STATUS_LABELS,
  DOSSIER_STATUS_PORTAL_CODE,
  type ApologyLetterDto,
  type ControlSheetDto,
  type DeskAllowedAction,
  type AttachmentSignatureInfo,
  type AttachmentSignatureStatus,
  type DeskAssigneeDto,
  type DeskCountsDto,
  type DeskDocumentDto,
  type DeskDossierDetailDto,
  type DeskEventDto,
  type DeskInboxItemDto,
  type DeskInboxPage,
  type DossierResultDto,
  type DossierStatus,
  type DossierStepDto,
  type OverdueBoardDto,
  type OverdueBoardQuery,
} from '@dvc/shared/contracts';
import { CalendarService } from './calendar.service';
import { slaStateOf } from './deadlines';
import { deskUnits, UUID } from './desk-scope';
import { TERMINAL_SQL } from './dossier-state';
import { loadDossierResult, toDossierResultDto } from './dossier-result';
import type { DeskInboxQueryDto } from './dto/desk.dto';
import { WorkflowRegistry } from './workflow-registry.service';

interface InboxRow {
  id: string;
  code: string;
  status: DossierStatus;
  channel: DeskInboxItemDto['channel'];
  procedure_id: string;
  procedure_code: string;
  procedure_name: string;
  applicant_name: string;
  unit_id: string;
  unit_code: string;
  unit_name: string;
  workflow_definition_id: string;
  current_step_id: string;
  assignee_id: string | null;
  assignee_name: string | null;
  received_at: Date;
  due_at: Date;
  step_due_at: Date | null;
  clock_paused_at: Date | null;
  due_soon_at: Date | null;
  overdue_at: Date | null;
  row_version: number;
}

const INBOX_SELECT = `
  SELECT d.id, d.code, d.status, d.channel, d.procedure_id, p.code AS procedure_code, v.name AS procedure_name, d.applicant_name,
         u.id AS unit_id, u.code AS unit_code, u.name AS unit_name, d.workflow_definition_id, d.current_step_id,
         d.assignee_id, o.full_name AS assignee_name, d.received_at, d.due_at, s.due_at AS step_due_at,
         d.clock_paused_at, d.due_soon_at, d.overdue_at, d.row_version`;
const INBOX_JOINS = `
    JOIN procedure p ON p.id = d.procedure_id
    JOIN procedure_version v ON v.id = d.procedure_version_id
    JOIN agency_unit u ON u.id = d.current_unit_id
    LEFT JOIN official o ON o.id = d.assignee_id
    LEFT JOIN dossier_step s ON s.dossier_id = d.id AND s.finished_at IS NULL`;

const DEFAULT_LIMIT = 20;

/** Opaque keyset cursor over (due_at, id). */
export function encodeCursor(dueAt: Date, id: string): string {
  return Buffer.from(`${dueAt.toISOString()}|${id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { dueAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const dueAt = new Date(at ?? '');
  if (!id || !UUID.test(id) || Number.isNaN(dueAt.getTime())) {
    throw new AppError('VALIDATION_FAILED', 'Con trỏ phân trang không hợp lệ', [
      { field: 'after', message: 'Con trỏ phân trang không hợp lệ' },
    ]);
  }
  return { dueAt, id };
}

/**
 * What officials read at the desk: the inbox of the units they serve (keyset pagination on
 * (due_at, id)), counts, a dossier with history, deadlines and allowed actions, Mẫu 05 data, the
 * overdue board. Every query is scoped in SQL to the official's units; another unit's dossier is
 * "not found".
 */
@Injectable()
export class DeskQueryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly workflows: WorkflowRegistry,
    private readonly calendars: CalendarService,
  ) {}

  async inbox(p: OfficialPrincipal, q: DeskInboxQueryDto, now = new Date()): Promise<DeskInboxPage> {
    const limit = q.limit ?? DEFAULT_LIMIT;
    const params: unknown[] = [[...new Set(deskUnits(p))]];
    let scope = `unnest($1::uuid[]) AS unit(id)`;
    const where = [`d.current_unit_id = unit.id`];
    const add = (sql: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    const statuses = q.status
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (statuses?.length) {
      const unknown = statuses.filter((s) => !(DOSSIER_STATUSES as readonly string[]).includes(s));
      if (unknown.length)
        throw new AppError('VALIDATION_FAILED', `Trạng thái không hợp lệ: ${unknown.join(', ')}`, [
          { field: 'status', message: 'Trạng thái không hợp lệ' },
        ]);
      params.push([...new Set(statuses)]);
      scope += ` CROSS JOIN unnest($${params.length}::text[]) AS st(status)`;
      where.push(`d.status = st.status`);
    } else {
      where.push(`d.status NOT IN (${TERMINAL_SQL})`);
    }
    if (q.procedure) add((n) => `d.procedure_id = (SELECT id FROM procedure WHERE code = ${n})`, q.procedure);
    if (q.due === 'overdue') add((n) => `d.due_at <= ${n}`, now);
    else if (q.due) add((n) => `d.due_at < ${n}`, startOfDayAfter(now, q.due === 'today' ? 1 : 7));
    if (q.assignedToMe) add((n) => `d.assignee_id = ${n}`, p.id);
    if (q.q?.trim())
      add(
        (n) => `(d.code LIKE upper(${n}) || '%' OR d.applicant_name ILIKE '%' || ${n} || '%')`,
        q.q.trim().replace(/[%_\\]/g, '\\$&'),
      );
    if (q.after) {
      const c = decodeCursor(q.after);
      params.push(c.dueAt, c.id);
      where.push(`(d.due_at, d.id) > ($${params.length - 1}, $${params.length}::uuid)`);
    }
    params.push(limit + 1);
    const n = `$${params.length}`;
    // One ordered index scan per unit (and status) with the page's limit, merged; only the rows of
    // the page are then joined. `current_unit_id = ANY(…)` instead would read and sort every open
    // dossier of the units (bench/desk-queries.bench.mjs, docs/perf/desk-queries-explain.md).
    const rows: InboxRow[] = await this.db.query(
      `WITH page AS (
         SELECT d.id FROM ${scope}
         CROSS JOIN LATERAL (SELECT d.id, d.due_at FROM dossier d WHERE ${where.join(' AND ')} ORDER BY d.due_at, d.id LIMIT ${n}) d
         ORDER BY d.due_at, d.id LIMIT ${n})
       ${INBOX_SELECT} FROM page JOIN dossier d ON d.id = page.id ${INBOX_JOINS} ORDER BY d.due_at, d.id`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: await this.toItems(page, now),
      nextCursor: rows.length > limit && last ? encodeCursor(last.due_at, last.id) : null,
      limit,
    };
  }

  async counts(p: OfficialPrincipal, now = new Date()): Promise<DeskCountsDto> {
    // One pass over the open dossiers of the units, read from the covering partial index
    // idx_dossier_open_counts (an index-only scan; no closed dossier is touched).
    type Counter = 'n' | 'assigned' | 'due_today' | 'due_soon' | 'overdue';
    const rows: ({ status: DossierStatus } & Record<Counter, string>)[] = await this.db.query(
      `SELECT status, count(*) AS n,
              count(*) FILTER (WHERE assignee_id = $2) AS assigned,
              count(*) FILTER (WHERE due_at < $4 AND due_at > $3 AND clock_paused_at IS NULL) AS due_today,
              count(*) FILTER (WHERE due_soon_at IS NOT NULL AND overdue_at IS NULL AND due_at > $3 AND clock_paused_at IS NULL) AS due_soon,
              count(*) FILTER (WHERE (overdue_at IS NOT NULL OR due_at <= $3) AND clock_paused_at IS NULL) AS overdue
         FROM dossier WHERE current_unit_id = ANY($1::uuid[]) AND status NOT IN (${TERMINAL_SQL}) GROUP BY status`,
      [deskUnits(p), p.id, now, startOfDayAfter(now, 1)],
    );
    const sum = (k: Counter) => rows.reduce((t, r) => t + Number(r[k]), 0);
    return {
      byStatus: Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])),
      open: sum('n'),
      assignedToMe: sum('assigned'),
      dueToday: sum('due_today'),
      dueSoon: sum('due_soon'),
      overdue: sum('overdue'),
    };
  }

  /** A dossier held by, received at or once handled by one of the official's units; otherwise not found. */
  async detail(p: OfficialPrincipal, id: string, now = new Date()): Promise<DeskDossierDetailDto> {
    const r = await this.visibleRow(p, id);
    const def = await this.workflows.get(r.workflow_definition_id);
    const calendar = await this.calendars.calendar();
    const [events, steps] = await Promise.all([this.events(id), this.steps(id, def)]);
    const step = def.steps.find((s) => s.id === r.current_step_id);
    const actor = { kind: 'official' as const, id: p.id, roles: p.roles, unitIds: deskUnits(p) };
    const allowed = allowedActions(
      def,
      { stepId: r.current_step_id, status: r.status, assigneeId: r.assignee_id, unitId: r.current_unit_id },
      actor,
    );
    const rowDefinition = await this.db.query(
      `SELECT code, version, name FROM workflow_definition WHERE id = $1`,
      [r.workflow_definition_id],
    );
    return {
      id: r.id,
      code: r.code,
      status: r.status,
      statusCode: DOSSIER_STATUS_PORTAL_CODE[r.status],
      statusLabel: DOSSIER_STATUS_LABELS[r.status],
      channel: r.channel,
      procedure: {
        id: r.procedure_id,
        code: r.procedure_code,
        name: r.procedure_name,
        version: r.version,
        versionId: r.procedure_version_id,
      },
      receivingAgency: { id: r.agency_id, code: r.agency_code, name: r.agency_name },
      submittedAt: r.submitted_at.toISOString(),
      receivedAt: r.received_at.toISOString(),
      dueAt: r.due_at.toISOString(),
      applicant: {
        name: r.applicant_name,
        identityNumber: r.applicant_identity_number,
        phone: r.applicant_phone,
        email: r.applicant_email,
      },
      formData: r.form_data,
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
      rowVersion: r.row_version,
      workflow: {
        id: r.workflow_definition_id,
        code: rowDefinition[0].code,
        version: rowDefinition[0].version,
        name: rowDefinition[0].name,
      },
      step: { id: r.current_step_id, name: step?.name ?? r.current_step_id, kind: step?.kind ?? 'end' },
      currentUnit: { id: r.unit_id, code: r.unit_code, name: r.unit_name },
      assignee: r.assignee_id ? { id: r.assignee_id, fullName: r.assignee_name ?? '' } : null,
      sla: slaStateOf(
        calendar,
        {
          status: r.status,
          dueAt: r.due_at,
          clockPausedAt: r.clock_paused_at,
          overdueAt: r.overdue_at,
          dueSoonAt: r.due_soon_at,
        },
        now,
      ),
      clock: { pausedAt: r.clock_paused_at?.toISOString() ?? null, pausedMs: Number(r.paused_ms) },
      dueSoonAt: r.due_soon_at?.toISOString() ?? null,
      overdueAt: r.overdue_at?.toISOString() ?? null,
      documents: await this.documents(id),
      result: await this.result(id),
      events,
      steps,
      allowedActions: allowed.map(
        (a): DeskAllowedAction => ({
          action: a.action,
          label: a.label,
          requiresNote: a.requiresNote,
          requiresAssignee:
            a.action === 'reassign' || (a.action === 'assign' && !p.roles.includes('specialist')),
          requiresTargetUnit: false,
          requiresItems: a.action === 'request_supplement',
          toStatus: a.toStatus,
          toStepId: a.toStep,
        }),
      ),
    };
  }

  /** Officials of the holding unit who may be assigned (specialists and leaders). */
  async assignees(p: OfficialPrincipal, id: string): Promise<DeskAssigneeDto[]> {
    const r = await this.visibleRow(p, id);
    const rows: {
      id: string;
      full_name: string;
      roles: string[];
      unit_id: string;
      unit_code: string;
      unit_name: string;
    }[] = await this.db.query(
      `SELECT o.id, o.full_name, o.roles, u.id AS unit_id, u.code AS unit_code, u.name AS unit_name
         FROM official o JOIN agency_unit u ON u.id = o.agency_unit_id
        WHERE o.agency_unit_id = $1 AND o.active AND o.roles && ARRAY['specialist', 'leader', 'intake_officer']::text[]
        ORDER BY o.full_name, o.id`,
      [r.current_unit_id],
    );
    return rows.map((o) => ({
      id: o.id,
      fullName: o.full_name,
      roles: o.roles,
      unit: { id: o.unit_id, code: o.unit_code, name: o.unit_name },
    }));
  }

  /** Mẫu 05 (phiếu kiểm soát quá trình giải quyết hồ sơ): one row per hand-over. */
  async controlSheet(p: OfficialPrincipal, id: string): Promise<ControlSheetDto> {
    const r = await this.visibleRow(p, id);
    const def = await this.workflows.get(r.workflow_definition_id);
    const steps: (StepRow & { started_by: string | null; started_by_name: string | null })[] =
      await this.db.query(
        `SELECT s.*, u.code AS unit_code, u.name AS unit_name, o.full_name AS assignee_name, b.full_name AS started_by_name
         FROM dossier_step s JOIN agency_unit u ON u.id = s.unit_id
         LEFT JOIN official o ON o.id = s.assignee_id LEFT JOIN official b ON b.id = s.started_by
        WHERE s.dossier_id = $1 ORDER BY s.id`,
        [id],
      );
    const [returned] = await this.db.query(
      `SELECT max(at) AS at FROM dossier_event WHERE dossier_id = $1 AND type = 'result_returned'`,
      [id],
    );
    return {
      dossier: {
        id: r.id,
        code: r.code,
        procedureName: r.procedure_name,
        applicantName: r.applicant_name,
        receivedAt: r.received_at.toISOString(),
        dueAt: r.due_at.toISOString(),
        returnedAt: returned?.at ? new Date(returned.at).toISOString() : null,
      },
      receivingUnit: { id: r.agency_id, code: r.agency_code, name: r.agency_name },
      rows: steps.map((s, i) => {
        const prev = i > 0 ? steps[i - 1] : undefined;
        return {
          seq: i + 1,
          stepId: s.step_id,
          stepName: def.steps.find((x) => x.id === s.step_id)?.name ?? s.step_id,
          fromUnit: prev ? { id: prev.unit_id, code: prev.unit_code, name: prev.unit_name } : null,
          fromOfficial: s.started_by ? { id: s.started_by, fullName: s.started_by_name ?? '' } : null,
          toUnit: { id: s.unit_id, code: s.unit_code, name: s.unit_name },
          toOfficial: s.assignee_id ? { id: s.assignee_id, fullName: s.assignee_name ?? '' } : null,
          handedOverAt: s.started_at.toISOString(),
          dueAt: s.due_at?.toISOString() ?? null,
          finishedAt: s.finished_at?.toISOString() ?? null,
          onTime: s.on_time,
          note: s.note,
        };
      }),
    };
  }

  /**
   * Open dossiers past their due time (or, with `state: 'due_soon'`, with at most one working day
   * left) in the official's units, most overdue first; filtered by procedure, unit and working days late.
   */
  async overdue(p: OfficialPrincipal, q: OverdueBoardQuery, now = new Date()): Promise<OverdueBoardDto> {
    const limit = q.limit ?? DEFAULT_LIMIT;
    const params: unknown[] = [[...new Set(deskUnits(p))], now];
    let keyset = await this.overdueFilters(q, now, params);
    if (q.after) {
      const c = decodeCursor(q.after);
      params.push(c.dueAt, c.id);
      keyset += ` AND (d.due_at, d.id) > ($${params.length - 1}, $${params.length}::uuid)`;
    }
    params.push(limit + 1);
    const n = `$${params.length}`;
    // As the inbox: the first `limit + 1` open dossiers of each unit in (due_at, id) order from
    // idx_dossier_inbox_open, merged; only the page is joined (docs/perf/desk-queries-explain.md).
    const rows: (InboxRow & { apology_id: string | null; apology_status: 'draft' | 'issued' | null })[] =
      await this.db.query(
        `WITH page AS (
         SELECT d.id FROM unnest($1::uuid[]) AS unit(id)
         CROSS JOIN LATERAL (SELECT d.id, d.due_at FROM dossier d
           WHERE d.current_unit_id = unit.id AND d.status NOT IN (${TERMINAL_SQL}) ${keyset}
           ORDER BY d.due_at, d.id LIMIT ${n}) d
         ORDER BY d.due_at, d.id LIMIT ${n})
       ${INBOX_SELECT}, a.id AS apology_id, a.status AS apology_status
         FROM page JOIN dossier d ON d.id = page.id ${INBOX_JOINS}
       LEFT JOIN LATERAL (SELECT id, status FROM dossier_apology WHERE dossier_id = d.id ORDER BY created_at DESC LIMIT 1) a ON true
       ORDER BY d.due_at, d.id`,
        params,
      );
    const page = rows.slice(0, limit);
    const items = await this.toItems(page, now);
    const calendar = await this.calendars.calendar();
    const last = page[page.length - 1];
    return {
      items: items.map((item, i) => {
        const r = page[i]!;
        const late = Math.max(0, calendar.workingDaysBetween(toLocalDate(r.due_at), toLocalDate(now)));
        return {
          ...item,
          overdueAt: r.overdue_at?.toISOString() ?? null,
          // Due-soon dossiers are not late yet.
          daysLate: r.due_at.getTime() <= now.getTime() ? Math.max(1, late) : 0,
          apology: r.apology_id ? { id: r.apology_id, status: r.apology_status! } : null,
        };
      }),
      nextCursor: rows.length > limit && last ? encodeCursor(last.due_at, last.id) : null,
      limit,
    };
  }

  /**
   * SQL conditions of the overdue board's filters (`$2` is now). Working days late are turned into
   * bounds on the due time with the calendar, so the keyset index on (due_at, id) still serves.
   */
  private async overdueFilters(q: OverdueBoardQuery, now: Date, params: unknown[]): Promise<string> {
    const where: string[] = [];
    const add = (sql: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (q.state === 'due_soon') {
      if (q.minDaysLate !== undefined || q.maxDaysLate !== undefined) {
        const message = 'Bộ lọc số ngày trễ chỉ áp dụng cho hồ sơ quá hạn';
        throw new AppError('VALIDATION_FAILED', message, [{ field: 'minDaysLate', message }]);
      }
      where.push(
        `d.due_at > $2 AND d.overdue_at IS NULL AND d.due_soon_at IS NOT NULL AND d.clock_paused_at IS NULL`,
      );
    } else {
      where.push(`d.due_at <= $2`);
    }
    if (q.minDaysLate !== undefined && q.maxDaysLate !== undefined && q.minDaysLate > q.maxDaysLate) {
      const message = 'Số ngày trễ "từ" không được lớn hơn "đến"';
      throw new AppError('VALIDATION_FAILED', message, [{ field: 'maxDaysLate', message }]);
    }
    if (q.procedure) add((n) => `d.procedure_id = (SELECT id FROM procedure WHERE code = ${n})`, q.procedure);
    if (q.unit) add((n) => `d.current_unit_id = (SELECT id FROM agency_unit WHERE code = ${n})`, q.unit);
    if (q.minDaysLate !== undefined || q.maxDaysLate !== undefined) {
      // daysLate = max(1, working days in (due day, today]); it grows as the due day goes back.
      const calendar = await this.calendars.calendar();
      const today = toLocalDate(now);
      if (q.minDaysLate !== undefined && q.minDaysLate > 1)
        add((n) => `d.due_at < ${n}`, startOfNextDay(lastDueDayLate(calendar, today, q.minDaysLate)));
      if (q.maxDaysLate !== undefined)
        add((n) => `d.due_at >= ${n}`, startOfNextDay(lastDueDayLate(calendar, today, q.maxDaysLate + 1)));
    }
    return where.map((w) => `AND ${w}`).join(' ');
  }

  async apologies(p: OfficialPrincipal, id: string): Promise<ApologyLetterDto[]> {
    await this.visibleRow(p, id);
    const rows = await this.db.query(
      `SELECT a.*, o.full_name AS issuer_name FROM dossier_apology a LEFT JOIN official o ON o.id = a.issued_by WHERE a.dossier_id = $1 ORDER BY a.created_at, a.id`,
      [id],
    );
    return rows.map(toApologyDto);
  }

  /** The row of a dossier the official may see, or DOSSIER_NOT_FOUND. */
  async visibleRow(p: OfficialPrincipal, id: string): Promise<DetailRow> {
    if (!UUID.test(id)) throw new AppError('DOSSIER_NOT_FOUND');
    const [r]: DetailRow[] = await this.db.query(
      `SELECT d.*, p.code AS procedure_code, v.name AS procedure_name, v.version, a.code AS agency_code, a.name AS agency_name, a.id AS agency_id,
              u.id AS unit_id, u.code AS unit_code, u.name AS unit_name, o.full_name AS assignee_name
         FROM dossier d
         JOIN procedure p ON p.id = d.procedure_id
         JOIN procedure_version v ON v.id = d.procedure_version_id
         JOIN agency_unit a ON a.id = d.receiving_agency_id
         JOIN agency_unit u ON u.id = d.current_unit_id
         LEFT JOIN official o ON o.id = d.assignee_id
        WHERE d.id = $1
          AND (d.current_unit_id = ANY($2::uuid[]) OR d.receiving_agency_id = ANY($2::uuid[])
               OR EXISTS (SELECT 1 FROM dossier_step s WHERE s.dossier_id = d.id AND s.unit_id = ANY($2::uuid[])))`,
      [id, deskUnits(p)],
    );
    if (!r) throw new AppError('DOSSIER_NOT_FOUND');
    return r;
  }

  private async documents(id: string): Promise<DeskDocumentDto[]> {
    const rows: {
      id: string;
      document_code: string;
      name: string;
      file_name: string;
      media_type: string;
      size_bytes: string;
      signature_status: AttachmentSignatureStatus | null;
      signature_info: AttachmentSignatureInfo[] | null;
    }[] = await this.db.query(
      `SELECT dd.id, dd.document_code, dd.name, dd.file_name, dd.media_type, dd.size_bytes, a.signature_status, a.signature_info
         FROM dossier_document dd LEFT JOIN attachment a ON a.id = dd.attachment_id
        WHERE dd.dossier_id = $1 AND dd.source <> 'result' ORDER BY dd.created_at, dd.document_code, dd.id`,
      [id],
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      documentCode: r.document_code,
      fileName: r.file_name,
      contentType: r.media_type,
      size: Number(r.size_bytes),
      href: `/api/v1/desk/dossiers/${id}/documents/${r.id}/content`,
      ...(r.signature_status ? { signatureStatus: r.signature_status, signatureInfo: r.signature_info } : {}),
    }));
  }

  /** The e-result signed at approval, shown apart from the documents the applicant gave. */
  private async result(id: string): Promise<DossierResultDto | null> {
    const r = await loadDossierResult(this.db.manager, id);
    return r && toDossierResultDto(r, `/api/v1/desk/dossiers/${id}/result`);
  }

  /** A document of a dossier the official may see, with where its bytes are. */
  async document(
    p: OfficialPrincipal,
    id: string,
    documentId: string,
  ): Promise<{ fileName: string; mediaType: string; size: number; sha256: string; storageKey: string }> {
    await this.visibleRow(p, id);
    if (!UUID.test(documentId)) throw new AppError('NOT_FOUND');
    const [r] = await this.db.query(
      `SELECT dd.file_name, dd.media_type, dd.size_bytes, a.sha256, a.storage_key
         FROM dossier_document dd JOIN attachment a ON a.id = dd.attachment_id
        WHERE dd.id = $2 AND dd.dossier_id = $1`,
      [id, documentId],
    );
    if (!r) throw new AppError('NOT_FOUND', 'Không tìm thấy giấy tờ của hồ sơ');
    return {
      fileName: r.file_name,
      mediaType: r.media_type,
      size: Number(r.size_bytes),
      sha256: String(r.sha256).trim(),
      storageKey: r.storage_key,
    };
  }

  private async events(id: string): Promise<DeskEventDto[]> {
    const rows = await this.db.query(
      `SELECT e.*, o.full_name AS actor_name FROM dossier_event e
         LEFT JOIN official o ON e.actor_kind = 'official' AND o.id = e.actor_id
        WHERE e.dossier_id = $1 ORDER BY e.id`,
      [id],
    );
    return rows.map(
      (e: any): DeskEventDto => ({
        id: String(e.id),
        type: e.type,
        actorKind: e.actor_kind,
        actor: e.actor_name ? { id: e.actor_id, fullName: e.actor_name } : null,
        fromStatus: e.from_status,
        toStatus: e.to_status,
        fromStep: e.data?.fromStep ?? null,
        toStep: e.data?.toStep ?? null,
        note: e.note,
        at: e.at.toISOString(),
        data: e.data,
      }),
    );
  }

  private async steps(id: string, def: WorkflowDefinition): Promise<DossierStepDto[]> {
    const rows: StepRow[] = await this.db.query(
      `SELECT s.*, u.code AS unit_code, u.name AS unit_name, o.full_name AS assignee_name
         FROM dossier_step s JOIN agency_unit u ON u.id = s.unit_id LEFT JOIN official o ON o.id = s.assignee_id
        WHERE s.dossier_id = $1 ORDER BY s.id`,
      [id],
    );
    return rows.map((s) => ({
      id: String(s.id),
      stepId: s.step_id,
      stepName: def.steps.find((x) => x.id === s.step_id)?.name ?? s.step_id,
      unit: { id: s.unit_id, code: s.unit_code, name: s.unit_name },
      assignee: s.assignee_id ? { id: s.assignee_id, fullName: s.assignee_name ?? '' } : null,
      startedAt: s.started_at.toISOString(),
      dueAt: s.due_at?.toISOString() ?? null,
      finishedAt: s.finished_at?.toISOString() ?? null,
      onTime: s.on_time,
      dueSoonAt: s.due_soon_at?.toISOString() ?? null,
      overdueAt: s.overdue_at?.toISOString() ?? null,
    }));
  }

  private async toItems(rows: InboxRow[], now: Date): Promise<DeskInboxItemDto[]> {
    const calendar = await this.calendars.calendar();
    const defs = new Map<string, WorkflowDefinition>();
    for (const id of new Set(rows.map((r) => r.workflow_definition_id)))
      defs.set(id, await this.workflows.get(id));
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      status: r.status,
      statusCode: DOSSIER_STATUS_PORTAL_CODE[r.status],
      statusLabel: DOSSIER_STATUS_LABELS[r.status],
      channel: r.channel,
      procedure: { id: r.procedure_id, code: r.procedure_code, name: r.procedure_name },
      applicantName: r.applicant_name,
      currentUnit: { id: r.unit_id, code: r.unit_code, name: r.unit_name },
      step: {
        id: r.current_step_id,
        name:
          defs.get(r.workflow_definition_id)?.steps.find((s) => s.id === r.current_step_id)?.name ??
          r.current_step_id,
      },
      assignee: r.assignee_id ? { id: r.assignee_id, fullName: r.assignee_name ?? '' } : null,
      receivedAt: r.received_at.toISOString(),
      dueAt: r.due_at.toISOString(),
      stepDueAt: r.step_due_at?.toISOString() ?? null,
      sla: slaStateOf(
        calendar,
        {
          status: r.status,
          dueAt: r.due_at,
          clockPausedAt: r.clock_paused_at,
          overdueAt: r.overdue_at,
          dueSoonAt: r.due_soon_at,
        },
        now,
      ),
      rowVersion: r.row_version,
    }));
  }
}

interface StepRow {
  id: string;
  step_id: string;
  unit_id: string;
  unit_code: string;
  unit_name: string;
  assignee_id: string | null;
  assignee_name: string | null;
  started_at: Date;
  due_at: Date | null;
  finished_at: Date | null;
  on_time: boolean | null;
  due_soon_at: Date | null;
  overdue_at: Date | null;
  note: string | null;
}

export interface DetailRow {
  id: string;
  code: string;
  status: DossierStatus;
  channel: DeskInboxItemDto['channel'];
  procedure_id: string;
  procedure_code: string;
  procedure_name: string;
  version: number;
  procedure_version_id: string;
  agency_id: string;
  agency_code: string;
  agency_name: string;
  unit_id: string;
  unit_code: string;
  unit_name: string;
  applicant_name: string;
  applicant_identity_number: string;
  applicant_phone: string | null;
  applicant_email: string | null;
  applicant_citizen_id: string | null;
  form_data: Record<string, unknown>;
  submitted_at: Date;
  received_at: Date;
  due_at: Date;
  created_at: Date;
  updated_at: Date;
  row_version: number;
  workflow_definition_id: string;
  current_step_id: string;
  current_unit_id: string;
  receiving_agency_id: string;
  assignee_id: string | null;
  assignee_name: string | null;
  clock_paused_at: Date | null;
  paused_ms: string;
  due_soon_at: Date | null;
  overdue_at: Date | null;
}

export function toApologyDto(a: any): ApologyLetterDto {
  return {
    id: a.id,
    dossierId: a.dossier_id,
    status: a.status,
    reason: a.reason,
    originalDueAt: new Date(a.original_due_at).toISOString(),
    proposedDueAt: new Date(a.proposed_due_at).toISOString(),
    createdAt: new Date(a.created_at).toISOString(),
    issuedAt: a.issued_at ? new Date(a.issued_at).toISOString() : null,
    issuedBy: a.issued_by ? { id: a.issued_by, fullName: a.issuer_name ?? '' } : null,
  };
}

/**
 * The latest due day that is at least `n` (≥ 1) working days late on `today` (working days in
 * (due day, today]). The count only grows as the due day goes back, so a binary search over calendar
 * days with the calendar's O(years) count finds it (a walk back day by day took 30 ms for n = 3650).
 */
function lastDueDayLate(calendar: WorkingCalendar, today: string, n: number): string {
  const late = (days: number) => calendar.workingDaysBetween(daysBefore(today, days), today);
  let hi = n; // invariant: late(hi) ≥ n, late(lo) < n
  while (late(hi) < n) hi *= 2;
  let lo = 0;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (late(mid) >= n) hi = mid;
    else lo = mid;
  }
  return daysBefore(today, hi);
}

/** The calendar day `days` before `day`. */
function daysBefore(day: string, days: number): string {
  return toLocalDate(new Date(atLocalTime(day, '12:00').getTime() - days * 86_400_000));
}

/** Start (00:00 Vietnam time) of the day after `day`. */
function startOfNextDay(day: string): Date {
  return new Date(atLocalTime(day, '00:00').getTime() + 86_400_000);
}

/** Start (00:00 Vietnam time) of the day `days` after `now`'s day. */
function startOfDayAfter(now: Date, days: number): Date {
  return new Date(atLocalTime(toLocalDate(now), '00:00').getTime() + days * 86_400_000);
}
