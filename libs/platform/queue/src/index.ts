export { QueueModule } from './lib/queue.module';
export { QUEUES, JOBS, REDIS, DEFAULT_JOB_OPTIONS } from './lib/queue.constants';
export { redisOptions, assertRedisReachable, RedisUnavailableError } from './lib/redis';
