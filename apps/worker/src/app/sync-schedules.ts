import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { APP_CONFIG, AppConfig } from '@dvc/shared/config';
import { JOBS, QUEUES } from '@dvc/platform/queue';

export const RECONCILE_SCHEDULER = 'sync-reconcile';

/**
 * The repeating reconciliation job, registered idempotently by every replica, and registered again
 * if Redis lost it (a restart without persistence): the reconciliation is what recovers lost jobs.
 */
@Injectable()
export class SyncSchedules implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SyncSchedules.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @InjectQueue(QUEUES.sync) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensure(true);
    const every = Math.max(1000, Math.min(this.config.SYNC_RECONCILE_EVERY_MS, 30_000));
    this.timer = setInterval(() => void this.ensure(false), every);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async ensure(force: boolean): Promise<void> {
    try {
      if (!force && (await this.queue.getJobScheduler(RECONCILE_SCHEDULER))) return;
      await this.queue.upsertJobScheduler(RECONCILE_SCHEDULER, { every: this.config.SYNC_RECONCILE_EVERY_MS }, { name: JOBS.syncReconcile, data: {} });
      if (!force) this.logger.warn('reconciliation schedule was missing (Redis lost its data?); registered again');
    } catch (e) {
      this.logger.warn({ err: (e as Error).message }, 'could not register the reconciliation schedule');
    }
  }
}
