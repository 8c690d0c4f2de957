import { getQueueToken } from '@nestjs/bullmq';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Queue, QueueEvents } from 'bullmq';
import { DataSource } from 'typeorm';
import { loadConfig } from '@dvc/shared/config';
import { createTestDatabase, testRedisPrefix, TestDatabase } from '@dvc/shared/testing';
import { JOBS, QUEUES, redisOptions } from '@dvc/platform/queue';
import { SLA_SCHEDULER } from './sla-schedules';
import { WorkerModule } from './worker.module';

// `testTimeout` of a Jest project is ignored (it is a global option): starting the app can take longer than 5 s.
jest.setTimeout(60_000);

/** The SLA scan as the worker runs it: real Redis (own key prefix), real PostgreSQL, real processor. */
describe('worker SLA queue (real Redis and PostgreSQL)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let queue: Queue;
  let events: QueueEvents;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    process.env['DATABASE_URL'] = db.url;
    process.env['REDIS_PREFIX'] = testRedisPrefix();
    process.env['LOG_LEVEL'] = 'silent';
    app = await NestFactory.create(WorkerModule, { logger: false });
    await app.init();
    queue = app.get<Queue>(getQueueToken(QUEUES.sla));
    ds = app.get<DataSource>(getDataSourceToken());
    const c = loadConfig();
    events = new QueueEvents(QUEUES.sla, { connection: redisOptions(c.REDIS_URL), prefix: c.REDIS_PREFIX });
    await events.waitUntilReady();
  });

  afterAll(async () => {
    await events.close();
    await queue.obliterate({ force: true });
    await app.close();
    await db.drop();
  });

  it('registers the scan every 5 minutes, once, in Vietnam time', async () => {
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers).toEqual([
      expect.objectContaining({ key: SLA_SCHEDULER, pattern: '*/5 * * * *', tz: 'Asia/Ho_Chi_Minh' }),
    ]);
  });

  it('flags an overdue dossier once and drafts Mẫu 04; a redelivered scan is harmless', async () => {
    // Minimal catalog and one received dossier whose due time has passed (the migration's default workflow applies).
    const [agency] = await ds.query(
      `INSERT INTO agency_unit (code, name, level) VALUES ('000.31.00.H98', 'Xã thử', 'commune') RETURNING id`,
    );
    await ds.query(`INSERT INTO procedure_field (code, name) VALUES ('HT', 'Hộ tịch')`);
    const [procedure] = await ds.query(
      `INSERT INTO procedure (code, field_code, level, owner_agency_id) VALUES ('1.004873', 'HT', 'commune', $1) RETURNING id`,
      [agency.id],
    );
    const [version] = await ds.query(
      `INSERT INTO procedure_version (procedure_id, version, status, name, online_level, time_limit_days, content)
       VALUES ($1, 1, 'published', 'Thủ tục thử', 'toan_trinh', 3, '{}') RETURNING id`,
      [procedure.id],
    );
    const past = new Date(Date.now() - 3 * 86_400_000);
    const [dossier] = await ds.query(
      `INSERT INTO dossier (code, procedure_id, procedure_version_id, receiving_agency_id, applicant_name, applicant_identity_number,
                            form_data, status, channel, submitted_at, received_at, due_at)
       VALUES ('000.31.00.H98-260101-0001', $1, $2, $3, 'Người thử', '001099000001', '{}', 'submitted', 'online', $4, $4, $4)
       RETURNING id, current_step_id`,
      [procedure.id, version.id, agency.id, past],
    );
    expect(dossier.current_step_id).toBe('intake');

    const job = await queue.add(JOBS.slaScan, {});
    expect(await job.waitUntilFinished(events, 15_000)).toMatchObject({
      dossiersOverdue: 1,
      apologiesDrafted: 1,
    });
    const again = await queue.add(JOBS.slaScan, {});
    expect(await again.waitUntilFinished(events, 15_000)).toEqual({
      dossiersDueSoon: 0,
      dossiersOverdue: 0,
      stepsDueSoon: 0,
      stepsOverdue: 0,
      apologiesDrafted: 0,
    });
    const types = await ds.query(`SELECT type FROM dossier_event WHERE dossier_id = $1 ORDER BY id`, [
      dossier.id,
    ]);
    expect(types.map((e: { type: string }) => e.type)).toEqual(['sla_overdue', 'apology_drafted']);
    const [apology] = await ds.query(`SELECT status FROM dossier_apology WHERE dossier_id = $1`, [
      dossier.id,
    ]);
    expect(apology.status).toBe('draft');
  });
});
