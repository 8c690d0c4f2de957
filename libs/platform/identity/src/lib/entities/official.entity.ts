import { JoinColumn, ManyToOne, Relation, Unique, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { OfficialRole } from '@dvc/shared/contracts';
import { AgencyUnit } from './agency-unit.entity';

@Entity('official')
@Unique('uq_official_username', ['username'])
export class Official {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 64 })
  username!: string;
  @Column({ type: 'text' }) passwordHash!: string;
  @Column({ type: 'varchar', length: 255 }) fullName!: string;
  @Column({ type: 'varchar', length: 255, nullable: true }) email!: string | null;
  @Index('idx_official_agency_unit', { synchronize: false })
  @Column({ type: 'uuid' })
  agencyUnitId!: string;
  @ManyToOne(() => AgencyUnit)
  @JoinColumn({ name: 'agency_unit_id', foreignKeyConstraintName: 'official_agency_unit_id_fkey' })
  agencyUnit?: Relation<AgencyUnit>;
  @Column({ type: 'text', array: true }) roles!: OfficialRole[];
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
