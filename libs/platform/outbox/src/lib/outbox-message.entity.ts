import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Transactional outbox: a row written in the same transaction as a state change, published to
 * BullMQ by the worker's relay after commit (job id = outbox id, so publishing twice is harmless).
 */
@Entity('outbox_message')
@Index('idx_outbox_message_unpublished', { synchronize: false })
@Index('idx_outbox_message_aggregate', { synchronize: false })
export class OutboxMessage {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  /** What happened, e.g. `dossier.status.changed`; the relay routes by topic. */
  @Column({ type: 'varchar', length: 100 }) topic!: string;
  @Column({ type: 'varchar', length: 50 }) aggregateType!: string;
  @Column({ type: 'uuid' }) aggregateId!: string;
  /** Ids only: processors read the current state themselves. */
  @Column({ type: 'jsonb', default: () => "'{}'" }) payload!: Record<string, any>;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) publishedAt!: Date | null;
}
