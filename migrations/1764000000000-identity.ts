import { MigrationInterface, QueryRunner } from 'typeorm';

/** Agencies (QCVN 102 codes, a tree), officials with roles, citizens, rotating refresh tokens. */
export class Identity1764000000000 implements MigrationInterface {
  name = 'Identity1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agency_unit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(32) NOT NULL,
        name varchar(255) NOT NULL,
        level varchar(16) NOT NULL,
        parent_id uuid REFERENCES agency_unit(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_agency_unit_code UNIQUE (code),
        CONSTRAINT ck_agency_unit_level CHECK (level IN ('central', 'province', 'department', 'commune'))
      )`);
    await q.query(`CREATE INDEX idx_agency_unit_parent ON agency_unit (parent_id)`);
    await q.query(`
      CREATE TABLE official (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username varchar(64) NOT NULL,
        password_hash text NOT NULL,
        full_name varchar(255) NOT NULL,
        email varchar(255),
        agency_unit_id uuid NOT NULL REFERENCES agency_unit(id),
        roles text[] NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_official_username UNIQUE (username)
      )`);
    await q.query(`CREATE INDEX idx_official_agency_unit ON official (agency_unit_id)`);
    await q.query(`
      CREATE TABLE citizen (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        identity_number varchar(12) NOT NULL,
        password_hash text,
        full_name varchar(255) NOT NULL,
        phone varchar(20),
        email varchar(255),
        oidc_subject varchar(255),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_citizen_identity_number UNIQUE (identity_number),
        CONSTRAINT uq_citizen_oidc_subject UNIQUE (oidc_subject),
        CONSTRAINT ck_citizen_identity_number CHECK (identity_number ~ '^[0-9]{12}$')
      )`);
    await q.query(`
      CREATE TABLE refresh_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subject_kind varchar(16) NOT NULL,
        subject_id uuid NOT NULL,
        family_id uuid NOT NULL,
        token_hash varchar(64) NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        replaced_by_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_refresh_token_hash UNIQUE (token_hash),
        CONSTRAINT ck_refresh_token_subject_kind CHECK (subject_kind IN ('official', 'citizen'))
      )`);
    await q.query(`CREATE INDEX idx_refresh_token_family ON refresh_token (family_id)`);
    await q.query(`CREATE INDEX idx_refresh_token_expires ON refresh_token (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE refresh_token`);
    await q.query(`DROP TABLE citizen`);
    await q.query(`DROP TABLE official`);
    await q.query(`DROP TABLE agency_unit`);
  }
}
