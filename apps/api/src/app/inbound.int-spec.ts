import { startTestApp, TestApp } from './test-app';

const TOKEN = 'inbound-test-secret-0123456789';

/** A valid e-form of 1.001193 Đăng ký khai sinh (seeded catalog). */
const birthForm = (overrides: Record<string, unknown> = {}) => ({
  hoTenTre: 'NGUYỄN VĂN BÉ',
  ngaySinh: '2026-05-01',
  gioiTinh: 'Nam',
  noiSinh: 'Bệnh viện Đa khoa tỉnh Demo',
  danToc: 'Kinh',
  quocTich: 'Việt Nam',
  me: { hoTen: 'TRẦN THỊ MẸ', soDinhDanh: '001199012345' },
  hoTenNguoiDiKhaiSinh: 'NGUYỄN VĂN AN',
  soDinhDanhNguoiDiKhaiSinh: '001099012345',
  quanHeVoiNguoiDuocKhaiSinh: 'Cha',
  ...overrides,
});

const pushed = (nationalId: string, overrides: Record<string, unknown> = {}) => ({
  nationalId,
  procedureCode: '1.001193',
  receivingAgencyCode: '000.31.00.H99',
  applicantName: 'Nguyễn Văn An',
  applicantIdentityNumber: '001099012345',
  applicantPhone: '0912345678',
  formData: birthForm(),
  submittedAt: '2026-11-24T08:00:00.000Z',
  ...overrides,
});

describe('national portal inbound dossiers (real PostgreSQL)', () => {
  let t: TestApp;
  const url = '/api/v1/integration/national-portal/dossiers';
  const push = (body: object, token: string | null = TOKEN) => {
    const r = t.http.post(url);
    if (token) r.set('Authorization', `Bearer ${token}`);
    return r.send(body);
  };

  beforeAll(async () => {
    process.env['NATIONAL_PORTAL_INBOUND_TOKEN'] = TOKEN;
    t = await startTestApp();
  });
  afterAll(async () => {
    delete process.env['NATIONAL_PORTAL_INBOUND_TOKEN'];
    await t.close();
  });

  it('refuses without the shared secret or with a wrong one (401)', async () => {
    await push(pushed('G22-NO-TOKEN'), null).expect(401);
    await push(pushed('G22-BAD-TOKEN'), 'wrong-secret-wrong-secret').expect(401);
    const [r] = await t.ds.query(`SELECT count(*)::int AS n FROM inbound_dossier`);
    expect(r.n).toBe(0);
  });

  it('accepts a dossier into the normal workflow (channel online, code, first event, outbox) and deduplicates by national id', async () => {
    const res = await push(pushed('G22.99-261124-000001')).expect(201);
    expect(res.body).toMatchObject({ nationalId: 'G22.99-261124-000001', status: 'submitted' });
    expect(res.body.code).toMatch(/^000\.31\.00\.H99-\d{6}-\d{4}$/);
    const id = res.body.id as string;
    const [d] = await t.ds.query(`SELECT channel, status, applicant_name, applicant_citizen_id FROM dossier WHERE id = $1`, [id]);
    expect(d).toEqual({ channel: 'online', status: 'submitted', applicant_name: 'Nguyễn Văn An', applicant_citizen_id: null });
    const events = await t.ds.query(`SELECT type, actor_kind, to_status FROM dossier_event WHERE dossier_id = $1`, [id]);
    expect(events).toEqual([{ type: 'submitted', actor_kind: 'system', to_status: 'submitted' }]);
    const outbox = await t.ds.query(`SELECT topic, payload FROM outbox_message WHERE aggregate_id = $1`, [id]);
    expect(outbox).toEqual([{ topic: 'dossier.status.changed', payload: { dossierId: id } }]);

    const again = await push(pushed('G22.99-261124-000001')).expect(200);
    expect(again.body.id).toBe(id);
    expect(again.body.code).toBe(res.body.code);
    const [n] = await t.ds.query(`SELECT count(*)::int AS n FROM inbound_dossier WHERE national_id = $1`, ['G22.99-261124-000001']);
    expect(n.n).toBe(1);
  });

  it('concurrent pushes of one national id make one dossier', async () => {
    const results = await Promise.all([1, 2, 3].map(() => push(pushed('G22.99-261124-000002'))));
    const ids = new Set(results.map((r) => r.body.id));
    expect(ids.size).toBe(1);
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 201]);
  });

  it('rejects an invalid e-form (400 naming the field)', async () => {
    const { hoTenTre: _omit, ...form } = birthForm();
    const res = await push(pushed('G22.99-261124-000003', { formData: form })).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(res.body)).toContain('hoTenTre');
  });

  it('rejects an agency that does not implement the procedure (400)', async () => {
    const res = await push(pushed('G22.99-261124-000004', { receivingAgencyCode: '000.00.00.H99' })).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });

  it('answers 404 for an unknown procedure', async () => {
    const res = await push(pushed('G22.99-261124-000005', { procedureCode: '1.999999' })).expect(404);
    expect(res.body.code).toBe('PROCEDURE_NOT_FOUND');
  });
});
