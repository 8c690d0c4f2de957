import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keep a procedure version's content as the author wrote it: `jsonb` re-sorts object keys, which
 * reorders the e-form's fields (JSON Schema `properties`) for the citizen. `json` keeps the text.
 * Immutability compares the text now, since `json` has no equality operator.
 */
export class ProcedureContentJson1764000003500 implements MigrationInterface {
  name = 'ProcedureContentJson1764000003500';

  async up(q: QueryRunner): Promise<void> {
    await this.guard(q, 'NEW.content::text IS DISTINCT FROM OLD.content::text');
    await q.query(`ALTER TABLE procedure_version ALTER COLUMN content TYPE json USING content::json`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE procedure_version ALTER COLUMN content TYPE jsonb USING content::jsonb`);
    await this.guard(q, 'NEW.content IS DISTINCT FROM OLD.content');
  }

  private guard(q: QueryRunner, contentChanged: string) {
    return q.query(`
      CREATE OR REPLACE FUNCTION procedure_version_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF OLD.status <> 'draft' THEN
            RAISE EXCEPTION 'published procedure versions cannot be deleted' USING ERRCODE = 'check_violation';
          END IF;
          RETURN OLD;
        END IF;
        NEW.search_document := to_tsvector('simple', NEW.search_text);
        IF TG_OP = 'UPDATE' AND OLD.status <> 'draft' THEN
          IF ${contentChanged} OR NEW.name IS DISTINCT FROM OLD.name
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
  }
}
