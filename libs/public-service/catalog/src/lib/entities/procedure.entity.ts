import { Unique, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ProcedureLevel } from '@dvc/shared/contracts';

/** An administrative procedure (thủ tục hành chính); its content lives in versions. */
@Entity('procedure')
@Unique('uq_procedure_code', ['code'])
export class Procedure {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** National code in the national TTHC database, e.g. 1.001193. */
  @Column({ type: 'varchar', length: 64 })
  code!: string;
  @Index('idx_procedure_field', { synchronize: false })
  @Column({ type: 'varchar', length: 32 })
  fieldCode!: string;
  @Column({ type: 'varchar', length: 16 }) level!: ProcedureLevel;
  /** The agency unit whose admins maintain this procedure. */
  @Index('idx_procedure_owner_agency', { synchronize: false })
  @Column({ type: 'uuid' })
  ownerAgencyId!: string;
  /** The published version new dossiers use; null when none is in force. */
  @Column({ type: 'uuid', nullable: true }) currentVersionId!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
