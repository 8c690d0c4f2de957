import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JOBS, QUEUES } from '@dvc/platform/queue';

export const SLA_SCHEDULER = 'desk-sla-scan';

/** The deadline watch every 5 minutes, registered idempotently (upsert) by every worker replica. */
@Injectable()
export class SlaSchedules implements OnApplicationBootstrap {
  constructor(@InjectQueue(QUEUES.sla) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      SLA_SCHEDULER,
      { pattern: '*/5 * * * *', tz: 'Asia/Ho_Chi_Minh' },
      { name: JOBS.slaScan, data: {} },
    );
  }
}
