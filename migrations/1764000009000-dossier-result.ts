import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The e-result (kết quả giải quyết điện tử) a leader signs at approval: the signed PDF in object
 * storage, who signed it and with which certificate. When the applicant has an account the result
 * is also a document of the dossier (source 'result'), which their document store shows once the
 * result is returned, so it can be reused in later dossiers (NĐ 45/2020/NĐ-CP).
 */
export class DossierResult1764000009000 implements MigrationInterface {
  name = 'DossierResult1764000009000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dossier_document DROP CONSTRAINT ck_dossier_document_source`);
    await q.query(
      `ALTER TABLE dossier_document ADD CONSTRAINT ck_dossier_document_source CHECK (source IN ('upload', 'reused', 'result'))`,
    );
    await q.query(`
      CREATE TABLE dossier_result (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        dossier_id uuid NOT NULL,
        file_name varchar(255) NOT NULL,
        size_bytes bigint NOT NULL,
        sha256 char(64) NOT NULL,
        storage_key varchar(512) NOT NULL,
        signer_name varchar(255) NOT NULL,
        unit_name varchar(255) NOT NULL,
        certificate_subject varchar(1000) NOT NULL,
        signed_at timestamptz NOT NULL,
        signed_by uuid NOT NULL,
        signature_status varchar(20) NOT NULL,
        signature_info jsonb,
        document_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_dossier_result PRIMARY KEY (id),
        CONSTRAINT uq_dossier_result_dossier UNIQUE (dossier_id),
        CONSTRAINT uq_dossier_result_storage_key UNIQUE (storage_key),
        CONSTRAINT ck_dossier_result_size CHECK (size_bytes > 0),
        CONSTRAINT ck_dossier_result_sha256 CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        CONSTRAINT ck_dossier_result_signature_status CHECK (signature_status IN ('valid', 'invalid', 'unknown_signer', 'none')),
        CONSTRAINT fk_dossier_result_dossier FOREIGN KEY (dossier_id) REFERENCES dossier(id),
        CONSTRAINT fk_dossier_result_signed_by FOREIGN KEY (signed_by) REFERENCES official(id),
        CONSTRAINT fk_dossier_result_document FOREIGN KEY (document_id) REFERENCES dossier_document(id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dossier_result`);
    await q.query(`DELETE FROM dossier_document WHERE source = 'result'`);
    await q.query(`ALTER TABLE dossier_document DROP CONSTRAINT ck_dossier_document_source`);
    await q.query(`ALTER TABLE dossier_document ADD CONSTRAINT ck_dossier_document_source CHECK (source IN ('upload', 'reused'))`);
  }
}
