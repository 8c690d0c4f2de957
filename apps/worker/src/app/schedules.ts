import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JOBS, QUEUES } from '@dvc/platform/queue';

/** Repeating jobs, registered idempotently (upsert) by every worker replica at start. */
@Injectable()
export class Schedules implements OnApplicationBootstrap {
  constructor(@InjectQueue(QUEUES.maintenance) private readonly maintenance: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    // Every night at 02:15 Vietnam time.
    await this.maintenance.upsertJobScheduler(
      'refresh-tokens-purge',
      { pattern: '15 2 * * *', tz: 'Asia/Ho_Chi_Minh' },
      { name: JOBS.refreshTokensPurge, data: {} },
    );
    // Uploads no dossier took within a day: every night at 02:45 Vietnam time.
    await this.maintenance.upsertJobScheduler(
      'attachments-unused-purge',
      { pattern: '45 2 * * *', tz: 'Asia/Ho_Chi_Minh' },
      { name: JOBS.attachmentsUnusedPurge, data: {} },
    );
  }
}
