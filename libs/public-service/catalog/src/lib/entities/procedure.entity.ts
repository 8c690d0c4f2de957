import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique, UpdateDateColumn } from 'typeorm';
import { AgencyUnit } from '@dvc/platform/identity';
import { ProcedureField } from './procedure-field.entity';
import { ProcedureVersion } from './procedure-version.entity';
import type { ProcedureLevel } from '@dvc/shared/contracts';

/** An administrative procedure (thủ tục hành chính); its content lives in versions. */
@Entity('procedure')
@Unique('uq_procedure_code', ['code'])
@Check('ck_procedure_level', `level IN ('central', 'province', 'commune')`)
export class Procedure {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** National code in the national TTHC database, e.g. 1.001193. */
  @Column({ type: 'varchar', length: 64 })
  code!: string;
  @Index('idx_procedure_field', { synchronize: false })
  @Column({ type: 'varchar', length: 32 })
  fieldCode!: string;
  @ManyToOne(() => ProcedureField)
  @JoinColumn({ name: 'field_code', referencedColumnName: 'code', foreignKeyConstraintName: 'procedure_field_code_fkey' })
  field?: Relation<ProcedureField>;
  @Column({ type: 'varchar', length: 16 }) level!: ProcedureLevel;
  /** The agency unit whose admins maintain this procedure. */
  @Index('idx_procedure_owner_agency', { synchronize: false })
  @Column({ type: 'uuid' })
  ownerAgencyId!: string;
  @ManyToOne(() => AgencyUnit)
  @JoinColumn({ name: 'owner_agency_id', foreignKeyConstraintName: 'procedure_owner_agency_id_fkey' })
  ownerAgency?: Relation<AgencyUnit>;
  /** The published version new dossiers use; null when none is in force. */
  @Column({ type: 'uuid', nullable: true }) currentVersionId!: string | null;
  @ManyToOne(() => ProcedureVersion, { nullable: true })
  @JoinColumn({ name: 'current_version_id', foreignKeyConstraintName: 'fk_procedure_current_version' })
  currentVersion?: Relation<ProcedureVersion> | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
