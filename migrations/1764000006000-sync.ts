import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Status sync with the national public service portal: one row per dossier saying which version
 * (the number of its `dossier.status.changed` outbox rows) was sent and acknowledged, retries, the
 * dead-letter mark, and the lease that keeps one sender per dossier at a time.
 */
export class Sync1764000006000 implements MigrationInterface {
  name = 'Sync1764000006000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dossier_sync_state (
        dossier_id uuid NOT NULL,
        version_sent integer NOT NULL DEFAULT 0,
        version_acked integer NOT NULL DEFAULT 0,
        last_status_code smallint,
        last_error text,
        attempts integer NOT NULL DEFAULT 0,
        dead_lettered_at timestamptz,
        last_job_id varchar(200),
        lease_owner varchar(64),
        lease_until timestamptz,
        sent_at timestamptz,
        acked_at timestamptz,
        verified_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_dossier_sync_state PRIMARY KEY (dossier_id),
        CONSTRAINT fk_dossier_sync_state_dossier FOREIGN KEY (dossier_id) REFERENCES dossier(id),
        CONSTRAINT ck_dossier_sync_state_versions CHECK (version_sent >= 0 AND version_acked >= 0 AND attempts >= 0)
      )`);
    // The admin screen lists dead letters; the reconciler picks the least recently verified.
    await q.query(`CREATE INDEX idx_dossier_sync_state_dead ON dossier_sync_state (dead_lettered_at) WHERE dead_lettered_at IS NOT NULL`);
    await q.query(`CREATE INDEX idx_dossier_sync_state_verified ON dossier_sync_state (verified_at NULLS FIRST)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dossier_sync_state`);
  }
}
