import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import { Official } from '@dvc/platform/identity';
import { Dossier } from '@dvc/one-stop/dossier';
import type { AttachmentSignatureInfo, AttachmentSignatureStatus } from '@dvc/shared/contracts';
import { bigintAsNumber } from '../attachments/attachment.entity';
import { DossierDocument } from '../attachments/dossier-document.entity';

/**
 * The e-result of a dossier (kết quả giải quyết điện tử), PAdES-signed when the leader approved it.
 * The bytes live in object storage under `storage_key`; `document_id` is the dossier document that
 * puts it in the applicant's document store (none when the applicant has no account).
 */
@Entity('dossier_result')
@Unique('uq_dossier_result_dossier', ['dossierId'])
@Unique('uq_dossier_result_storage_key', ['storageKey'])
@Check('ck_dossier_result_size', `size_bytes > 0`)
@Check('ck_dossier_result_sha256', `sha256 ~ '^[0-9a-f]{64}$'`)
@Check('ck_dossier_result_signature_status', `signature_status IN ('valid', 'invalid', 'unknown_signer', 'none')`)
export class DossierResult {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_dossier_result' }) id!: string;
  @Column({ type: 'uuid' }) dossierId!: string;
  @ManyToOne(() => Dossier)
  @JoinColumn({ name: 'dossier_id', foreignKeyConstraintName: 'fk_dossier_result_dossier' })
  dossier?: Relation<Dossier>;
  @Column({ type: 'varchar', length: 255 }) fileName!: string;
  @Column({ type: 'bigint', transformer: bigintAsNumber }) sizeBytes!: number;
  @Column({ type: 'char', length: 64 }) sha256!: string;
  @Column({ type: 'varchar', length: 512 }) storageKey!: string;
  /** The approving leader, as shown in the visible signature block. */
  @Column({ type: 'varchar', length: 255 }) signerName!: string;
  @Column({ type: 'varchar', length: 255 }) unitName!: string;
  /** Subject of the signing certificate (the agency's or the leader's). */
  @Column({ type: 'varchar', length: 1000 }) certificateSubject!: string;
  @Column({ type: 'timestamptz' }) signedAt!: Date;
  @Column({ type: 'uuid' }) signedBy!: string;
  @ManyToOne(() => Official)
  @JoinColumn({ name: 'signed_by', foreignKeyConstraintName: 'fk_dossier_result_signed_by' })
  signer?: Relation<Official>;
  /** Our verifier's verdict on the signed bytes against the trust store, at signing. */
  @Column({ type: 'varchar', length: 20 }) signatureStatus!: AttachmentSignatureStatus;
  @Column({ type: 'jsonb', nullable: true }) signatureInfo!: AttachmentSignatureInfo[] | null;
  @Column({ type: 'uuid', nullable: true }) documentId!: string | null;
  @ManyToOne(() => DossierDocument, { nullable: true })
  @JoinColumn({ name: 'document_id', foreignKeyConstraintName: 'fk_dossier_result_document' })
  document?: Relation<DossierDocument> | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
