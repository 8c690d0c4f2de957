import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique, UpdateDateColumn } from 'typeorm';
import { DOSSIER_STATUSES } from '@dvc/shared/contracts';
import type { DossierChannel, DossierStatus } from '@dvc/shared/contracts';
import { AgencyUnit, Citizen, Official } from '@dvc/platform/identity';
import { WorkflowDefinitionRow } from './workflow-definition.entity';

/**
 * A dossier (hồ sơ) of an administrative procedure. It pins the procedure version in force when it
 * was submitted, and keeps a snapshot of the applicant as they were then.
 */
@Entity('dossier')
@Unique('uq_dossier_code', ['code'])
@Unique('uq_dossier_idempotency', ['applicantCitizenId', 'idempotencyKey'])
@Check('ck_dossier_status', `status IN (${DOSSIER_STATUSES.map((s) => `'${s}'`).join(', ')})`)
@Check('ck_dossier_channel', `channel IN ('online', 'desk', 'post')`)
@Index('idx_dossier_applicant', { synchronize: false })
@Index('idx_dossier_receiving_agency', { synchronize: false })
@Check('ck_dossier_paused_ms', `paused_ms >= 0`)
@Index('idx_dossier_inbox', { synchronize: false })
@Index('idx_dossier_inbox_open', { synchronize: false })
@Index('idx_dossier_assignee', { synchronize: false })
@Index('idx_dossier_sla', { synchronize: false })
@Index('idx_dossier_open_counts', { synchronize: false })
@Index('idx_dossier_due_soon', { synchronize: false })
export class Dossier {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** Mã hồ sơ per TT 01/2018/TT-VPCP art. 19, e.g. 000.31.00.H99-260609-0001. */
  @Column({ type: 'varchar', length: 64 }) code!: string;
  @Column({ type: 'uuid' }) procedureId!: string;
  // Targets named by string: the catalog is a public-service lib, which one-stop libs do not import.
  @ManyToOne('Procedure')
  @JoinColumn({ name: 'procedure_id', foreignKeyConstraintName: 'fk_dossier_procedure' })
  procedure?: unknown;
  /** The published version in force at submission; its form schema and time limit apply. */
  @Column({ type: 'uuid' }) procedureVersionId!: string;
  @ManyToOne('ProcedureVersion')
  @JoinColumn({ name: 'procedure_version_id', foreignKeyConstraintName: 'fk_dossier_procedure_version' })
  procedureVersion?: unknown;
  @Column({ type: 'uuid' }) receivingAgencyId!: string;
  @ManyToOne(() => AgencyUnit)
  @JoinColumn({ name: 'receiving_agency_id', foreignKeyConstraintName: 'fk_dossier_receiving_agency' })
  receivingAgency?: Relation<AgencyUnit>;
  /** The citizen account that submitted online; null for desk or post entries without an account. */
  @Column({ type: 'uuid', nullable: true }) applicantCitizenId!: string | null;
  @ManyToOne(() => Citizen, { nullable: true })
  @JoinColumn({ name: 'applicant_citizen_id', foreignKeyConstraintName: 'fk_dossier_applicant_citizen' })
  applicantCitizen?: Relation<Citizen> | null;
  @Column({ type: 'varchar', length: 255 }) applicantName!: string;
  @Column({ type: 'varchar', length: 32 }) applicantIdentityNumber!: string;
  @Column({ type: 'varchar', length: 20, nullable: true }) applicantPhone!: string | null;
  @Column({ type: 'varchar', length: 255, nullable: true }) applicantEmail!: string | null;
  @Column({ type: 'jsonb' }) formData!: Record<string, any>;
  @Column({ type: 'varchar', length: 32 }) status!: DossierStatus;
  @Column({ type: 'varchar', length: 8 }) channel!: DossierChannel;
  @Column({ type: 'timestamptz' }) submittedAt!: Date;
  /** Per the working calendar: outside office hours → the next working day's opening. */
  @Column({ type: 'timestamptz' }) receivedAt!: Date;
  @Column({ type: 'timestamptz' }) dueAt!: Date;
  @Column({ type: 'varchar', length: 100, nullable: true }) idempotencyKey!: string | null;
  @Column({ type: 'integer', default: 1 }) rowVersion!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;

  // Workflow (issue #4). On insert, a trigger fills the definition in force, its intake step and the
  // receiving unit when they are not given.
  /** The workflow definition version the dossier started with (pinned for good). */
  @Column({ type: 'uuid' }) workflowDefinitionId!: string;
  @ManyToOne(() => WorkflowDefinitionRow)
  @JoinColumn({ name: 'workflow_definition_id', foreignKeyConstraintName: 'fk_dossier_workflow_definition' })
  workflowDefinition?: Relation<WorkflowDefinitionRow>;
  /** Step id in the pinned definition. */
  @Column({ type: 'varchar', length: 64 }) currentStepId!: string;
  /** The unit holding the dossier now (the desk inbox and access scope). */
  @Column({ type: 'uuid' }) currentUnitId!: string;
  @ManyToOne(() => AgencyUnit)
  @JoinColumn({ name: 'current_unit_id', foreignKeyConstraintName: 'fk_dossier_current_unit' })
  currentUnit?: Relation<AgencyUnit>;
  /** The official it is assigned to at the current step, if any. */
  @Column({ type: 'uuid', nullable: true }) assigneeId!: string | null;
  @ManyToOne(() => Official, { nullable: true })
  @JoinColumn({ name: 'assignee_id', foreignKeyConstraintName: 'fk_dossier_assignee' })
  assignee?: Relation<Official> | null;
  /** Set while the time-limit clock is stopped (supplement or payment requested). */
  @Column({ type: 'timestamptz', nullable: true }) clockPausedAt!: Date | null;
  /** Working time (ms) the clock was paused in total; bigint, read as a string. */
  @Column({ type: 'bigint', default: 0 }) pausedMs!: string;
  /** SLA flags set by the scheduler (≤ 1 working day left; past due). */
  @Column({ type: 'timestamptz', nullable: true }) dueSoonAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) overdueAt!: Date | null;
  /** When the dossier reached a terminal status. */
  @Column({ type: 'timestamptz', nullable: true }) closedAt!: Date | null;
}
