import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '@dvc/shared/config';
import { assertDatabaseReachable, dataSourceOptions, ensureDatabaseExists } from '@dvc/shared/database';
import { ALL_MIGRATIONS } from '@dvc/migrations';

/** One-shot migrator: creates the database if needed and applies pending migrations. */
export async function migrate(url: string): Promise<string[]> {
  await ensureDatabaseExists(url);
  const ds = new DataSource(dataSourceOptions({ url, entities: [], migrations: ALL_MIGRATIONS }));
  await ds.initialize();
  try {
    const done = await ds.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  const config = loadConfig();
  const adminUrl = new URL(config.DATABASE_URL);
  adminUrl.pathname = '/postgres';
  assertDatabaseReachable(adminUrl.toString())
    .then(() => migrate(config.DATABASE_URL))
    .then((names) => console.log(names.length ? `Đã áp dụng ${names.length} migration: ${names.join(', ')}` : 'Cơ sở dữ liệu đã ở phiên bản mới nhất'))
    .catch((e) => {
      console.error(`[migrate] ${e instanceof Error ? e.message : e}`);
      process.exit(1);
    });
}
