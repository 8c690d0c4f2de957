import { MigrationInterface, QueryRunner } from 'typeorm';

/** The full internal status set of dossiers, and the transactional outbox. */
export class DossierStatusesAndOutbox1764000003000 implements MigrationInterface {
  name = 'DossierStatusesAndOutbox1764000003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dossier DROP CONSTRAINT ck_dossier_status`);
    await q.query(`ALTER TABLE dossier ADD CONSTRAINT ck_dossier_status CHECK (status IN ('submitted', 'received', 'refused',
      'processing', 'awaiting_approval', 'supplement_requested', 'payment_requested', 'withdrawal_requested', 'withdrawn',
      'stopped', 'result_ready', 'returned'))`);
    await q.query(`
      CREATE TABLE outbox_message (
        id bigserial PRIMARY KEY,
        topic varchar(100) NOT NULL,
        aggregate_type varchar(50) NOT NULL,
        aggregate_id uuid NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz
      )`);
    // The relay scans only what is left to publish.
    await q.query(`CREATE INDEX idx_outbox_message_unpublished ON outbox_message (id) WHERE published_at IS NULL`);
    await q.query(`CREATE INDEX idx_outbox_message_aggregate ON outbox_message (aggregate_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outbox_message`);
    await q.query(`ALTER TABLE dossier DROP CONSTRAINT ck_dossier_status`);
    await q.query(`ALTER TABLE dossier ADD CONSTRAINT ck_dossier_status CHECK (status IN ('submitted'))`);
  }
}
