import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from '@dvc/shared/config';
import { assertDatabaseReachable, dataSourceOptions } from '@dvc/shared/database';
import { ALL_MIGRATIONS } from '@dvc/migrations';
import { adminQuery, databaseUrlFor, TEMPLATE_DB_ENV } from './test-env';

/** Jest global setup of the integration project: migrate a template database once per run. */
export default async function globalSetup(): Promise<void> {
  const config = loadConfig();
  await assertDatabaseReachable(databaseUrlFor('postgres'));
  const name = `tpl_${randomBytes(5).toString('hex')}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  const ds = new DataSource(
    dataSourceOptions({ url: databaseUrlFor(name), entities: [], migrations: ALL_MIGRATIONS }),
  );
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
  process.env[TEMPLATE_DB_ENV] = name;
  process.env['REDIS_URL'] = config.REDIS_URL;
}
