import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Refresh of the catalog from the national portal's catalog feed (LayDanhSachTTHC / LayThuTuc):
 * one row per run with its counts and per-procedure outcomes, and per procedure the fingerprint and
 * NGAYCAPNHAT of the feed content last applied, so a run with nothing new changes nothing.
 */
export class CatalogFeed1764000010000 implements MigrationInterface {
  name = 'CatalogFeed1764000010000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE catalog_feed_run (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        trigger varchar(16) NOT NULL,
        triggered_by uuid,
        status varchar(16) NOT NULL,
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        created_count integer NOT NULL DEFAULT 0,
        updated_count integer NOT NULL DEFAULT 0,
        unchanged_count integer NOT NULL DEFAULT 0,
        failed_count integer NOT NULL DEFAULT 0,
        error text,
        items jsonb NOT NULL,
        CONSTRAINT ck_catalog_feed_run_status CHECK (status IN ('running', 'done', 'failed')),
        CONSTRAINT ck_catalog_feed_run_trigger CHECK (trigger IN ('schedule', 'manual'))
      )`);
    // One run at a time, whoever started it (the daily job, an admin, a second replica).
    await q.query(`CREATE UNIQUE INDEX uq_catalog_feed_run_one_running ON catalog_feed_run ((true)) WHERE status = 'running'`);
    await q.query(`CREATE INDEX idx_catalog_feed_run_started ON catalog_feed_run (started_at DESC)`);
    await q.query(`
      CREATE TABLE procedure_feed_state (
        procedure_id uuid NOT NULL,
        feed_hash varchar(64) NOT NULL,
        feed_updated_at timestamptz NOT NULL,
        synced_at timestamptz NOT NULL DEFAULT now(),
        last_run_id uuid,
        CONSTRAINT pk_procedure_feed_state PRIMARY KEY (procedure_id),
        CONSTRAINT fk_procedure_feed_state_procedure FOREIGN KEY (procedure_id) REFERENCES procedure(id),
        CONSTRAINT fk_procedure_feed_state_run FOREIGN KEY (last_run_id) REFERENCES catalog_feed_run(id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE procedure_feed_state`);
    await q.query(`DROP TABLE catalog_feed_run`);
  }
}
