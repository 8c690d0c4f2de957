import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { CatalogFeedRunItem, CatalogFeedRunStatus, CatalogFeedTrigger } from '@dvc/shared/contracts';

/** One refresh of the catalog from the national portal's feed: counts, outcome per procedure, failure. */
@Entity('catalog_feed_run')
@Check('ck_catalog_feed_run_status', `status IN ('running', 'done', 'failed')`)
@Check('ck_catalog_feed_run_trigger', `trigger IN ('schedule', 'manual')`)
@Index('uq_catalog_feed_run_one_running', { synchronize: false })
@Index('idx_catalog_feed_run_started', { synchronize: false })
export class CatalogFeedRun {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 16 }) trigger!: CatalogFeedTrigger;
  /** The official who asked for it; null for the daily job. */
  @Column({ type: 'uuid', nullable: true }) triggeredBy!: string | null;
  @Column({ type: 'varchar', length: 16 }) status!: CatalogFeedRunStatus;
  @Column({ type: 'timestamptz', default: () => 'now()' }) startedAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
  @Column({ type: 'integer', default: 0 }) createdCount!: number;
  @Column({ type: 'integer', default: 0 }) updatedCount!: number;
  @Column({ type: 'integer', default: 0 }) unchangedCount!: number;
  @Column({ type: 'integer', default: 0 }) failedCount!: number;
  /** Why the whole run failed (portal unreachable, answer not a catalog); per-procedure reasons are in items. */
  @Column({ type: 'text', nullable: true }) error!: string | null;
  /** Outcome of every procedure that was not unchanged. */
  @Column({ type: 'jsonb' }) items!: CatalogFeedRunItem[];
}
