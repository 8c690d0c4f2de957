import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadConfig } from '@dvc/shared/config';
import { assertDatabaseReachable } from '@dvc/shared/database';
import { assertRedisReachable } from '@dvc/platform/queue';
import { DASHBOARD_PATH, mountQueueDashboard } from './app/queue-dashboard';
import { WorkerModule } from './app/worker.module';

async function main(): Promise<void> {
  const config = loadConfig();
  await assertDatabaseReachable(config.DATABASE_URL);
  await assertRedisReachable(config.REDIS_URL);
  const app = await NestFactory.create(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  mountQueueDashboard(app);
  await app.listen(config.WORKER_PORT, config.API_HOST);
  console.log(`Worker: health http://${config.API_HOST}:${config.WORKER_PORT}/health — queues http://${config.API_HOST}:${config.WORKER_PORT}${DASHBOARD_PATH}`);
}

main().catch((e) => {
  console.error(`[worker] Không khởi động được: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
