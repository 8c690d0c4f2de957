import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { AgencyUnit } from '@dvc/platform/identity';

/** The last dossier sequence number used by a receiving unit on a day (Vietnam time). */
@Entity('dossier_code_counter')
@Check('ck_dossier_code_counter_seq', `last_seq > 0`)
export class DossierCodeCounter {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_dossier_code_counter' }) agencyId!: string;
  @ManyToOne(() => AgencyUnit)
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'fk_dossier_code_counter_agency' })
  agency?: Relation<AgencyUnit>;
  /** `YYYY-MM-DD`, the receipt day in Vietnam time. */
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'pk_dossier_code_counter' }) day!: string;
  @Column({ type: 'integer' }) lastSeq!: number;
}
