import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * - `agency_office_hours`: an agency's own office hours (morning and afternoon sessions, optional
 *   Saturday-morning reception); an agency without a row keeps the system default.
 * - `desk_intake_request`: the Idempotency-Key of an in-person intake per official, so a retried or
 *   double-clicked form gives the dossier created first.
 */
export class AgencyOfficeHours1764000012000 implements MigrationInterface {
  name = 'AgencyOfficeHours1764000012000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agency_office_hours (
        agency_id uuid NOT NULL,
        morning_start time NOT NULL,
        morning_end time NOT NULL,
        afternoon_start time NOT NULL,
        afternoon_end time NOT NULL,
        saturday_start time,
        saturday_end time,
        updated_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_agency_office_hours PRIMARY KEY (agency_id),
        CONSTRAINT fk_agency_office_hours_agency FOREIGN KEY (agency_id) REFERENCES agency_unit(id) ON DELETE CASCADE,
        CONSTRAINT fk_agency_office_hours_updated_by FOREIGN KEY (updated_by) REFERENCES official(id),
        CONSTRAINT ck_agency_office_hours_order CHECK (
          morning_start < morning_end AND morning_end <= afternoon_start AND afternoon_start < afternoon_end),
        CONSTRAINT ck_agency_office_hours_saturday CHECK (
          (saturday_start IS NULL AND saturday_end IS NULL) OR saturday_start < saturday_end)
      )`);
    await q.query(`
      CREATE TABLE desk_intake_request (
        official_id uuid NOT NULL,
        idempotency_key varchar(100) NOT NULL,
        dossier_id uuid NOT NULL,
        request jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_desk_intake_request PRIMARY KEY (official_id, idempotency_key),
        CONSTRAINT fk_desk_intake_request_official FOREIGN KEY (official_id) REFERENCES official(id),
        CONSTRAINT fk_desk_intake_request_dossier FOREIGN KEY (dossier_id) REFERENCES dossier(id) ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE desk_intake_request`);
    await q.query(`DROP TABLE agency_office_hours`);
  }
}
