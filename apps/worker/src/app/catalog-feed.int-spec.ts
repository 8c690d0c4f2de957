import { createServer } from 'node:net';
import { getQueueToken } from '@nestjs/bullmq';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Queue, QueueEvents } from 'bullmq';
import { DataSource } from 'typeorm';
import { loadConfig } from '@dvc/shared/config';
import { createTestDatabase, testRedisPrefix, TestDatabase } from '@dvc/shared/testing';
import { JOBS, QUEUES, redisOptions } from '@dvc/platform/queue';
import { CATALOG_FEED_SCHEDULER } from './catalog-feed-worker.module';
import { WorkerModule } from './worker.module';

/** The worker as it runs, with CATALOG_FEED_CRON set and a national portal that cannot be reached. */
describe('worker catalog refresh job (real Redis and PostgreSQL)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let queue: Queue;
  let events: QueueEvents;

  beforeAll(async () => {
    db = await createTestDatabase();
    const s = createServer();
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    const port = (s.address() as { port: number }).port;
    await new Promise<void>((r) => s.close(() => r()));
    process.env['DATABASE_URL'] = db.url;
    process.env['REDIS_PREFIX'] = testRedisPrefix();
    process.env['LOG_LEVEL'] = 'silent';
    process.env['CATALOG_FEED_CRON'] = '0 4 * * *';
    process.env['NATIONAL_PORTAL_URL'] = `http://127.0.0.1:${port}`;
    app = await NestFactory.create(WorkerModule, { logger: false });
    await app.init();
    queue = app.get<Queue>(getQueueToken(QUEUES.catalog));
    const c = loadConfig();
    events = new QueueEvents(QUEUES.catalog, { connection: redisOptions(c.REDIS_URL), prefix: c.REDIS_PREFIX });
    await events.waitUntilReady();
  });

  afterAll(async () => {
    await events?.close();
    await queue?.obliterate({ force: true });
    await app?.close();
    await db?.drop();
    delete process.env['CATALOG_FEED_CRON'];
    delete process.env['NATIONAL_PORTAL_URL'];
  });

  it('registers the daily refresh at the configured time, in Vietnam time', async () => {
    expect(await queue.getJobSchedulers()).toEqual([
      expect.objectContaining({ key: CATALOG_FEED_SCHEDULER, name: JOBS.catalogFeedRefresh, pattern: '0 4 * * *', tz: 'Asia/Ho_Chi_Minh' }),
    ]);
  });

  it('runs the refresh and records the run, failed here since the portal is unreachable', async () => {
    const job = await queue.add(JOBS.catalogFeedRefresh, {});
    const result = await job.waitUntilFinished(events, 15_000);
    expect(result).toMatchObject({ status: 'failed', created: 0, updated: 0 });
    const runs = await app.get<DataSource>(getDataSourceToken()).query(`SELECT id, trigger, status, error FROM catalog_feed_run`);
    expect(runs).toEqual([expect.objectContaining({ id: result.runId, trigger: 'schedule', status: 'failed', error: expect.stringContaining('ECONNREFUSED') })]);
  });
});
