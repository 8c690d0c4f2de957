import { MigrationInterface, QueryRunner } from 'typeorm';

/** Dossiers pushed by the national portal: one row per national id (MaHoSo), so a repeat push is a no-op. */
export class Inbound1764000008000 implements MigrationInterface {
  name = 'Inbound1764000008000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE inbound_dossier (
        national_id varchar(100) NOT NULL,
        dossier_id uuid NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_inbound_dossier PRIMARY KEY (national_id),
        CONSTRAINT fk_inbound_dossier_dossier FOREIGN KEY (dossier_id) REFERENCES dossier(id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE inbound_dossier`);
  }
}
