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
import { Dossier } from './dossier.entity';

/** A paused interval of a dossier's time-limit clock (supplement or payment requested). */
@Entity('dossier_clock_pause')
@Check('ck_dossier_clock_pause_reason', `reason IN ('supplement', 'payment')`)
@Check('ck_dossier_clock_pause_interval', `ended_at IS NULL OR ended_at >= started_at`)
@Index('idx_dossier_clock_pause_dossier', { synchronize: false })
@Index('uq_dossier_clock_pause_open', { synchronize: false })
export class DossierClockPause {
  /** bigint: read as a string. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  @Column({ type: 'uuid' }) dossierId!: string;
  @ManyToOne(() => Dossier)
  @JoinColumn({ name: 'dossier_id', foreignKeyConstraintName: 'fk_dossier_clock_pause_dossier' })
  dossier?: Relation<Dossier>;
  @Column({ type: 'varchar', length: 32 }) reason!: 'supplement' | 'payment';
  @Column({ type: 'timestamptz' }) startedAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) endedAt!: Date | null;
}
