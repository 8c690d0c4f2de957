import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword } from '@dvc/platform/identity';
import { documentsFor } from './test-documents';
import { startTestApp, TestApp } from './test-app';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

jest.setTimeout(60_000);

type Page = { items: { id: string; status: string }[]; nextCursor: string | null };

/**
 * The inbox of an official serving several units reads each unit's (and status') page from its own
 * index and merges them: the pages must still be the (due date, id) order of all their dossiers,
 * without gaps or repeats, for every filter; the counts must be those of all the units.
 */
describe('desk inbox over several units (real PostgreSQL)', () => {
  let t: TestApp;
  let storageDir: string;
  let citizen: string;
  let leader: string;
  let keySeq = 0;

  const submit = async (agency: string, procedureCode = '1.004873') =>
    (
      await t.http
        .post('/api/v1/dossiers')
        .set(auth(citizen))
        .set('Idempotency-Key', `units-${++keySeq}`)
        .send({
          procedureCode,
          receivingAgencyCode: agency,
          formData: {
            hoTen: 'NGUYỄN VĂN AN',
            ngaySinh: '1999-01-01',
            gioiTinh: 'Nam',
            soDinhDanh: '001099012345',
            noiCuTru: 'Phường Bình Minh, tỉnh Demo',
            tinhTrangHonNhan: 'Chưa đăng ký kết hôn với ai',
            mucDichSuDung: 'Bổ sung hồ sơ xin việc',
            soBan: 1,
          },
          attachments: await documentsFor(t, citizen, procedureCode),
        })
        .expect(201)
    ).body.id as string;

  /** Every page of an inbox query, limit 2, following the cursors. */
  const walk = async (query: string) => {
    const seen: Page['items'] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 20; pages++) {
      const url = `/api/v1/desk/dossiers?limit=2${query}${after ? `&after=${after}` : ''}`;
      const page: Page = (await t.http.get(url).set(auth(leader)).expect(200)).body;
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items);
      after = page.nextCursor;
      if (!after) break;
    }
    return seen.map((i) => i.id);
  };

  /** The same list straight from SQL. */
  const expected = async (where: string, params: unknown[] = []) =>
    (
      await t.ds.query(
        `SELECT d.id FROM dossier d JOIN procedure p ON p.id = d.procedure_id WHERE ${where} ORDER BY d.due_at, d.id`,
        params,
      )
    ).map((r: { id: string }) => r.id);

  beforeAll(async () => {
    storageDir = await mkdtemp(join(tmpdir(), 'dvc-desk-units-'));
    process.env['STORAGE_DIR'] = storageDir;
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    // A leader at the province: serves the whole subtree (every unit of the demo province).
    await t.ds.query(
      `INSERT INTO official (username, password_hash, full_name, agency_unit_id, roles)
       SELECT 'lanhdao.tinh', $1, 'Lãnh đạo tỉnh', id, ARRAY['leader'] FROM agency_unit WHERE code = '000.00.00.H99'`,
      [await hashPassword('Demo@2026')],
    );
    leader = await t.login('lanhdao.tinh');
    citizen = (
      await t.http
        .post('/api/v1/auth/citizen/login')
        .send({ identityNumber: '001099012345', password: 'Demo@2026' })
        .expect(200)
    ).body.accessToken;
  });
  afterAll(async () => {
    await t.close();
    await rm(storageDir, { recursive: true, force: true });
  });

  it('merges the pages of every unit in (due date, id) order, with filters and counts', async () => {
    const binhMinh = [
      await submit('000.31.00.H99'),
      await submit('000.31.00.H99'),
      await submit('000.31.00.H99'),
    ];
    const tanLap = [
      await submit('000.32.00.H99'),
      await submit('000.32.00.H99'),
      await submit('000.32.00.H99'),
    ];
    // Due dates interleaved across the units, with ties across units for the id tie-break.
    const base = Date.now() + 10 * 86_400_000;
    for (const [i, id] of [binhMinh[0], tanLap[0], tanLap[1], binhMinh[1], binhMinh[2], tanLap[2]].entries())
      await t.ds.query(`UPDATE dossier SET due_at = $2 WHERE id = $1`, [
        id,
        new Date(base + Math.floor(i / 2) * 3_600_000),
      ]);
    // One dossier of each unit moves on, one is past due, one is closed.
    await t.ds.query(
      `UPDATE dossier SET status = 'processing', current_step_id = 'processing' WHERE id = ANY($1::uuid[])`,
      [[binhMinh[1], tanLap[0]]],
    );
    await t.ds.query(`UPDATE dossier SET due_at = now() - interval '1 day' WHERE id = $1`, [tanLap[2]]);
    await t.ds.query(`UPDATE dossier SET status = 'refused', current_step_id = 'refused' WHERE id = $1`, [
      binhMinh[2],
    ]);

    const open = `d.status NOT IN ('refused', 'withdrawn', 'stopped', 'returned')`;
    const all = await walk('');
    expect(all).toEqual(await expected(open));
    expect(all).toHaveLength(5);
    expect(await walk('&status=processing')).toEqual(await expected(`d.status = 'processing'`));
    expect(await walk('&status=submitted,processing,submitted')).toEqual(
      await expected(`d.status IN ('submitted', 'processing')`),
    );
    expect(await walk('&status=refused')).toEqual([binhMinh[2]]);
    expect(await walk('&due=overdue')).toEqual([tanLap[2]]);
    expect(await walk('&procedure=1.004873')).toEqual(all);
    expect(await walk('&procedure=1.001193')).toEqual([]);

    const counts = (await t.http.get('/api/v1/desk/dossiers/counts').set(auth(leader)).expect(200)).body;
    expect(counts).toMatchObject({
      byStatus: { submitted: 3, processing: 2 },
      open: 5,
      overdue: 1,
      assignedToMe: 0,
    });
  });
});
