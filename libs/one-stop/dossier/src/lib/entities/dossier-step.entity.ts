import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import { AgencyUnit, Official } from '@dvc/platform/identity';
import { Dossier } from './dossier.entity';

/**
 * One hand-over of a dossier: the step it went to, the unit and official holding it, when it was
 * received and handed on, its own due time (its share of the time limit) and whether it was on
 * time — the rows of Mẫu 05 (phiếu kiểm soát quá trình giải quyết hồ sơ).
 */
@Entity('dossier_step')
@Check('ck_dossier_step_finished', `finished_at IS NULL OR finished_at >= started_at`)
@Check('ck_dossier_step_on_time', `on_time IS NULL OR finished_at IS NOT NULL`)
@Index('idx_dossier_step_dossier', { synchronize: false })
@Index('uq_dossier_step_open', { synchronize: false })
@Index('idx_dossier_step_sla', { synchronize: false })
export class DossierStep {
  /** bigint: read as a string. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  @Column({ type: 'uuid' }) dossierId!: string;
  @ManyToOne(() => Dossier)
  @JoinColumn({ name: 'dossier_id', foreignKeyConstraintName: 'fk_dossier_step_dossier' })
  dossier?: Relation<Dossier>;
  /** Step id in the dossier's pinned workflow definition. */
  @Column({ type: 'varchar', length: 64 }) stepId!: string;
  @Column({ type: 'uuid' }) unitId!: string;
  @ManyToOne(() => AgencyUnit)
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_dossier_step_unit' })
  unit?: Relation<AgencyUnit>;
  @Column({ type: 'uuid', nullable: true }) assigneeId!: string | null;
  @ManyToOne(() => Official, { nullable: true })
  @JoinColumn({ name: 'assignee_id', foreignKeyConstraintName: 'fk_dossier_step_assignee' })
  assignee?: Relation<Official> | null;
  @Column({ type: 'timestamptz' }) startedAt!: Date;
  /** The official who handed the dossier over to this step (null: the applicant or the system). */
  @Column({ type: 'uuid', nullable: true }) startedBy!: string | null;
  /** Null when the step has no share of the time limit (e.g. intake). */
  @Column({ type: 'timestamptz', nullable: true }) dueAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) finishedBy!: string | null;
  @Column({ type: 'boolean', nullable: true }) onTime!: boolean | null;
  @Column({ type: 'timestamptz', nullable: true }) dueSoonAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) overdueAt!: Date | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
}
