import { assertDatabaseReachable, DatabaseUnavailableError } from './data-source';

describe('assertDatabaseReachable', () => {
  it('passes for the configured server', async () => {
    // Its maintenance database: the configured one (dvc) exists only once `npm start` has created it.
    const server = new URL(process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/dvc');
    server.pathname = '/postgres';
    await expect(assertDatabaseReachable(server.toString())).resolves.toBeUndefined();
  });

  it('names a database that does not exist', async () => {
    const missing = new URL(process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/dvc');
    missing.pathname = '/dvc_khong_ton_tai';
    const err = await assertDatabaseReachable(missing.toString()).catch((e) => e);
    expect(err).toBeInstanceOf(DatabaseUnavailableError);
    expect(err.message).toContain('dvc_khong_ton_tai');
  });

  it('fails fast with a clear Vietnamese message and no password when the server is down', async () => {
    const err = await assertDatabaseReachable('postgres://postgres:secret@127.0.0.1:1/dvc').catch((e) => e);
    expect(err).toBeInstanceOf(DatabaseUnavailableError);
    expect(err.message).toContain('Không kết nối được PostgreSQL');
    expect(err.message).toContain('postgres:***@127.0.0.1:1');
    expect(err.message).not.toContain('secret');
  });
});
