import { ArgumentsHost, Catch, CanActivate, ExceptionFilter, ExecutionContext, HttpException, INestApplication, Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { Response } from 'express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, AppConfigModule } from '@dvc/shared/config';
import { AppError } from '@dvc/shared/contracts';
import { dataSourceOptions } from '@dvc/shared/database';
import { createTestDatabase, testRedisPrefix, TestDatabase } from '@dvc/shared/testing';
import { JOBS, QueueModule, QUEUES } from '@dvc/platform/queue';
import { DossierSyncService } from './dossier-sync.service';
import type { NationalPortalClient } from './portal-client';
import { NationalPortalModule } from './national-portal.module';

/** Stands in for the API's JwtAuthGuard: the principal comes from a test header. */
@Injectable()
class HeaderAuthGuard implements CanActivate {
  canActivate(ctx: ExecutionContext): boolean {
    const req = ctx.switchToHttp().getRequest();
    const roles = req.headers['x-test-roles'];
    if (roles === undefined) throw new AppError('UNAUTHENTICATED');
    req.user = { kind: req.headers['x-test-kind'] ?? 'official', id: 'u', roles: String(roles).split(',').filter(Boolean) };
    return true;
  }
}

/** The API's problem filter in miniature (this lib does not import observability). */
@Catch()
class StatusFilter implements ExceptionFilter {
  catch(err: unknown, host: ArgumentsHost): void {
    const status = err instanceof AppError ? err.status : err instanceof HttpException ? err.getStatus() : 500;
    host.switchToHttp().getResponse<Response>().status(status).json({ code: err instanceof AppError ? err.code : String(status) });
  }
}

describe('sync admin API and reconciliation (real PostgreSQL and Redis)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let ds: DataSource;
  let queue: Queue;
  const portal = { held: new Map<string, Record<string, unknown>>(), syncDossiers: jest.fn(), lookup: jest.fn(), close: jest.fn() };
  let ids: string[] = [];
  const admin = { 'x-test-roles': 'system_admin' };

  beforeAll(async () => {
    db = await createTestDatabase();
    process.env['DATABASE_URL'] = db.url;
    process.env['REDIS_PREFIX'] = testRedisPrefix();
    @Module({
      imports: [
        AppConfigModule,
        TypeOrmModule.forRootAsync({ inject: [APP_CONFIG], useFactory: (c: AppConfig) => dataSourceOptions({ url: c.DATABASE_URL, entities: [] }) }),
        QueueModule,
        NationalPortalModule.forApi({ authGuard: HeaderAuthGuard, client: portal as unknown as NationalPortalClient }),
      ],
    })
    class TestModule {}
    app = await NestFactory.create(TestModule, { logger: false });
    app.setGlobalPrefix('api/v1');
    app.useGlobalFilters(new StatusFilter());
    await app.init();
    ds = app.get(getDataSourceToken());
    queue = app.get(getQueueToken(QUEUES.sync));

    const [agency] = await ds.query(`INSERT INTO agency_unit (code, name, level) VALUES ('000.00.02.H98', 'UBND xã Thử Hai', 'commune') RETURNING id`);
    await ds.query(`INSERT INTO procedure_field (code, name) VALUES ('HT-THU2', 'Hộ tịch (thử)') ON CONFLICT DO NOTHING`);
    const [proc] = await ds.query(`INSERT INTO procedure (code, field_code, level, owner_agency_id) VALUES ('9.000002', 'HT-THU2', 'commune', $1) RETURNING id`, [agency.id]);
    const [v] = await ds.query(
      `INSERT INTO procedure_version (procedure_id, version, status, name, online_level, time_limit_days, content) VALUES ($1, 1, 'published', 'Thủ tục thử', 'mot_phan', 5, '{}') RETURNING id`,
      [proc.id],
    );
    const rows = await ds.query(
      `INSERT INTO dossier (code, procedure_id, procedure_version_id, receiving_agency_id, applicant_name, applicant_identity_number, form_data, status, channel, submitted_at, received_at, due_at)
       SELECT '000.00.02.H98-260609-000' || g, $1, $2, $3, 'Trần Thị Thử', '001199000001', '{}', 'processing', 'desk', now(), now(), now() + interval '3 days'
         FROM generate_series(1, 3) g RETURNING id`,
      [proc.id, v.id, agency.id],
    );
    ids = rows.map((r: { id: string }) => r.id);
    // Two status changes each; the history is older than any grace period.
    for (const id of ids) {
      await ds.query(
        `INSERT INTO outbox_message (topic, aggregate_type, aggregate_id, payload, created_at, published_at)
         SELECT 'dossier.status.changed', 'dossier', $1, jsonb_build_object('dossierId', $2::text), now() - interval '1 hour', now() - interval '1 hour' FROM generate_series(1, 2)`,
        [id, id],
      );
    }
    // ids[0]: acknowledged (v2) long ago; ids[1]: dead-lettered; ids[2]: never sent.
    await ds.query(
      `INSERT INTO dossier_sync_state (dossier_id, version_sent, version_acked, last_status_code, attempts, last_error, dead_lettered_at, acked_at, updated_at, last_job_id)
       VALUES ($1, 2, 2, 4, 0, NULL, NULL, now() - interval '1 hour', now() - interval '1 hour', NULL),
              ($2, 2, 0, NULL, 12, 'HTTP 503', now() - interval '5 minutes', NULL, now() - interval '5 minutes', 'gone-job')`,
      [ids[0], ids[1]],
    );
  });

  afterAll(async () => {
    await queue.obliterate({ force: true });
    await app.close();
    await db.drop();
  });

  it('is for system administrators only', async () => {
    const http = request(app.getHttpServer());
    await http.get('/api/v1/admin/sync/health').expect(401);
    await http.get('/api/v1/admin/sync/health').set({ 'x-test-roles': 'agency_admin,intake_officer' }).expect(403);
    await http.get('/api/v1/admin/sync/dead-letters').set({ 'x-test-roles': 'system_admin', 'x-test-kind': 'citizen' }).expect(403);
    await http.post(`/api/v1/admin/sync/dead-letters/${ids[1]}/replay`).set({ 'x-test-roles': 'leader' }).expect(403);
  });

  it('reports backlog, lag, dead letters and retries', async () => {
    await ds.query(`INSERT INTO outbox_message (topic, aggregate_type, aggregate_id, created_at) VALUES ('dossier.status.changed', 'dossier', $1, now() - interval '30 seconds')`, [ids[0]]);
    const res = await request(app.getHttpServer()).get('/api/v1/admin/sync/health').set(admin).expect(200);
    expect(res.body.outbox.backlog).toBe(1);
    expect(res.body.outbox.oldestUnpublishedSeconds).toBeGreaterThanOrEqual(29);
    expect(res.body.sync).toMatchObject({ pending: 3, deadLetters: 1, retrying: 0, syncedRatio: 0 });
    expect(res.body.sync.lagSeconds).toBeGreaterThanOrEqual(3599);
    expect(res.body.queue).toHaveProperty('failed');
    await ds.query(`DELETE FROM outbox_message WHERE published_at IS NULL`);
  });

  it('lists dead letters and replays one (404 for a dossier that is not dead-lettered)', async () => {
    const list = await request(app.getHttpServer()).get('/api/v1/admin/sync/dead-letters').set(admin).expect(200);
    expect(list.body).toEqual({
      total: 1,
      items: [expect.objectContaining({ dossierId: ids[1], code: '000.00.02.H98-260609-0002', status: 'processing', statusCode: 4, version: 2, versionAcked: 0, attempts: 12, lastError: 'HTTP 503' })],
    });
    await request(app.getHttpServer()).post(`/api/v1/admin/sync/dead-letters/${ids[0]}/replay`).set(admin).expect(404);
    await request(app.getHttpServer()).post(`/api/v1/admin/sync/dead-letters/not-a-uuid/replay`).set(admin).expect(404);
    const replay = await request(app.getHttpServer()).post(`/api/v1/admin/sync/dead-letters/${ids[1]}/replay`).set(admin).expect(202);
    const job = await queue.getJob(replay.body.jobId);
    expect(job).toMatchObject({ name: JOBS.dossierStatusSync, data: { dossierId: ids[1] } });
    expect(job!.opts).toMatchObject({ attempts: 12, backoff: { type: 'sync-jitter' } });
    const [state] = await ds.query(`SELECT dead_lettered_at, attempts FROM dossier_sync_state WHERE dossier_id = $1`, [ids[1]]);
    expect(state).toEqual({ dead_lettered_at: null, attempts: 0 });
    await queue.obliterate({ force: true });
  });

  it('reconciles: re-sends what the portal lost and what was never acknowledged', async () => {
    portal.lookup.mockResolvedValue(null); // the portal lost ids[0]
    const result = await app.get(DossierSyncService).reconcile({ graceMs: 1000 });
    // ids[1] was just replayed (recent activity): left to its own job.
    expect(result).toEqual({ requeued: 2, verified: 1, mismatched: 1 });
    expect(portal.lookup).toHaveBeenCalledWith('000.00.02.H98', '000.00.02.H98-260609-0001');
    const jobs = await queue.getJobs(['waiting']);
    expect(jobs.map((j) => j.data.dossierId).sort()).toEqual([ids[0], ids[2]].sort());
    const [state] = await ds.query(`SELECT version_acked FROM dossier_sync_state WHERE dossier_id = $1`, [ids[0]]);
    expect(state.version_acked).toBe(0);

    // What the portal holds as acknowledged is left alone.
    await queue.obliterate({ force: true });
    await ds.query(`INSERT INTO dossier_sync_state (dossier_id) SELECT unnest($1::uuid[]) ON CONFLICT DO NOTHING`, [ids]);
    await ds.query(`UPDATE dossier_sync_state SET version_acked = 2, last_status_code = 4, acked_at = now() - interval '1 hour', updated_at = now() - interval '1 hour', verified_at = NULL`);
    portal.lookup.mockResolvedValue({ MaHoSo: 'x', PhienBan: 2, TrangThaiHoSo: 4 });
    expect(await app.get(DossierSyncService).reconcile({ graceMs: 1000 })).toEqual({ requeued: 0, verified: 3, mismatched: 0 });
  });
});
