import { createServer } from 'node:net';
import { startTestApp, TestApp } from './test-app';

/** A port nothing listens on: the national portal is unreachable. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe('catalog refresh admin API', () => {
  let t: TestApp;

  beforeAll(async () => {
    process.env['NATIONAL_PORTAL_URL'] = `http://127.0.0.1:${await closedPort()}`;
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
    delete process.env['NATIONAL_PORTAL_URL'];
  });

  it('lets the system admin and the province admin refresh, and nobody else', async () => {
    for (const user of ['quantri.stp', 'chuyenvien.stp']) {
      const res = await t.http.post('/api/v1/admin/catalog/refresh').set('Authorization', `Bearer ${await t.login(user)}`).expect(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    await t.http.post('/api/v1/admin/catalog/refresh').expect(401);
    expect(await t.ds.query(`SELECT id FROM catalog_feed_run`)).toEqual([]);
  });

  it('records a failed run, changing nothing, when the portal cannot be reached, and lists the runs', async () => {
    const versions = await t.ds.query(`SELECT count(*) AS n FROM procedure_version`);
    const token = await t.login('quantri.tinh');
    const run = await t.http.post('/api/v1/admin/catalog/refresh').set('Authorization', `Bearer ${token}`).expect(200);
    expect(run.body).toMatchObject({ trigger: 'manual', status: 'failed', created: 0, updated: 0, items: [] });
    expect(run.body.error).toMatch(/ECONNREFUSED/);
    expect(await t.ds.query(`SELECT count(*) AS n FROM procedure_version`)).toEqual(versions);
    const list = await t.http.get('/api/v1/admin/catalog/refresh').set('Authorization', `Bearer ${await t.login('admin')}`).expect(200);
    expect(list.body.map((r: { id: string }) => r.id)).toEqual([run.body.id]);
    await t.http.get('/api/v1/admin/catalog/refresh').set('Authorization', `Bearer ${await t.login('tiepnhan.tinh')}`).expect(403);
  });
});
