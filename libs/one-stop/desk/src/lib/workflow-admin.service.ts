import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { validateDefinition, workflowGraph, type DefinitionError } from '@dvc/one-stop/workflow';
import { type OfficialPrincipal, servesAllUnits } from '@dvc/platform/identity';
import {
  AppError,
  type AssignProcedureWorkflowRequest,
  type ProcedureWorkflowDto,
  type WorkflowSummaryDto,
  type WorkflowUsageDto,
  type WorkflowValidationDto,
  type WorkflowVersionDto,
} from '@dvc/shared/contracts';

interface DefinitionRow {
  id: string;
  code: string;
  version: number;
  name: string;
  created_at: Date;
  dossier_count: number;
}

/** How far in the past an effective date may be (clock skew between the desk and the API). */
const PAST_TOLERANCE_MS = 5 * 60_000;

/**
 * Workflow definitions administered in the desk: versions are only ever added (a dossier keeps the
 * version it started with; a trigger refuses to change a used one), and a procedure gets a version
 * for its new dossiers from an instant on. Definitions are shared by every agency; an agency
 * administrator sees and assigns only the procedures of the units they serve.
 */
@Injectable()
export class WorkflowAdminService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(p: OfficialPrincipal): Promise<WorkflowSummaryDto[]> {
    const rows: DefinitionRow[] = await this.db.query(
      `SELECT w.id, w.code, w.version, w.name, w.created_at, COALESCE(d.n, 0)::int AS dossier_count
         FROM workflow_definition w
         LEFT JOIN (SELECT workflow_definition_id, count(*) AS n FROM dossier GROUP BY workflow_definition_id) d
           ON d.workflow_definition_id = w.id
        ORDER BY w.code, w.version DESC`,
    );
    const usages: {
      workflow_definition_id: string;
      effective_from: Date;
      procedure_code: string | null;
      procedure_name: string | null;
      in_force: boolean;
    }[] = await this.db.query(
      `SELECT pw.workflow_definition_id, pw.effective_from, p.code AS procedure_code,
              COALESCE(cv.name, (SELECT v.name FROM procedure_version v WHERE v.procedure_id = p.id ORDER BY v.version DESC LIMIT 1)) AS procedure_name,
              pw.id = (SELECT f.id FROM procedure_workflow f
                        WHERE f.procedure_id IS NOT DISTINCT FROM pw.procedure_id AND f.effective_from <= now()
                        ORDER BY f.effective_from DESC LIMIT 1) AS in_force
         FROM procedure_workflow pw
         LEFT JOIN procedure p ON p.id = pw.procedure_id
         LEFT JOIN procedure_version cv ON cv.id = p.current_version_id
        WHERE pw.procedure_id IS NULL OR $1 OR p.owner_agency_id = ANY($2::uuid[])
        ORDER BY pw.procedure_id NULLS FIRST, p.code, pw.effective_from DESC`,
      [servesAllUnits(p), p.unitIds],
    );
    const byCode = new Map<string, WorkflowSummaryDto>();
    for (const r of rows) {
      let summary = byCode.get(r.code);
      if (!summary) byCode.set(r.code, (summary = { code: r.code, name: r.name, versions: [] }));
      summary.versions.push({
        version: r.version,
        name: r.name,
        createdAt: new Date(r.created_at).toISOString(),
        dossierCount: r.dossier_count,
        procedures: usages
          .filter((u) => u.workflow_definition_id === r.id)
          .map(
            (u): WorkflowUsageDto => ({
              procedureCode: u.procedure_code,
              procedureName: u.procedure_name,
              effectiveFrom: new Date(u.effective_from).toISOString(),
              inForce: u.in_force,
            }),
          ),
      });
    }
    return [...byCode.values()];
  }

  async version(code: string, version: number): Promise<WorkflowVersionDto> {
    const [row]: (DefinitionRow & { definition: Record<string, unknown> })[] = await this.db.query(
      `SELECT w.id, w.code, w.version, w.name, w.created_at, w.definition,
              (SELECT count(*) FROM dossier d WHERE d.workflow_definition_id = w.id)::int AS dossier_count
         FROM workflow_definition w WHERE w.code = $1 AND w.version = $2`,
      [code, version],
    );
    if (!row) throw new AppError('WORKFLOW_NOT_FOUND', `Quy trình ${code} phiên bản ${version}`);
    return {
      code: row.code,
      version: row.version,
      name: row.name,
      createdAt: new Date(row.created_at).toISOString(),
      dossierCount: row.dossier_count,
      definition: inAuthoringOrder(row.definition),
      graph: workflowGraph(row.definition)!,
    };
  }

  /** Checks a definition without storing it: Vietnamese errors and the graph to preview. */
  validate(def: unknown): WorkflowValidationDto {
    const result = validateDefinition(def);
    return { ok: result.ok, errors: result.ok ? [] : result.errors, graph: workflowGraph(def) };
  }

  /**
   * Stores the definition as the next version of its code (1 for a new code), whatever `version`
   * it carries; refused with the validator's errors when invalid. Existing versions never change.
   */
  async create(def: unknown): Promise<WorkflowVersionDto> {
    const code = isRecord(def) && typeof def['id'] === 'string' ? def['id'] : null;
    if (code === null) throw invalid(this.validate(def).errors);
    const stored = await this.db.transaction(async (tx) => {
      // One new version of a code at a time: the next number is taken under the lock.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('workflow_definition:' || $1))`, [code]);
      const [{ latest }]: { latest: number }[] = await tx.query(
        `SELECT COALESCE(max(version), 0)::int AS latest FROM workflow_definition WHERE code = $1`,
        [code],
      );
      const next: Record<string, unknown> & { version: number } = { ...(def as Record<string, unknown>), version: latest + 1 };
      const result = validateDefinition(next);
      if (!result.ok) throw invalid(result.errors);
      await tx.query(
        `INSERT INTO workflow_definition (code, version, name, definition) VALUES ($1, $2, $3, $4::jsonb)`,
        [code, next.version, next['name'], JSON.stringify(next)],
      );
      return next.version;
    });
    return this.version(code, stored);
  }

  /**
   * New dossiers of the procedure get the version from `effectiveFrom` (default now); dossiers
   * already submitted keep the version they pinned. Another agency's procedure is reported as not
   * found, as in the catalog administration.
   */
  async assign(
    p: OfficialPrincipal,
    procedureCode: string,
    body: AssignProcedureWorkflowRequest,
  ): Promise<ProcedureWorkflowDto> {
    const [procedure]: { id: string; owner_agency_id: string }[] = await this.db.query(
      `SELECT id, owner_agency_id FROM procedure WHERE code = $1`,
      [procedureCode],
    );
    if (!procedure || (!servesAllUnits(p) && !p.unitIds.includes(procedure.owner_agency_id)))
      throw new AppError('PROCEDURE_NOT_FOUND', `Mã thủ tục ${procedureCode}`);
    const [definition]: { id: string }[] = await this.db.query(
      `SELECT id FROM workflow_definition WHERE code = $1 AND version = $2`,
      [body.code, body.version],
    );
    if (!definition)
      throw new AppError('WORKFLOW_NOT_FOUND', `Quy trình ${body.code} phiên bản ${body.version}`, [
        { field: 'version', message: 'Không có phiên bản quy trình này' },
      ]);
    const effectiveFrom = body.effectiveFrom ? new Date(body.effectiveFrom) : new Date();
    if (effectiveFrom.getTime() < Date.now() - PAST_TOLERANCE_MS) {
      const message =
        'Thời điểm áp dụng không được ở trong quá khứ: hồ sơ đã nộp giữ nguyên quy trình đã gắn';
      throw new AppError('VALIDATION_FAILED', message, [{ field: 'effectiveFrom', message }]);
    }
    try {
      await this.db.query(
        `INSERT INTO procedure_workflow (procedure_id, workflow_definition_id, effective_from) VALUES ($1, $2, $3)`,
        [procedure.id, definition.id, effectiveFrom],
      );
    } catch (e) {
      if ((e as { code?: string }).code !== '23505') throw e;
      const message = 'Thủ tục đã có một quy trình bắt đầu áp dụng đúng thời điểm này';
      throw new AppError('VALIDATION_FAILED', message, [{ field: 'effectiveFrom', message }]);
    }
    return { procedureCode, code: body.code, version: body.version, effectiveFrom: effectiveFrom.toISOString() };
  }
}

