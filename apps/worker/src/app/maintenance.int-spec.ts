import { getQueueToken } from '@nestjs/bullmq';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue, QueueEvents } from 'bullmq';
import { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { loadConfig } from '@dvc/shared/config';
import { createTestDatabase, testRedisPrefix, TestDatabase } from '@dvc/shared/testing';
import { JOBS, QUEUES, redisOptions } from '@dvc/platform/queue';
import { WorkerModule } from './worker.module';

/** The worker as it runs: real Redis (own key prefix), real PostgreSQL, real BullMQ processor. */
describe('worker maintenance queue (real Redis and PostgreSQL)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let queue: Queue;
  let events: QueueEvents;

  beforeAll(async () => {
    db = await createTestDatabase();
    process.env['DATABASE_URL'] = db.url;
    process.env['REDIS_PREFIX'] = testRedisPrefix();
    process.env['LOG_LEVEL'] = 'silent';
    app = await NestFactory.create(WorkerModule, { logger: false });
    await app.init();
    queue = app.get<Queue>(getQueueToken(QUEUES.maintenance));
    const c = loadConfig();
    events = new QueueEvents(QUEUES.maintenance, { connection: redisOptions(c.REDIS_URL), prefix: c.REDIS_PREFIX });
    await events.waitUntilReady();
  });

  afterAll(async () => {
    await events.close();
    await queue.obliterate({ force: true });
    await app.close();
    await db.drop();
  });

  it('registers the nightly purge schedules once, in Vietnam time', async () => {
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers).toHaveLength(2);
    expect(schedulers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'refresh-tokens-purge', name: JOBS.refreshTokensPurge, pattern: '15 2 * * *', tz: 'Asia/Ho_Chi_Minh' }),
        expect.objectContaining({ key: 'attachments-unused-purge', name: JOBS.attachmentsUnusedPurge, pattern: '45 2 * * *', tz: 'Asia/Ho_Chi_Minh' }),
      ]),
    );
  });

  it('runs the unused attachments purge', async () => {
    const job = await queue.add(JOBS.attachmentsUnusedPurge, {});
    expect(await job.waitUntilFinished(events, 15_000)).toEqual({ deleted: 0 });
  });

  it('purges refresh tokens expired for more than a day, and a redelivered job is harmless', async () => {
    const ds = app.get<DataSource>(getDataSourceToken());
    const [agency] = await ds.query(`INSERT INTO agency_unit (code, name, level) VALUES ('000.00.00.H98', 'Tỉnh thử', 'province') RETURNING id`);
    const old = new Date(Date.now() - 3 * 86_400_000);
    const future = new Date(Date.now() + 86_400_000);
    for (const [hash, expires] of [['a'.repeat(64), old], ['b'.repeat(64), old], ['c'.repeat(64), future]] as const) {
      await ds.query(
        `INSERT INTO refresh_token (subject_kind, subject_id, family_id, token_hash, expires_at) VALUES ('official', $1, gen_random_uuid(), $2, $3)`,
        [agency.id, hash, expires],
      );
    }
    const job = await queue.add(JOBS.refreshTokensPurge, {});
    expect(await job.waitUntilFinished(events, 15_000)).toEqual({ deleted: 2 });
    const again = await queue.add(JOBS.refreshTokensPurge, {});
    expect(await again.waitUntilFinished(events, 15_000)).toEqual({ deleted: 0 });
    const left = await ds.query(`SELECT token_hash FROM refresh_token`);
    expect(left).toEqual([{ token_hash: 'c'.repeat(64) }]);
  });

  it('fails an unknown job without retrying it', async () => {
    const job = await queue.add('no.such.job', {}, { attempts: 5 });
    await expect(job.waitUntilFinished(events, 15_000)).rejects.toThrow(/unknown job/);
    const failed = await queue.getJob(job.id!);
    expect(failed?.attemptsMade).toBe(1);
  });
});
