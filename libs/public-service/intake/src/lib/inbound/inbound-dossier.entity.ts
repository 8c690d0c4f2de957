import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Dossier } from '@dvc/one-stop/dossier';

/** A dossier pushed to us by the national portal: its national id (MaHoSo), once, and the dossier it became. */
@Entity('inbound_dossier')
export class InboundDossier {
  /** MaHoSo on the national portal: unique, the deduplication key. */
  @PrimaryColumn({ type: 'varchar', length: 100, primaryKeyConstraintName: 'pk_inbound_dossier' }) nationalId!: string;
  @Column({ type: 'uuid' }) dossierId!: string;
  @ManyToOne(() => Dossier)
  @JoinColumn({ name: 'dossier_id', foreignKeyConstraintName: 'fk_inbound_dossier_dossier' })
  dossier?: Relation<Dossier>;
  @Column({ type: 'timestamptz', default: () => 'now()' }) receivedAt!: Date;
}

export const INBOUND_ENTITIES = [InboundDossier];
