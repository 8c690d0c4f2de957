import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Dossier } from '@dvc/one-stop/dossier';
import { Official } from '@dvc/platform/identity';

/**
 * The Idempotency-Key of an in-person intake: one dossier per official and key, whatever the number
 * of retries; `request` is the body it was created from (a reuse with another body is refused).
 */
@Entity('desk_intake_request')
export class DeskIntakeRequest {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_desk_intake_request' }) officialId!: string;
  @PrimaryColumn({ type: 'varchar', length: 100, primaryKeyConstraintName: 'pk_desk_intake_request' })
  idempotencyKey!: string;
  @ManyToOne(() => Official)
  @JoinColumn({ name: 'official_id', foreignKeyConstraintName: 'fk_desk_intake_request_official' })
  official?: Relation<Official>;
  @Column({ type: 'uuid' }) dossierId!: string;
  @ManyToOne(() => Dossier, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'dossier_id', foreignKeyConstraintName: 'fk_desk_intake_request_dossier' })
  dossier?: Relation<Dossier>;
  @Column({ type: 'jsonb' }) request!: Record<string, any>;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
