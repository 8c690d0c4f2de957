import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Online submission (intake): dossiers, the per-unit per-day code counter of TT 01/2018/TT-VPCP
 * art. 19, and the append-only history of every dossier (nothing is deleted).
 */
export class Intake1764000002000 implements MigrationInterface {
  name = 'Intake1764000002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dossier (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(64) NOT NULL,
        procedure_id uuid NOT NULL,
        procedure_version_id uuid NOT NULL,
        receiving_agency_id uuid NOT NULL,
        applicant_citizen_id uuid,
        applicant_name varchar(255) NOT NULL,
        applicant_identity_number varchar(32) NOT NULL,
        applicant_phone varchar(20),
        applicant_email varchar(255),
        form_data jsonb NOT NULL,
        status varchar(32) NOT NULL,
        channel varchar(8) NOT NULL,
        submitted_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        idempotency_key varchar(100),
        row_version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_dossier_code UNIQUE (code),
        CONSTRAINT uq_dossier_idempotency UNIQUE (applicant_citizen_id, idempotency_key),
        CONSTRAINT ck_dossier_status CHECK (status IN ('submitted')),
        CONSTRAINT ck_dossier_channel CHECK (channel IN ('online', 'desk', 'post')),
        CONSTRAINT fk_dossier_procedure FOREIGN KEY (procedure_id) REFERENCES procedure(id),
        CONSTRAINT fk_dossier_procedure_version FOREIGN KEY (procedure_version_id) REFERENCES procedure_version(id),
        CONSTRAINT fk_dossier_receiving_agency FOREIGN KEY (receiving_agency_id) REFERENCES agency_unit(id),
        CONSTRAINT fk_dossier_applicant_citizen FOREIGN KEY (applicant_citizen_id) REFERENCES citizen(id)
      )`);
    await q.query(`CREATE INDEX idx_dossier_applicant ON dossier (applicant_citizen_id, submitted_at DESC)`);
    await q.query(`CREATE INDEX idx_dossier_receiving_agency ON dossier (receiving_agency_id, status)`);

    // One row per receiving unit and day; the row lock serialises numbering so it has no gaps.
    await q.query(`
      CREATE TABLE dossier_code_counter (
        agency_id uuid NOT NULL,
        day date NOT NULL,
        last_seq integer NOT NULL,
        CONSTRAINT pk_dossier_code_counter PRIMARY KEY (agency_id, day),
        CONSTRAINT ck_dossier_code_counter_seq CHECK (last_seq > 0),
        CONSTRAINT fk_dossier_code_counter_agency FOREIGN KEY (agency_id) REFERENCES agency_unit(id)
      )`);

    await q.query(`
      CREATE TABLE dossier_event (
        id bigserial PRIMARY KEY,
        dossier_id uuid NOT NULL,
        type varchar(64) NOT NULL,
        actor_kind varchar(16) NOT NULL,
        actor_id uuid,
        from_status varchar(32),
        to_status varchar(32),
        note text,
        at timestamptz NOT NULL DEFAULT now(),
        data jsonb,
        CONSTRAINT ck_dossier_event_actor_kind CHECK (actor_kind IN ('citizen', 'official', 'system')),
        CONSTRAINT fk_dossier_event_dossier FOREIGN KEY (dossier_id) REFERENCES dossier(id)
      )`);
    await q.query(`CREATE INDEX idx_dossier_event_dossier ON dossier_event (dossier_id, id)`);
    // NĐ 61/2018 (Mẫu 05/06): every hand-over is recorded and nothing is rewritten.
    await q.query(`
      CREATE FUNCTION dossier_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'dossier_event is append-only (% refused)', TG_OP USING ERRCODE = 'check_violation';
      END $$`);
    await q.query(`CREATE TRIGGER trg_dossier_event_append_only BEFORE UPDATE OR DELETE ON dossier_event
      FOR EACH ROW EXECUTE FUNCTION dossier_event_append_only()`);
    await q.query(`CREATE TRIGGER trg_dossier_event_no_truncate BEFORE TRUNCATE ON dossier_event
      FOR EACH STATEMENT EXECUTE FUNCTION dossier_event_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dossier_event`);
    await q.query(`DROP FUNCTION dossier_event_append_only()`);
    await q.query(`DROP TABLE dossier_code_counter`);
    await q.query(`DROP TABLE dossier`);
  }
}
