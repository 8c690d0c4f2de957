import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation, Unique } from 'typeorm';
import { Citizen } from '@dvc/platform/identity';
import { Dossier } from '@dvc/one-stop/dossier';
import type { AttachmentSignatureInfo, AttachmentSignatureStatus } from '@dvc/shared/contracts';

/** bigint columns are read as strings by pg; sizes fit a JS number. */
export const bigintAsNumber = { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/**
 * A file a citizen uploaded. Unused (`dossier_id` null) until a submission takes it; unused uploads
 * older than a day are purged. The bytes live in object storage under `storage_key`.
 */
@Entity('attachment')
@Unique('uq_attachment_storage_key', ['storageKey'])
@Check('ck_attachment_size', `size_bytes > 0`)
@Check('ck_attachment_sha256', `sha256 ~ '^[0-9a-f]{64}$'`)
@Check('ck_attachment_signature_status', `signature_status IN ('valid', 'invalid', 'unknown_signer', 'none')`)
@Index('idx_attachment_owner_unused', { synchronize: false })
@Index('idx_attachment_unused_created', { synchronize: false })
export class Attachment {
  /** Chosen before the upload, so it can be part of the storage key. */
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_attachment' }) id!: string;
  @Column({ type: 'uuid' }) ownerCitizenId!: string;
  @ManyToOne(() => Citizen)
  @JoinColumn({ name: 'owner_citizen_id', foreignKeyConstraintName: 'fk_attachment_owner_citizen' })
  ownerCitizen?: Relation<Citizen>;
  /** As the citizen named it (path removed, NFC). Never used to build a storage key. */
  @Column({ type: 'varchar', length: 255 }) fileName!: string;
  /** Decided from the bytes. */
  @Column({ type: 'varchar', length: 100 }) mediaType!: string;
  @Column({ type: 'bigint', transformer: bigintAsNumber }) sizeBytes!: number;
  @Column({ type: 'char', length: 64 }) sha256!: string;
  @Column({ type: 'varchar', length: 512 }) storageKey!: string;
  @Column({ type: 'varchar', length: 32, nullable: true }) documentCode!: string | null;
  /** The first dossier that took the file; set in the submission's transaction. */
  @Column({ type: 'uuid', nullable: true }) dossierId!: string | null;
  @ManyToOne(() => Dossier, { nullable: true })
  @JoinColumn({ name: 'dossier_id', foreignKeyConstraintName: 'fk_attachment_dossier' })
  dossier?: Relation<Dossier> | null;
  /** Digital signatures of an uploaded PDF checked against the trust store; null for other files. */
  @Column({ type: 'varchar', length: 20, nullable: true }) signatureStatus!: AttachmentSignatureStatus | null;
  @Column({ type: 'jsonb', nullable: true }) signatureInfo!: AttachmentSignatureInfo[] | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
