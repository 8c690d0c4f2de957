import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import type { DossierActorKind, DossierStatus } from '@dvc/shared/contracts';
import { Dossier } from './dossier.entity';

/** One entry of a dossier's history; append-only (a trigger refuses UPDATE, DELETE, TRUNCATE). */
@Entity('dossier_event')
@Check('ck_dossier_event_actor_kind', `actor_kind IN ('citizen', 'official', 'system')`)
@Index('idx_dossier_event_dossier', { synchronize: false })
export class DossierEvent {
  /** bigint: read as a string. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  @Column({ type: 'uuid' }) dossierId!: string;
  @ManyToOne(() => Dossier)
  @JoinColumn({ name: 'dossier_id', foreignKeyConstraintName: 'fk_dossier_event_dossier' })
  dossier?: Relation<Dossier>;
  @Column({ type: 'varchar', length: 64 }) type!: string;
  @Column({ type: 'varchar', length: 16 }) actorKind!: DossierActorKind;
  @Column({ type: 'uuid', nullable: true }) actorId!: string | null;
  @Column({ type: 'varchar', length: 32, nullable: true }) fromStatus!: DossierStatus | null;
  @Column({ type: 'varchar', length: 32, nullable: true }) toStatus!: DossierStatus | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at!: Date;
  @Column({ type: 'jsonb', nullable: true }) data!: Record<string, unknown> | null;
}
