import { assertDatabaseReachable, DatabaseUnavailableError } from './data-source';

describe('assertDatabaseReachable', () => {
  it('passes for the configured server', async () => {
    await expect(assertDatabaseReachable(process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres')).resolves.toBeUndefined();
  });

  it('fails fast with a clear Vietnamese message and no password when the server is down', async () => {
    const err = await assertDatabaseReachable('postgres://postgres:secret@127.0.0.1:1/dvc').catch((e) => e);
    expect(err).toBeInstanceOf(DatabaseUnavailableError);
    expect(err.message).toContain('Không kết nối được PostgreSQL');
    expect(err.message).toContain('postgres:***@127.0.0.1:1');
    expect(err.message).not.toContain('secret');
  });
});
