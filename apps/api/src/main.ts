import 'reflect-metadata';
import cluster from 'node:cluster';
import { loadConfig } from '@dvc/shared/config';
import { assertDatabaseReachable } from '@dvc/shared/database';
import { assertRedisReachable } from '@dvc/platform/queue';
import { createApp } from './app/create-app';

async function main(): Promise<void> {
  const config = loadConfig();
  if (cluster.isPrimary) {
    await assertDatabaseReachable(config.DATABASE_URL);
    await assertRedisReachable(config.REDIS_URL);
  }
  if (cluster.isPrimary && config.API_WORKERS > 1) return supervise(config.API_WORKERS);
  const app = await createApp(config);
  await app.listen(config.API_PORT, config.API_HOST);
  if (cluster.isPrimary || cluster.worker?.id === 1) {
    console.log(`API: http://${config.API_HOST}:${config.API_PORT}/api/v1 — OpenAPI http://${config.API_HOST}:${config.API_PORT}/api/docs`);
  }
}

/** API_WORKERS > 1: processes sharing the port; one that dies is replaced, SIGTERM stops them all. */
function supervise(workers: number): void {
  let stopping = false;
  const serving = new Set<number>();
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on('listening', (worker) => serving.add(worker.id));
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (!Object.keys(cluster.workers ?? {}).length) process.exit(0);
      return;
    }
    // One that never started (bad configuration…) would fail again: stop rather than loop.
    if (!serving.has(worker.id)) process.exit(code || 1);
    console.error(`[api] tiến trình ${worker.process.pid} dừng (${signal ?? code}); khởi động lại`);
    cluster.fork();
  });
  for (const sig of ['SIGTERM', 'SIGINT'] as const) {
    process.on(sig, () => {
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    });
  }
  console.log(`API: ${workers} tiến trình trên cổng ${loadConfig().API_PORT}`);
}

main().catch((e) => {
  console.error(`[api] Không khởi động được: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