/** Keys in the order people write them (jsonb stores shorter keys first); unknown keys last. */
const KEY_ORDER = {
  definition: ['id', 'version', 'name', 'steps', 'transitions'],
  step: ['id', 'name', 'kind', 'owner', 'share', 'status'],
  transition: ['from', 'fromStatus', 'action', 'to', 'toStatus', 'roles', 'requiresNote', 'pausesClock', 'resumesClock'],
};

function ordered(o: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const rank = (k: string) => (keys.includes(k) ? keys.indexOf(k) : keys.length);
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => rank(a) - rank(b)));
}

/** The stored definition with its keys in authoring order, for the desk's JSON editor. */
function inAuthoringOrder(def: Record<string, unknown>): Record<string, unknown> {
  const list = (v: unknown, keys: readonly string[]) =>
    Array.isArray(v) ? v.map((x: unknown) => (isRecord(x) ? ordered(x, keys) : x)) : v;
  return ordered(
    {
      ...def,
      steps: list(def['steps'], KEY_ORDER.step),
      transitions: list(def['transitions'], KEY_ORDER.transition),
    },
    KEY_ORDER.definition,
  );
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** 422 naming every error: JSON Pointer and Vietnamese message. */
function invalid(errors: DefinitionError[]): AppError {
  const detail = `Quy trình có ${errors.length} lỗi: ${errors.map((e) => `${e.path || '/'}: ${e.message}`).join('; ')}`;
  return new AppError(
    'INVALID_WORKFLOW',
    detail,
    errors.map((e) => ({ field: e.path, message: e.message })),
  );
}
