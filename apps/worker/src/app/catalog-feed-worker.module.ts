import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import { APP_CONFIG, AppConfig } from '@dvc/shared/config';
import { AppError } from '@dvc/shared/contracts';
import { JOBS, QUEUES } from '@dvc/platform/queue';
import { CatalogFeedModule, CatalogFeedService } from '@dvc/public-service/catalog';

export const CATALOG_FEED_SCHEDULER = 'catalog-feed-refresh';

/** The daily refresh at CATALOG_FEED_CRON (Vietnam time), registered idempotently by every replica; `off` removes it. */
@Injectable()
export class CatalogFeedSchedules implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QUEUES.catalog) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.CATALOG_FEED_CRON === 'off') {
      await this.queue.removeJobScheduler(CATALOG_FEED_SCHEDULER);
      return;
    }
    await this.queue.upsertJobScheduler(
      CATALOG_FEED_SCHEDULER,
      { pattern: this.config.CATALOG_FEED_CRON, tz: 'Asia/Ho_Chi_Minh' },
      // One attempt: a failed run is recorded and the next day's run (or an admin) tries again.
      { name: JOBS.catalogFeedRefresh, data: {}, opts: { attempts: 1 } },
    );
  }
}

/** Runs the refresh; the run and its outcome are recorded in catalog_feed_run whatever happens. */
@Processor(QUEUES.catalog)
export class CatalogFeedProcessor extends WorkerHost {
  private readonly logger = new Logger(CatalogFeedProcessor.name);

  constructor(private readonly feed: CatalogFeedService) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    if (job.name !== JOBS.catalogFeedRefresh) throw new UnrecoverableError(`unknown job ${job.name}`);
    try {
      const run = await this.feed.refresh('schedule');
      return { runId: run.id, status: run.status, created: run.created, updated: run.updated, unchanged: run.unchanged, failed: run.failed };
    } catch (e) {
      // An admin's run is under way: this one has nothing to add.
      if (e instanceof AppError && e.code === 'CATALOG_REFRESH_RUNNING') {
        this.logger.log({ jobId: job.id }, 'catalog refresh skipped: another run is in progress');
        return { skipped: true };
      }
      throw e;
    }
  }
}

/** Daily refresh of the procedure catalog from the national portal's catalog feed. */
@Module({
  imports: [CatalogFeedModule],
  providers: [CatalogFeedProcessor, CatalogFeedSchedules],
})
export class CatalogFeedWorkerModule {}
