import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { SlaService } from '@dvc/one-stop/desk';
import { JOBS, QUEUES } from '@dvc/platform/queue';

/** The desk's deadline watch. A run twice (redelivery, two replicas) flags nothing twice. */
@Processor(QUEUES.sla)
export class SlaProcessor extends WorkerHost {
  private readonly logger = new Logger(SlaProcessor.name);

  constructor(private readonly sla: SlaService) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case JOBS.slaScan: {
        const result = await this.sla.run();
        this.logger.debug({ jobId: job.id, ...result }, 'SLA scan done');
        return result;
      }
      default:
        throw new UnrecoverableError(`unknown job ${job.name}`);
    }
  }
}
