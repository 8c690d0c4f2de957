import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { CatalogFeedRun } from './catalog-feed-run.entity';
import { Procedure } from './procedure.entity';

/** What the national portal's feed last said of a procedure (fingerprint and NGAYCAPNHAT), once applied. */
@Entity('procedure_feed_state')
export class ProcedureFeedState {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_procedure_feed_state' }) procedureId!: string;
  @ManyToOne(() => Procedure)
  @JoinColumn({ name: 'procedure_id', foreignKeyConstraintName: 'fk_procedure_feed_state_procedure' })
  procedure?: Relation<Procedure>;
  /** SHA-256 (hex) of the mapped feed content, without its date. */
  @Column({ type: 'varchar', length: 64 }) feedHash!: string;
  @Column({ type: 'timestamptz' }) feedUpdatedAt!: Date;
  @Column({ type: 'timestamptz', default: () => 'now()' }) syncedAt!: Date;
  @Column({ type: 'uuid', nullable: true }) lastRunId!: string | null;
  @ManyToOne(() => CatalogFeedRun)
  @JoinColumn({ name: 'last_run_id', foreignKeyConstraintName: 'fk_procedure_feed_state_run' })
  lastRun?: Relation<CatalogFeedRun>;
}
