import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Desk counts at scale (bench/desk-queries.bench.mjs, docs/perf/desk-queries-explain.md): the
 * counters of the desk are read from the open dossiers of the official's units only, with every
 * column they test in the index, so that they are an index-only scan of a few thousand entries
 * instead of a heap visit per open dossier.
 */
export class DeskQueryIndexes1764000011000 implements MigrationInterface {
  name = 'DeskQueryIndexes1764000011000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX idx_dossier_open_counts ON dossier (current_unit_id, status)
      INCLUDE (assignee_id, due_at, due_soon_at, overdue_at, clock_paused_at)
      WHERE status NOT IN ('refused', 'withdrawn', 'stopped', 'returned')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX idx_dossier_open_counts`);
  }
}
