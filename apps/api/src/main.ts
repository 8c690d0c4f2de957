import 'reflect-metadata';
import { loadConfig } from '@dvc/shared/config';
import { assertDatabaseReachable } from '@dvc/shared/database';
import { assertRedisReachable } from '@dvc/platform/queue';
import { createApp } from './app/create-app';

async function main(): Promise<void> {
  const config = loadConfig();
  await assertDatabaseReachable(config.DATABASE_URL);
  await assertRedisReachable(config.REDIS_URL);
  const app = await createApp(config);
  await app.listen(config.API_PORT, config.API_HOST);
  console.log(`API: http://${config.API_HOST}:${config.API_PORT}/api/v1 — OpenAPI http://${config.API_HOST}:${config.API_PORT}/api/docs`);
}

main().catch((e) => {
  console.error(`[api] Không khởi động được: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
