import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import { Dossier } from '@dvc/one-stop/dossier';
import { Attachment, bigintAsNumber } from './attachment.entity';

/**
 * A file of a dossier for one of its components (thành phần hồ sơ). It snapshots the file's name,
 * type, size and hash. A document reused from an earlier dossier (NĐ 45/2020/NĐ-CP: the citizen is
 * not asked twice) points at the same stored file and at the document it was reused from.
 */
@Entity('dossier_document')
@Unique('uq_dossier_document_attachment', ['dossierId', 'attachmentId'])
/** A fresh upload belongs to one dossier (partial unique index, in the migration). */
@Index('uq_dossier_document_upload', { synchronize: false })
@Check('ck_dossier_document_source', `source IN ('upload', 'reused', 'result')`)
@Check('ck_dossier_document_reused_from', `(source = 'reused') = (reused_from_document_id IS NOT NULL)`)
export class DossierDocument {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_dossier_document' }) id!: string;
  @Column({ type: 'uuid' }) dossierId!: string;
  @ManyToOne(() => Dossier)
  @JoinColumn({ name: 'dossier_id', foreignKeyConstraintName: 'fk_dossier_document_dossier' })
  dossier?: Relation<Dossier>;
  /** RequiredDocument.code of the pinned procedure version. */
  @Column({ type: 'varchar', length: 32 }) documentCode!: string;
  /** The component's name in that version. */
  @Column({ type: 'varchar', length: 500 }) name!: string;
  @Column({ type: 'uuid' }) attachmentId!: string;
  @ManyToOne(() => Attachment)
  @JoinColumn({ name: 'attachment_id', foreignKeyConstraintName: 'fk_dossier_document_attachment' })
  attachment?: Relation<Attachment>;
  @Column({ type: 'varchar', length: 255 }) fileName!: string;
  @Column({ type: 'varchar', length: 100 }) mediaType!: string;
  @Column({ type: 'bigint', transformer: bigintAsNumber }) sizeBytes!: number;
  @Column({ type: 'char', length: 64 }) sha256!: string;
  /** 'result': the dossier's signed e-result, in the store once returned. */
  @Column({ type: 'varchar', length: 8 }) source!: 'upload' | 'reused' | 'result';
  @Column({ type: 'uuid', nullable: true }) reusedFromDocumentId!: string | null;
  @ManyToOne(() => DossierDocument, { nullable: true })
  @JoinColumn({ name: 'reused_from_document_id', foreignKeyConstraintName: 'fk_dossier_document_reused_from' })
  reusedFromDocument?: Relation<DossierDocument> | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
