import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique, UpdateDateColumn } from 'typeorm';
import { Procedure } from './procedure.entity';
import type { OnlineLevel, ProcedureVersionContent, VersionStatus } from '@dvc/shared/contracts';

/**
 * One version of a procedure's content. Drafts are edited; a published version is immutable
 * (enforced by a trigger as well) and dossiers pin it.
 */
@Entity('procedure_version')
@Unique('uq_procedure_version', ['procedureId', 'version'])
@Check('ck_procedure_version_status', `status IN ('draft', 'published', 'retired')`)
@Check('ck_procedure_version_online_level', `online_level IN ('toan_trinh', 'mot_phan')`)
@Check('ck_procedure_version_time_limit', `time_limit_days >= 0`)
@Index('uq_procedure_version_one_draft', { synchronize: false })
@Index('uq_procedure_version_one_published', { synchronize: false })
@Index('idx_procedure_version_search', { synchronize: false })
@Index('idx_procedure_version_agencies', { synchronize: false })
export class ProcedureVersion {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) procedureId!: string;
  @ManyToOne(() => Procedure)
  @JoinColumn({ name: 'procedure_id', foreignKeyConstraintName: 'procedure_version_procedure_id_fkey' })
  procedure?: Relation<Procedure>;
  @Column({ type: 'integer' }) version!: number;
  @Column({ type: 'varchar', length: 16 }) status!: VersionStatus;
  @Column({ type: 'varchar', length: 500 }) name!: string;
  @Column({ type: 'varchar', length: 16 }) onlineLevel!: OnlineLevel;
  @Column({ type: 'integer' }) timeLimitDays!: number;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) implementingAgencyCodes!: string[];
  /** `json`, not `jsonb`: the author's key order (the e-form's field order) is kept. */
  @Column({ type: 'json' }) content!: ProcedureVersionContent;
  /** Folded (no diacritics) text the search index is built from. */
  @Column({ type: 'text', default: '' }) searchText!: string;
  /** Maintained by a trigger from search_text; never read by the application. */
  @Column({ type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  searchDocument?: string;
  @Column({ type: 'integer', default: 1 }) rowVersion!: number;
  @Column({ type: 'timestamptz', nullable: true }) publishedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) publishedBy!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) retiredAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
