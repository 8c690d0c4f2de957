import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique, UpdateDateColumn } from 'typeorm';
import type { DossierAttachmentRef } from '@dvc/shared/contracts';
import { Citizen } from '@dvc/platform/identity';
import { Procedure } from '@dvc/public-service/catalog';

/**
 * A citizen's unfinished submission of one procedure, saved server-side so it can be resumed on
 * another device. One per citizen and procedure; optimistic concurrency by `row_version`.
 */
@Entity('dossier_draft')
@Unique('uq_dossier_draft_citizen_procedure', ['citizenId', 'procedureId'])
@Check('ck_dossier_draft_form_data', `jsonb_typeof(form_data) = 'object'`)
@Check('ck_dossier_draft_attachments', `jsonb_typeof(attachments) = 'array'`)
@Index('idx_dossier_draft_attachments', { synchronize: false })
export class DossierDraft {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_dossier_draft' }) id!: string;
  @Column({ type: 'uuid' }) citizenId!: string;
  @ManyToOne(() => Citizen)
  @JoinColumn({ name: 'citizen_id', foreignKeyConstraintName: 'fk_dossier_draft_citizen' })
  citizen?: Relation<Citizen>;
  @Column({ type: 'uuid' }) procedureId!: string;
  @ManyToOne(() => Procedure)
  @JoinColumn({ name: 'procedure_id', foreignKeyConstraintName: 'fk_dossier_draft_procedure' })
  procedure?: Relation<Procedure>;
  @Column({ type: 'varchar', length: 32, nullable: true }) receivingAgencyCode!: string | null;
  @Column({ type: 'jsonb', default: () => "'{}'" }) formData!: Record<string, unknown>;
  @Column({ type: 'jsonb', default: () => "'[]'" }) attachments!: DossierAttachmentRef[];
  @Column({ type: 'integer', default: 1 }) rowVersion!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
