import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@dvc/shared/config';
import { OUTBOX_TOPICS, OutboxRelay, OutboxRoute } from '@dvc/platform/outbox';
import { JOBS, QUEUES } from '@dvc/platform/queue';
import { SYNC_METRICS, syncJobOptions, SyncMetrics } from '@dvc/platform/national-portal';

/** Topic → job. A topic without a route stays unpublished (and shows in the backlog). */
export function outboxRoutes(c: AppConfig): Record<string, OutboxRoute> {
  return {
    [OUTBOX_TOPICS.dossierStatusChanged]: { queue: QUEUES.sync, job: JOBS.dossierStatusSync, opts: syncJobOptions(c) },
  };
}

/** Runs the outbox relay in every worker replica (SKIP LOCKED keeps their batches disjoint). */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  readonly relay: OutboxRelay;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(SYNC_METRICS) metrics: SyncMetrics,
    moduleRef: ModuleRef,
  ) {
    this.relay = new OutboxRelay(db, {
      routes: outboxRoutes(config),
      queue: (name) => moduleRef.get<Queue>(getQueueToken(name), { strict: false }),
      intervalMs: config.OUTBOX_RELAY_INTERVAL_MS,
      onError: (e) => this.logger.warn({ err: (e as Error).message }, 'outbox relay batch failed; retrying'),
    });
    metrics.setBacklogSource(async () => {
      const [r] = await this.db.query(`SELECT count(*)::int AS n FROM outbox_message WHERE published_at IS NULL`);
      return r.n;
    });
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}
