import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { Official } from '@dvc/platform/identity';

/**
 * A day of the official schedule maintained by administrators (a newly declared holiday, a bridge
 * day, a make-up Saturday). It overrides the computed statutory days; `effectiveFrom` keeps dossiers
 * received earlier on the calendar they started with.
 */
@Entity('calendar_day')
@Unique('uq_calendar_day_date', ['date'])
@Check('ck_calendar_day_kind', `kind IN ('day_off', 'working_day')`)
export class CalendarDay {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** `YYYY-MM-DD`. */
  @Column({ type: 'date' }) date!: string;
  @Column({ type: 'varchar', length: 16 }) kind!: 'day_off' | 'working_day';
  @Column({ type: 'varchar', length: 255 }) name!: string;
  /** `YYYY-MM-DD`. */
  @Column({ type: 'date', nullable: true }) effectiveFrom!: string | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) source!: string | null;
  @Column({ type: 'uuid', nullable: true }) updatedBy!: string | null;
  @ManyToOne(() => Official, { nullable: true })
  @JoinColumn({ name: 'updated_by', foreignKeyConstraintName: 'fk_calendar_day_updated_by' })
  updater?: Relation<Official> | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
