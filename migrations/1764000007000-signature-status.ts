import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Verification of signed uploads: the outcome of checking an uploaded PDF's digital signatures
 * against the configured trust store ('valid' | 'invalid' | 'unknown_signer' | 'none'), with details.
 */
export class SignatureStatus1764000007000 implements MigrationInterface {
  name = 'SignatureStatus1764000007000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE attachment ADD COLUMN signature_status varchar(20), ADD COLUMN signature_info jsonb`);
    await q.query(
      `ALTER TABLE attachment ADD CONSTRAINT ck_attachment_signature_status CHECK (signature_status IN ('valid', 'invalid', 'unknown_signer', 'none'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE attachment DROP CONSTRAINT ck_attachment_signature_status`);
    await q.query(`ALTER TABLE attachment DROP COLUMN signature_info, DROP COLUMN signature_status`);
  }
}
