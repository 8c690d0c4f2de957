import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { TokenService } from '@dvc/platform/identity';
import { AttachmentService } from '@dvc/public-service/intake';
import { JOBS, QUEUES } from '@dvc/platform/queue';

/** Housekeeping jobs. Each is safe to run twice: redelivery is normal. */
@Processor(QUEUES.maintenance)
export class MaintenanceProcessor extends WorkerHost {
  private readonly logger = new Logger(MaintenanceProcessor.name);

  constructor(
    private readonly tokens: TokenService,
    private readonly attachments: AttachmentService,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case JOBS.refreshTokensPurge: {
        const deleted = await this.tokens.purgeExpired();
        this.logger.log({ jobId: job.id, deleted }, 'expired refresh tokens purged');
        return { deleted };
      }
      case JOBS.attachmentsUnusedPurge: {
        const deleted = await this.attachments.purgeUnused();
        this.logger.log({ jobId: job.id, deleted }, 'unused attachments purged');
        return { deleted };
      }
      default:
        throw new UnrecoverableError(`unknown job ${job.name}`);
    }
  }
}
