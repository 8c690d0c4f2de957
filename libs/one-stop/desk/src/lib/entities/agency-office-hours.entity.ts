import {
  Check,
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  Relation,
  UpdateDateColumn,
} from 'typeorm';
import { AgencyUnit, Official } from '@dvc/platform/identity';

/**
 * An agency's own office hours (giờ làm việc): a morning and an afternoon session, and the Saturday
 * morning reception of desks that receive on Saturdays. Times are `HH:MM:SS` Vietnam wall-clock
 * times. An agency without a row uses the system default.
 */
@Entity('agency_office_hours')
@Check(
  'ck_agency_office_hours_order',
  `morning_start < morning_end AND morning_end <= afternoon_start AND afternoon_start < afternoon_end`,
)
@Check(
  'ck_agency_office_hours_saturday',
  `(saturday_start IS NULL AND saturday_end IS NULL) OR saturday_start < saturday_end`,
)
export class AgencyOfficeHours {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_agency_office_hours' }) agencyId!: string;
  @ManyToOne(() => AgencyUnit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'fk_agency_office_hours_agency' })
  agency?: Relation<AgencyUnit>;
  @Column({ type: 'time' }) morningStart!: string;
  @Column({ type: 'time' }) morningEnd!: string;
  @Column({ type: 'time' }) afternoonStart!: string;
  @Column({ type: 'time' }) afternoonEnd!: string;
  @Column({ type: 'time', nullable: true }) saturdayStart!: string | null;
  @Column({ type: 'time', nullable: true }) saturdayEnd!: string | null;
  @Column({ type: 'uuid', nullable: true }) updatedBy!: string | null;
  @ManyToOne(() => Official, { nullable: true })
  @JoinColumn({ name: 'updated_by', foreignKeyConstraintName: 'fk_agency_office_hours_updated_by' })
  updater?: Relation<Official> | null;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
