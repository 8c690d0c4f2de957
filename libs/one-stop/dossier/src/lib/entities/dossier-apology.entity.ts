import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import { Official } from '@dvc/platform/identity';
import { Dossier } from './dossier.entity';

/**
 * Mẫu 04 (phiếu xin lỗi và hẹn lại ngày trả kết quả): drafted by the SLA job when a dossier is
 * overdue, completed and issued by an official.
 */
@Entity('dossier_apology')
@Check('ck_dossier_apology_status', `status IN ('draft', 'issued')`)
@Check('ck_dossier_apology_issued', `(status = 'issued') = (issued_at IS NOT NULL)`)
@Index('idx_dossier_apology_dossier', { synchronize: false })
@Index('uq_dossier_apology_draft', { synchronize: false })
export class DossierApology {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) dossierId!: string;
  @ManyToOne(() => Dossier)
  @JoinColumn({ name: 'dossier_id', foreignKeyConstraintName: 'fk_dossier_apology_dossier' })
  dossier?: Relation<Dossier>;
  @Column({ type: 'varchar', length: 16 }) status!: 'draft' | 'issued';
  @Column({ type: 'text' }) reason!: string;
  @Column({ type: 'timestamptz' }) originalDueAt!: Date;
  @Column({ type: 'timestamptz' }) proposedDueAt!: Date;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) issuedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) issuedBy!: string | null;
  @ManyToOne(() => Official, { nullable: true })
  @JoinColumn({ name: 'issued_by', foreignKeyConstraintName: 'fk_dossier_apology_issued_by' })
  issuer?: Relation<Official> | null;
}
