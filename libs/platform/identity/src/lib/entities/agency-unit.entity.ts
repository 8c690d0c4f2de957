import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import type { AgencyLevel } from '@dvc/shared/contracts';

/** A unit of the administration, identified by its QCVN 102:2016/BTTTT code. */
@Entity('agency_unit')
@Unique('uq_agency_unit_code', ['code'])
@Check('ck_agency_unit_level', `level IN ('central', 'province', 'department', 'commune')`)
export class AgencyUnit {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 32 })
  code!: string;
  @Column({ type: 'varchar', length: 255 }) name!: string;
  @Column({ type: 'varchar', length: 16 }) level!: AgencyLevel;
  @Index('idx_agency_unit_parent', { synchronize: false })
  @Column({ type: 'uuid', nullable: true })
  parentId!: string | null;
  @ManyToOne(() => AgencyUnit, { nullable: true })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'agency_unit_parent_id_fkey' })
  parent?: Relation<AgencyUnit> | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
