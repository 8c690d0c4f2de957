import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Online submissions are numbered at commit (TT 01/2018/TT-VPCP art. 19, one gapless sequence per
 * receiving unit and day). The submission statement inserts the dossier with a provisional code that
 * carries the code's shape — `~<prefix>#<minimum digits>#<random>` — and this deferred trigger, run by
 * the commit itself, takes the unit's next number and writes the final code. The counter row is so
 * locked for the commit only, not for the whole submission: every submission to the unit on that day
 * waits on that lock. A commit that fails undoes the number with the rest: still no gap.
 *
 * Also: a fresh upload belongs to one dossier only (the statement claims uploads without a
 * read-then-check; the second claim is refused here). A reused document (source 'reused') points at
 * the same file and is not concerned.
 */
export class DossierNumberingAtCommit1764000013000 implements MigrationInterface {
  name = 'DossierNumberingAtCommit1764000013000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION dossier_number_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        shape text := substr(NEW.code, 2);
        receipt_day date := (NEW.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date;
        min_digits int := split_part(shape, '#', 2)::int;
        next_seq int;
      BEGIN
        INSERT INTO dossier_code_counter AS c (agency_id, day, last_seq) VALUES (NEW.receiving_agency_id, receipt_day, 1)
        ON CONFLICT (agency_id, day) DO UPDATE SET last_seq = c.last_seq + 1
        RETURNING c.last_seq INTO next_seq;
        UPDATE dossier SET code = split_part(shape, '#', 1) || lpad(next_seq::text, greatest(min_digits, length(next_seq::text)), '0')
        WHERE id = NEW.id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER trg_dossier_number_at_commit AFTER INSERT ON dossier
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.code LIKE '~%#%#%')
      EXECUTE FUNCTION dossier_number_at_commit()`);
    await q.query(`CREATE UNIQUE INDEX uq_dossier_document_upload ON dossier_document (attachment_id) WHERE source = 'upload'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX uq_dossier_document_upload`);
    await q.query(`DROP TRIGGER trg_dossier_number_at_commit ON dossier`);
    await q.query(`DROP FUNCTION dossier_number_at_commit()`);
  }
}
