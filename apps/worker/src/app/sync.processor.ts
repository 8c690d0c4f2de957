import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DelayedError, Job, UnrecoverableError } from 'bullmq';
import { APP_CONFIG, AppConfig, loadConfig } from '@dvc/shared/config';
import { JOBS, QUEUES } from '@dvc/platform/queue';
import { DossierSyncService, PortalRejectedError, syncBackoffDelay } from '@dvc/platform/national-portal';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

let backoffCapMs: number | undefined;
/** BullMQ custom backoff of sync jobs: base from the job's options, cap from the configuration. */
export function syncBackoffStrategy(attemptsMade: number, _type?: string, _err?: Error, job?: { opts: { backoff?: number | { delay?: number } } }): number {
  backoffCapMs ??= loadConfig().SYNC_BACKOFF_MAX_MS;
  const b = job?.opts.backoff;
  const base = typeof b === 'number' ? b : (b?.delay ?? 1000);
  return syncBackoffDelay(attemptsMade, base, backoffCapMs);
}

interface SyncJobData {
  dossierId: string;
  outboxId?: string;
  createdAt?: string;
}

/**
 * Queue `sync`: pushes a dossier's current status to the national portal (DongBoHoSoMC) and runs
 * the reconciliation. A short lock and stalled check bring the jobs of a killed worker back fast.
 */
@Processor(QUEUES.sync, {
  settings: { backoffStrategy: syncBackoffStrategy },
  lockDuration: 15_000,
  stalledInterval: 5_000,
  maxStalledCount: 10,
})
export class SyncProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(SyncProcessor.name);

  constructor(
    private readonly sync: DossierSyncService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.SYNC_CONCURRENCY;
  }

  async process(job: Job, token?: string): Promise<unknown> {
    switch (job.name) {
      case JOBS.dossierStatusSync: {
        const data = job.data as SyncJobData;
        if (typeof data.dossierId !== 'string' || !UUID.test(data.dossierId)) throw new UnrecoverableError('dossierId is not a uuid');
        const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        try {
          const outcome = await this.sync.sync(data.dossierId, {
            jobId: job.id,
            final,
            eventCreatedAt: data.createdAt ? new Date(data.createdAt) : undefined,
          });
          if (outcome.kind === 'busy') {
            // Another sender holds the dossier: come back shortly, without spending an attempt.
            await job.moveToDelayed(Date.now() + 100 + Math.floor(Math.random() * 400), token);
            throw new DelayedError();
          }
          return outcome;
        } catch (e) {
          if (e instanceof PortalRejectedError) throw new UnrecoverableError(e.message);
          throw e;
        }
      }
      case JOBS.syncReconcile: {
        const result = await this.sync.reconcile();
        if (result.requeued || result.mismatched) this.logger.log(result, 'sync reconciliation');
        return result;
      }
      default:
        throw new UnrecoverableError(`unknown job ${job.name}`);
    }
  }
}
