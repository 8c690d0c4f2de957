import { Unique, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AgencyLevel } from '@dvc/shared/contracts';

/** A unit of the administration, identified by its QCVN 102:2016/BTTTT code. */
@Entity('agency_unit')
@Unique('uq_agency_unit_code', ['code'])
export class AgencyUnit {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 32 })
  code!: string;
  @Column({ type: 'varchar', length: 255 }) name!: string;
  @Column({ type: 'varchar', length: 16 }) level!: AgencyLevel;
  @Index('idx_agency_unit_parent', { synchronize: false })
  @Column({ type: 'uuid', nullable: true })
  parentId!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
