import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The overdue board's due-soon list (bench/desk-queries.bench.mjs, docs/perf/desk-queries-explain.md):
 * per unit, the dossiers flagged due soon whose clock runs, in (due_at, id) order. Without it the
 * list read every running clock of all units from idx_dossier_sla and kept the unit's few flagged
 * ones; this index holds only the flagged dossiers.
 */
export class OverdueIndex1764000014000 implements MigrationInterface {
  name = 'OverdueIndex1764000014000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX idx_dossier_due_soon ON dossier (current_unit_id, due_at, id)
      WHERE due_soon_at IS NOT NULL AND overdue_at IS NULL AND clock_paused_at IS NULL
        AND status NOT IN ('refused', 'withdrawn', 'stopped', 'returned')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX idx_dossier_due_soon`);
  }
}
