import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Procedure catalog (thủ tục hành chính): fields, procedures, immutable published versions.
 * Search folds Vietnamese in the application (search_text) and indexes it as a tsvector,
 * so "dang ky khai sinh" finds "Đăng ký khai sinh".
 */
export class Catalog1764000001000 implements MigrationInterface {
  name = 'Catalog1764000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE procedure_field (
        code varchar(32) PRIMARY KEY,
        name varchar(255) NOT NULL
      )`);
    await q.query(`
      CREATE TABLE procedure (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(64) NOT NULL,
        field_code varchar(32) NOT NULL REFERENCES procedure_field(code),
        level varchar(16) NOT NULL,
        owner_agency_id uuid NOT NULL REFERENCES agency_unit(id),
        current_version_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_procedure_code UNIQUE (code),
        CONSTRAINT ck_procedure_level CHECK (level IN ('central', 'province', 'commune'))
      )`);
    await q.query(`CREATE INDEX idx_procedure_owner_agency ON procedure (owner_agency_id)`);
    await q.query(`CREATE INDEX idx_procedure_field ON procedure (field_code)`);
    await q.query(`
      CREATE TABLE procedure_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        procedure_id uuid NOT NULL REFERENCES procedure(id),
        version integer NOT NULL,
        status varchar(16) NOT NULL,
        name varchar(500) NOT NULL,
        online_level varchar(16) NOT NULL,
        time_limit_days integer NOT NULL,
        implementing_agency_codes text[] NOT NULL DEFAULT '{}',
        content jsonb NOT NULL,
        search_text text NOT NULL DEFAULT '',
        search_document tsvector,
        row_version integer NOT NULL DEFAULT 1,
        published_at timestamptz,
        published_by uuid,
        retired_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_procedure_version UNIQUE (procedure_id, version),
        CONSTRAINT ck_procedure_version_status CHECK (status IN ('draft', 'published', 'retired')),
        CONSTRAINT ck_procedure_version_online_level CHECK (online_level IN ('toan_trinh', 'mot_phan')),
        CONSTRAINT ck_procedure_version_time_limit CHECK (time_limit_days >= 0)
      )`);
    await q.query(`ALTER TABLE procedure ADD CONSTRAINT fk_procedure_current_version
      FOREIGN KEY (current_version_id) REFERENCES procedure_version(id)`);
    // At most one draft and one published version per procedure.
    await q.query(`CREATE UNIQUE INDEX uq_procedure_version_one_draft ON procedure_version (procedure_id) WHERE status = 'draft'`);
    await q.query(`CREATE UNIQUE INDEX uq_procedure_version_one_published ON procedure_version (procedure_id) WHERE status = 'published'`);
    await q.query(`CREATE INDEX idx_procedure_version_search ON procedure_version USING gin (search_document) WHERE status = 'published'`);
    await q.query(`CREATE INDEX idx_procedure_version_agencies ON procedure_version USING gin (implementing_agency_codes) WHERE status = 'published'`);

    await q.query(`
      CREATE FUNCTION procedure_version_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF OLD.status <> 'draft' THEN
            RAISE EXCEPTION 'published procedure versions cannot be deleted' USING ERRCODE = 'check_violation';
          END IF;
          RETURN OLD;
        END IF;
        NEW.search_document := to_tsvector('simple', NEW.search_text);
        -- A published version is immutable: only its status may move on (published -> retired).
        IF TG_OP = 'UPDATE' AND OLD.status <> 'draft' THEN
          IF NEW.content IS DISTINCT FROM OLD.content OR NEW.name IS DISTINCT FROM OLD.name
             OR NEW.online_level IS DISTINCT FROM OLD.online_level
             OR NEW.time_limit_days IS DISTINCT FROM OLD.time_limit_days
             OR NEW.implementing_agency_codes IS DISTINCT FROM OLD.implementing_agency_codes
             OR NEW.version IS DISTINCT FROM OLD.version OR NEW.procedure_id IS DISTINCT FROM OLD.procedure_id
             OR NOT (OLD.status = NEW.status OR (OLD.status = 'published' AND NEW.status = 'retired')) THEN
            RAISE EXCEPTION 'procedure version % is % and immutable', OLD.id, OLD.status USING ERRCODE = 'check_violation';
          END IF;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER trg_procedure_version_guard BEFORE INSERT OR UPDATE OR DELETE ON procedure_version
      FOR EACH ROW EXECUTE FUNCTION procedure_version_guard()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE procedure DROP CONSTRAINT fk_procedure_current_version`);
    await q.query(`DROP TABLE procedure_version`);
    await q.query(`DROP FUNCTION procedure_version_guard()`);
    await q.query(`DROP TABLE procedure`);
    await q.query(`DROP TABLE procedure_field`);
  }
}
