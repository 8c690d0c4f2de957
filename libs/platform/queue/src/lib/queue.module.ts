import { BullModule } from '@nestjs/bullmq';
import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '@dvc/shared/config';
import { DEFAULT_JOB_OPTIONS, QUEUES, REDIS } from './queue.constants';
import { redisOptions } from './redis';

/**
 * BullMQ on Redis with the configured key prefix, the product's queues, and a shared ioredis client.
 * Producers (API) and consumers (worker) import the same module; only the worker registers processors.
 */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) => ({
        connection: redisOptions(c.REDIS_URL),
        prefix: c.REDIS_PREFIX,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
    ...Object.values(QUEUES).map((name) => BullModule.registerQueue({ name })),
  ],
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) => new Redis({ ...redisOptions(c.REDIS_URL), keyPrefix: `${c.REDIS_PREFIX}:app:` }),
    },
  ],
  exports: [BullModule, REDIS],
})
export class QueueModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}
  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}
