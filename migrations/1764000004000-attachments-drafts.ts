import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attachments of online submissions: uploaded files (bytes in object storage), the files of each
 * dossier per component, reusable from the citizen's document store (NĐ 45/2020/NĐ-CP: not asked
 * twice), and drafts saved server-side.
 */
export class AttachmentsDrafts1764000004000 implements MigrationInterface {
  name = 'AttachmentsDrafts1764000004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE attachment (
        id uuid NOT NULL,
        owner_citizen_id uuid NOT NULL,
        file_name varchar(255) NOT NULL,
        media_type varchar(100) NOT NULL,
        size_bytes bigint NOT NULL,
        sha256 char(64) NOT NULL,
        storage_key varchar(512) NOT NULL,
        document_code varchar(32),
        dossier_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_attachment PRIMARY KEY (id),
        CONSTRAINT uq_attachment_storage_key UNIQUE (storage_key),
        CONSTRAINT ck_attachment_size CHECK (size_bytes > 0),
        CONSTRAINT ck_attachment_sha256 CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        CONSTRAINT fk_attachment_owner_citizen FOREIGN KEY (owner_citizen_id) REFERENCES citizen(id),
        CONSTRAINT fk_attachment_dossier FOREIGN KEY (dossier_id) REFERENCES dossier(id)
      )`);
    // Pending uploads of a citizen (the per-dossier cap counts them), and the purge of stale ones.
    await q.query(`CREATE INDEX idx_attachment_owner_unused ON attachment (owner_citizen_id) WHERE dossier_id IS NULL`);
    await q.query(`CREATE INDEX idx_attachment_unused_created ON attachment (created_at) WHERE dossier_id IS NULL`);

    await q.query(`
      CREATE TABLE dossier_document (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        dossier_id uuid NOT NULL,
        document_code varchar(32) NOT NULL,
        name varchar(500) NOT NULL,
        attachment_id uuid NOT NULL,
        file_name varchar(255) NOT NULL,
        media_type varchar(100) NOT NULL,
        size_bytes bigint NOT NULL,
        sha256 char(64) NOT NULL,
        source varchar(8) NOT NULL,
        reused_from_document_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_dossier_document PRIMARY KEY (id),
        CONSTRAINT uq_dossier_document_attachment UNIQUE (dossier_id, attachment_id),
        CONSTRAINT ck_dossier_document_source CHECK (source IN ('upload', 'reused')),
        CONSTRAINT ck_dossier_document_reused_from CHECK ((source = 'reused') = (reused_from_document_id IS NOT NULL)),
        CONSTRAINT fk_dossier_document_dossier FOREIGN KEY (dossier_id) REFERENCES dossier(id),
        CONSTRAINT fk_dossier_document_attachment FOREIGN KEY (attachment_id) REFERENCES attachment(id),
        CONSTRAINT fk_dossier_document_reused_from FOREIGN KEY (reused_from_document_id) REFERENCES dossier_document(id)
      )`);

    await q.query(`
      CREATE TABLE dossier_draft (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        citizen_id uuid NOT NULL,
        procedure_id uuid NOT NULL,
        receiving_agency_code varchar(32),
        form_data jsonb NOT NULL DEFAULT '{}',
        attachments jsonb NOT NULL DEFAULT '[]',
        row_version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_dossier_draft PRIMARY KEY (id),
        CONSTRAINT uq_dossier_draft_citizen_procedure UNIQUE (citizen_id, procedure_id),
        CONSTRAINT ck_dossier_draft_form_data CHECK (jsonb_typeof(form_data) = 'object'),
        CONSTRAINT ck_dossier_draft_attachments CHECK (jsonb_typeof(attachments) = 'array'),
        CONSTRAINT fk_dossier_draft_citizen FOREIGN KEY (citizen_id) REFERENCES citizen(id),
        CONSTRAINT fk_dossier_draft_procedure FOREIGN KEY (procedure_id) REFERENCES procedure(id)
      )`);
    // The purge keeps uploads a draft still refers to: `attachments @> '[{"attachmentId": …}]'`.
    await q.query(`CREATE INDEX idx_dossier_draft_attachments ON dossier_draft USING gin (attachments jsonb_path_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dossier_draft`);
    await q.query(`DROP TABLE dossier_document`);
    await q.query(`DROP TABLE attachment`);
  }
}
