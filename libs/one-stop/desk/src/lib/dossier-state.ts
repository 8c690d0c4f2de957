import type { EntityManager } from 'typeorm';
import type { DossierStatus } from '@dvc/shared/contracts';
import { TERMINAL_DOSSIER_STATUSES } from '@dvc/shared/contracts';

/** The columns the desk reads to act on a dossier. */
export interface DossierStateRow {
  id: string;
  code: string;
  status: DossierStatus;
  procedure_id: string;
  procedure_version_id: string;
  receiving_agency_id: string;
  applicant_citizen_id: string | null;
  workflow_definition_id: string;
  current_step_id: string;
  current_unit_id: string;
  assignee_id: string | null;
  received_at: Date;
  due_at: Date;
  clock_paused_at: Date | null;
  paused_ms: string;
  due_soon_at: Date | null;
  overdue_at: Date | null;
  row_version: number;
  time_limit_days: number;
}

export async function loadDossierState(m: EntityManager, id: string): Promise<DossierStateRow | undefined> {
  const [row]: DossierStateRow[] = await m.query(
    `SELECT d.id, d.code, d.status, d.procedure_id, d.procedure_version_id, d.receiving_agency_id, d.applicant_citizen_id,
            d.workflow_definition_id, d.current_step_id, d.current_unit_id, d.assignee_id, d.received_at, d.due_at,
            d.clock_paused_at, d.paused_ms, d.due_soon_at, d.overdue_at, d.row_version, v.time_limit_days
       FROM dossier d JOIN procedure_version v ON v.id = d.procedure_version_id
      WHERE d.id = $1`,
    [id],
  );
  return row;
}

/** SQL list of the terminal statuses, for `status NOT IN (…)` (constants, not user input). */
export const TERMINAL_SQL = TERMINAL_DOSSIER_STATUSES.map((s) => `'${s}'`).join(', ');
