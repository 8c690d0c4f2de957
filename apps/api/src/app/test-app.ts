import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { loadConfig } from '@dvc/shared/config';
import { dataSourceOptions } from '@dvc/shared/database';
import { createTestDatabase, testRedisPrefix, TestDatabase } from '@dvc/shared/testing';
import { seed } from '../seed/seed';
import { createApp } from './create-app';
import { ALL_ENTITIES } from './entities';

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  ds: DataSource;
  db: TestDatabase;
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The real API on a fresh database copied from the migrated template, seeded with the demo data,
 * and its own Redis key prefix. Used by the API's integration specs.
 */
export async function startTestApp(): Promise<TestApp> {
  const db = await createTestDatabase();
  process.env['DATABASE_URL'] = db.url;
  process.env['REDIS_PREFIX'] = testRedisPrefix();
  process.env['LOG_LEVEL'] = 'silent';
  const config = loadConfig();
  const ds = new DataSource(dataSourceOptions({ url: db.url, entities: ALL_ENTITIES }));
  await ds.initialize();
  await seed(ds);
  const app = await createApp(config, { logger: false });
  await app.init();
  const http = request(app.getHttpServer());
  return {
    app,
    http,
    ds,
    db,
    async login(username, password = 'Demo@2026') {
      const res = await request(app.getHttpServer()).post('/api/v1/auth/official/login').send({ username, password }).expect(200);
      return res.body.accessToken as string;
    },
    async close() {
      await app.close();
      await ds.destroy();
      await db.drop();
    },
  };
}
