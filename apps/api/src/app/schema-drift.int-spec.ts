import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@dvc/shared/database';
import { createTestDatabase, TestDatabase } from '@dvc/shared/testing';
import { ALL_ENTITIES } from './entities';

/**
 * Drift gate: after all migrations, TypeORM must find nothing to change between the entities and
 * the schema (what `migration:generate` would write). A failure lists the statements it wants.
 */
describe('schema drift', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = new DataSource(dataSourceOptions({ url: db.url, entities: ALL_ENTITIES }));
    await ds.initialize();
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('entities match the migrated schema', async () => {
    const sql = await ds.driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).toEqual([]);
  });
});
