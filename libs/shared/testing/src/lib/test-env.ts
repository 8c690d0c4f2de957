import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from '@dvc/shared/config';

/** Name of the migrated template database of this test run (set by the global setup). */
export const TEMPLATE_DB_ENV = 'DVC_TEST_TEMPLATE_DB';

export function databaseUrlFor(name: string): string {
  const url = new URL(loadConfig().DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function adminQuery<T = unknown>(sql: string): Promise<T> {
  const ds = new DataSource({ type: 'postgres', url: databaseUrlFor('postgres') });
  await ds.initialize();
  try {
    return await ds.query(sql);
  } finally {
    await ds.destroy();
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh database for one spec file, copied from the run's migrated template
 * (`CREATE DATABASE … TEMPLATE`), so each file starts from the real schema in milliseconds.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = process.env[TEMPLATE_DB_ENV];
  if (!template) throw new Error(`${TEMPLATE_DB_ENV} is not set: run integration specs through jest --selectProjects integration`);
  const name = `t_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  return {
    name,
    url: databaseUrlFor(name),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).then(() => undefined),
  };
}

/** A Redis key prefix of its own for one spec file. */
export function testRedisPrefix(): string {
  return `test-${randomBytes(6).toString('hex')}`;
}
