import { DataSource, DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface DatabaseOptions {
  url: string;
  entities: NonNullable<DataSourceOptions['entities']>;
  migrations?: DataSourceOptions['migrations'];
  poolSize?: number;
  logging?: boolean;
}

/** The one way the API, worker, migrator and tests build their TypeORM options. Never `synchronize`. */
export function dataSourceOptions(o: DatabaseOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: o.url,
    entities: o.entities,
    migrations: o.migrations ?? [],
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    // Failed queries are not logged by TypeORM: their parameters hold personal data. Errors still
    // reach the exception filter, which logs them without parameters.
    logging: o.logging ? ['error', 'warn', 'query'] : false,
    extra: { max: o.poolSize ?? 10, application_name: 'dvc' },
  };
}

export class DatabaseUnavailableError extends Error {}

/**
 * Connects once to tell a missing server from a missing database with a clear message,
 * so a misconfigured start fails fast instead of retrying forever.
 */
export async function assertDatabaseReachable(url: string): Promise<void> {
  const ds = new DataSource({ type: 'postgres', url, extra: { connectionTimeoutMillis: 5000 } });
  try {
    await ds.initialize();
    await ds.query('SELECT 1');
  } catch (e) {
    const safeUrl = url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');
    throw new DatabaseUnavailableError(
      `Không kết nối được PostgreSQL tại ${safeUrl}: ${(e as Error).message}. ` +
        'Kiểm tra DATABASE_URL và dịch vụ PostgreSQL (pg_ctlcluster ... main start).',
    );
  } finally {
    if (ds.isInitialized) await ds.destroy();
  }
}

/** Creates the database named in `url` if it does not exist (connects to the `postgres` database). */
export async function ensureDatabaseExists(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const ds = new DataSource({ type: 'postgres', url: admin.toString() });
  await ds.initialize();
  try {
    const rows = await ds.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rows.length === 0) await ds.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await ds.destroy();
  }
}
