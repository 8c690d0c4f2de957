import { OFFICIAL_SCHEDULES_2024_2026, toLocalDate, WorkingCalendar } from '@dvc/one-stop/calendar';
import { codeDay } from '@dvc/public-service/intake';
import { documentsFor } from './test-documents';
import { startTestApp, TestApp } from './test-app';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

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

const submission = (agency = '000.31.00.H99', form: Record<string, unknown> = birthForm()) => ({ procedureCode: '1.001193', receivingAgencyCode: agency, formData: form });

describe('intake API (real PostgreSQL)', () => {
  let t: TestApp;
  let citizen: string;
  let other: string;
  let keySeq = 0;
  const key = () => `test-key-${++keySeq}`;

  const citizenLogin = async (identityNumber: string) =>
    (await t.http.post('/api/v1/auth/citizen/login').send({ identityNumber, password: 'Demo@2026' }).expect(200)).body.accessToken as string;
  /**
   * Submits `body`, first uploading small PDFs for the procedure's required documents when it
   * names no `attachments` (online submissions must carry them). `.expect(status)` as in supertest.
   */
  const submit = (body: object, k = key(), token = citizen) => {
    const b = body as { procedureCode?: string; attachments?: unknown };
    const sent = (async () => {
      const attachments = b.attachments ?? (await documentsFor(t, token, b.procedureCode ?? ''));
      return t.http.post('/api/v1/dossiers').set(auth(token)).set('Idempotency-Key', k).send({ ...body, attachments });
    })();
    return Object.assign(sent, {
      expect: async (status: number) => {
        const res = await sent;
        if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
        return res;
      },
    });
  };

  beforeAll(async () => {
    t = await startTestApp();
    // Listen once, so concurrent requests share one server instead of each binding its own.
    await t.app.listen(0, '127.0.0.1');
    citizen = await citizenLogin('001099012345');
    other = await citizenLogin('079188004321');
  });
  afterAll(() => t.close());

  it('refuses without a token (401) and to an official (403)', async () => {
    await t.http.post('/api/v1/dossiers').set('Idempotency-Key', 'k').send(submission()).expect(401);
    await t.http.get('/api/v1/dossiers').expect(401);
    const officer = await t.login('tiepnhan.binhminh');
    const res = await t.http.post('/api/v1/dossiers').set(auth(officer)).set('Idempotency-Key', 'k').send(submission()).expect(403);
    expect(res.body.code).toBe('FORBIDDEN');
    await t.http.get('/api/v1/dossiers').set(auth(officer)).expect(403);
  });

  it('submits a dossier: code per TT 01/2018, status 1 "Mới đăng ký", receipt and due dates, first event', async () => {
    const res = await submit(submission()).expect(201);
    const d = res.body;
    const day = codeDay(new Date(d.receivedAt)).replace(/-/g, '').slice(2);
    expect(d.code).toBe(`000.31.00.H99-${day}-0001`);
    expect(d.code).toMatch(/^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4}$/);
    expect(d).toMatchObject({
      status: 'submitted',
      statusCode: 1,
      statusLabel: 'Mới đăng ký',
      channel: 'online',
      procedure: { code: '1.001193', name: 'Đăng ký khai sinh' },
      receivingAgency: { code: '000.31.00.H99' },
      applicant: { name: 'Nguyễn Văn An', identityNumber: '001099012345', phone: '0912345678' },
      formData: birthForm(),
    });
    expect(new Date(d.receivedAt).getTime()).toBeGreaterThanOrEqual(new Date(d.submittedAt).getTime());
    expect(new Date(d.dueAt).getTime()).toBeGreaterThan(new Date(d.receivedAt).getTime());
    expect(res.headers['location']).toBe(`/api/v1/dossiers/${d.id}`);

    const detail = await t.http.get(`/api/v1/dossiers/${d.id}`).set(auth(citizen)).expect(200);
    expect(detail.body.events).toEqual([expect.objectContaining({ type: 'submitted', actorKind: 'citizen', fromStatus: null, toStatus: 'submitted' })]);
    const [v] = await t.ds.query(`SELECT v.status FROM dossier d JOIN procedure_version v ON v.id = d.procedure_version_id WHERE d.id = $1`, [d.id]);
    expect(v.status).toBe('published');
    // The status change is in the outbox, written in the same transaction, for the national portal sync.
    const outbox = await t.ds.query(`SELECT topic, payload FROM outbox_message WHERE aggregate_id = $1`, [d.id]);
    expect(outbox).toEqual([{ topic: 'dossier.status.changed', payload: { dossierId: d.id } }]);
  });

  it('names the e-form fields that violate the schema, in Vietnamese', async () => {
    const { hoTenTre: _omit, ...form } = birthForm({ gioiTinh: 'Khác', me: { hoTen: 'TRẦN THỊ MẸ', soDinhDanh: '12ab' } });
    const res = await submit(submission('000.31.00.H99', form)).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { field: '/hoTenTre', message: 'Họ, chữ đệm, tên người được khai sinh là thông tin bắt buộc' },
        { field: '/gioiTinh', message: 'Giới tính phải là một trong các giá trị: Nam, Nữ' },
        { field: '/me/soDinhDanh', message: 'Số định danh cá nhân của mẹ không đúng định dạng' },
      ]),
    );
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM dossier`);
    expect(n).toBe(1);
  });

  it('refuses a missing Idempotency-Key, an unknown procedure and an agency that does not handle it', async () => {
    const noKey = await t.http.post('/api/v1/dossiers').set(auth(citizen)).send(submission()).expect(400);
    expect(noKey.body.errors[0].field).toBe('Idempotency-Key');
    await t.http.post('/api/v1/dossiers').set(auth(citizen)).set('Idempotency-Key', 'x'.repeat(101)).send(submission()).expect(400);
    const unknown = await submit({ ...submission(), procedureCode: '9.999999' }).expect(404);
    expect(unknown.body.code).toBe('PROCEDURE_NOT_FOUND');
    const wrongAgency = await submit(submission('000.00.11.H99')).expect(400);
    expect(wrongAgency.body.errors[0].field).toBe('receivingAgencyCode');
    const badBody = await submit({ ...submission(), formData: 'x' }).expect(400);
    expect(badBody.body.errors[0].field).toBe('formData');
  });

  it('refuses a submission without its required documents (400), naming them', async () => {
    const none = await submit({ ...submission(), attachments: [] }).expect(400);
    expect(none.body.errors).toEqual([
      { field: 'attachments', message: expect.stringContaining('(TP01)') },
      { field: 'attachments', message: expect.stringContaining('(TP02)') },
    ]);
    // Omitting `attachments` altogether is no way around it.
    const omitted = await t.http.post('/api/v1/dossiers').set(auth(citizen)).set('Idempotency-Key', key()).send(submission()).expect(400);
    expect(omitted.body.errors.map((e: { message: string }) => e.message)).toEqual([expect.stringContaining('(TP01)'), expect.stringContaining('(TP02)')]);
  });

  it('refuses a retired procedure with 404', async () => {
    const admin = await t.login('admin');
    const list = await t.http.get('/api/v1/admin/procedures').set(auth(admin)).expect(200);
    const p = list.body.find((x: { code: string }) => x.code === '1.000656');
    const published = p.versions.find((v: { status: string }) => v.status === 'published');
    await t.http.post(`/api/v1/admin/procedure-versions/${published.id}/retire`).set(auth(admin)).expect(200);
    const res = await submit({ procedureCode: '1.000656', receivingAgencyCode: '000.31.00.H99', formData: {} }).expect(404);
    expect(res.body.code).toBe('PROCEDURE_NOT_FOUND');
  });

  it('returns the same dossier on a retry with the same key, also for concurrent duplicates', async () => {
    const k = key();
    const first = await submit(submission(), k).expect(201);
    const again = await submit(submission(), k).expect(200);
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.code).toBe(first.body.code);
    const reused = await submit(submission('000.31.00.H99', birthForm({ hoTenTre: 'KHÁC' })), k).expect(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');

    const k2 = key();
    const racing = await Promise.all(Array.from({ length: 6 }, () => submit(submission('000.31.00.H99'), k2)));
    expect(racing.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(racing.map((r) => r.body.id)).size).toBe(1);
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM dossier WHERE idempotency_key = $1`, [k2]);
    expect(n).toBe(1);
    // The same key is the other citizen's own: it creates their dossier.
    const theirs = await submit(submission(), k, other).expect(201);
    expect(theirs.body.id).not.toBe(first.body.id);
  });

  it('numbers 20 concurrent submissions to one unit on one day 0001…0020 without gaps or duplicates', async () => {
    const res = await Promise.all(Array.from({ length: 20 }, () => submit(submission('000.32.00.H99'))));
    expect(res.map((r) => r.status)).toEqual(Array(20).fill(201));
    const codes = res.map((r) => r.body.code as string).sort();
    const prefixes = new Set(codes.map((c) => c.slice(0, -5)));
    expect(prefixes.size).toBe(1);
    expect(codes.map((c) => c.slice(-4))).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(4, '0')));
    const [counter] = await t.ds.query(
      `SELECT c.last_seq FROM dossier_code_counter c JOIN agency_unit a ON a.id = c.agency_id WHERE a.code = '000.32.00.H99'`,
    );
    expect(counter.last_seq).toBe(20);
  });

  it('a transaction failing after the number was taken leaves no dossier and no consumed number', async () => {
    // Fails the outbox insert — the last write of the transaction, after the counter, dossier and event.
    await t.ds.query(`
      CREATE FUNCTION test_fail_dossier() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (SELECT form_data->>'noiSinh' FROM dossier WHERE id = NEW.aggregate_id) = 'FAIL' THEN RAISE EXCEPTION 'forced failure'; END IF;
        RETURN NEW;
      END $$`);
    await t.ds.query(`CREATE TRIGGER trg_test_fail_dossier BEFORE INSERT ON outbox_message FOR EACH ROW EXECUTE FUNCTION test_fail_dossier()`);
    try {
      const failed = await submit(submission('000.33.00.H99', birthForm({ noiSinh: 'FAIL' }))).expect(500);
      expect(failed.body.code).toBe('INTERNAL');
      const rows = await t.ds.query(
        `SELECT (SELECT count(*)::int FROM dossier d WHERE d.receiving_agency_id = a.id) AS dossiers,
                (SELECT count(*)::int FROM dossier_code_counter c WHERE c.agency_id = a.id) AS counters,
                (SELECT count(*)::int FROM dossier_event e JOIN dossier d ON d.id = e.dossier_id WHERE d.receiving_agency_id = a.id) AS events
         FROM agency_unit a WHERE a.code = '000.33.00.H99'`,
      );
      expect(rows[0]).toEqual({ dossiers: 0, counters: 0, events: 0 });
    } finally {
      await t.ds.query(`DROP TRIGGER trg_test_fail_dossier ON outbox_message`);
      await t.ds.query(`DROP FUNCTION test_fail_dossier()`);
    }
    const ok = await submit(submission('000.33.00.H99')).expect(201);
    expect(ok.body.code).toMatch(/-0001$/);
  });

  it('pads the sequence to 4 digits and grows beyond 9999 instead of wrapping (TT 01/2018)', async () => {
    const first = (await submit(submission('000.33.00.H99')).expect(201)).body;
    expect(first.code).toMatch(/^000\.33\.00\.H99-\d{6}-\d{4}$/);
    await t.ds.query(
      `UPDATE dossier_code_counter c SET last_seq = 9998 FROM agency_unit a WHERE a.id = c.agency_id AND a.code = '000.33.00.H99'`,
    );
    const codes = [(await submit(submission('000.33.00.H99')).expect(201)).body.code, (await submit(submission('000.33.00.H99')).expect(201)).body.code];
    const prefix = first.code.slice(0, -4);
    expect(codes).toEqual([`${prefix}9999`, `${prefix}10000`]);
  });

  it('lists my dossiers newest first and hides other people\'s dossiers (404)', async () => {
    const mine = await t.http.get('/api/v1/dossiers').set(auth(citizen)).expect(200);
    expect(mine.body.total).toBeGreaterThan(20);
    const times = mine.body.items.map((d: { submittedAt: string }) => d.submittedAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(mine.body.items[0]).not.toHaveProperty('formData');
    const theirs = await t.http.get('/api/v1/dossiers').set(auth(other)).expect(200);
    expect(theirs.body.total).toBe(1);
    const res = await t.http.get(`/api/v1/dossiers/${mine.body.items[0].id}`).set(auth(other)).expect(404);
    expect(res.body.code).toBe('DOSSIER_NOT_FOUND');
    await t.http.get('/api/v1/dossiers/not-a-uuid').set(auth(citizen)).expect(404);
  });

  it('keeps the history append-only', async () => {
    await expect(t.ds.query(`UPDATE dossier_event SET note = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.ds.query(`DELETE FROM dossier_event`)).rejects.toThrow(/append-only/);
  });

  it('public lookup: code + phone or identity number, no personal data; the same 404 for a wrong code or factor', async () => {
    const d = (await submit(submission()).expect(201)).body;
    for (const factor of ['0912345678', '+84 912 345 678', '001099012345']) {
      const res = await t.http.get('/api/v1/public/dossiers/lookup').query({ code: d.code, factor }).expect(200);
      expect(res.body).toEqual({
        code: d.code,
        procedureName: 'Đăng ký khai sinh',
        statusCode: 1,
        statusLabel: 'Mới đăng ký',
        receivedAt: d.receivedAt,
        dueAt: d.dueAt,
      });
    }
    const wrongFactor = await t.http.get('/api/v1/public/dossiers/lookup').query({ code: d.code, factor: '0987654321' }).expect(404);
    const wrongCode = await t.http.get('/api/v1/public/dossiers/lookup').query({ code: '000.31.00.H99-000101-9999', factor: '0912345678' }).expect(404);
    expect(wrongFactor.body.code).toBe('DOSSIER_NOT_FOUND');
    expect({ ...wrongCode.body, instance: undefined, requestId: undefined }).toEqual({ ...wrongFactor.body, instance: undefined, requestId: undefined });
    await t.http.get('/api/v1/public/dossiers/lookup').query({ code: d.code }).expect(400);
  });

  it('counts a day off declared by an administrator (calendar_day): received on the next working day', async () => {
    const base = new WorkingCalendar(OFFICIAL_SCHEDULES_2024_2026);
    const receiptDay = codeDay(base.receivedAt(new Date()));
    const admin = await t.login('quantri.binhminh');
    await t.http
      .put(`/api/v1/admin/calendar/${receiptDay.slice(0, 4)}`)
      .set(auth(admin))
      .send({ days: [{ date: receiptDay, kind: 'day_off', name: 'Ngày nghỉ đột xuất', effectiveFrom: toLocalDate(new Date()), source: 'Thông báo thử nghiệm' }] })
      .expect(200);
    const d = (await submit(submission()).expect(201)).body;
    expect(codeDay(new Date(d.receivedAt)) > receiptDay).toBe(true);
    expect(d.code).toContain(`-${codeDay(new Date(d.receivedAt)).replace(/-/g, '').slice(2)}-`);
  });

  it('pins the version put in force after this process last read the procedure, and refuses it once retired', async () => {
    const first = (await submit(submission()).expect(201)).body; // the API now remembers version 1
    expect(first.procedure.version).toBe(1);
    const admin = await t.login('admin');
    const p = (await t.http.get('/api/v1/admin/procedures').set(auth(admin)).expect(200)).body.find((x: { code: string }) => x.code === '1.001193');
    const v2 = (await t.http.post(`/api/v1/admin/procedures/${p.id}/versions`).set(auth(admin)).expect(201)).body;
    await t.http.post(`/api/v1/admin/procedure-versions/${v2.id}/publish`).set(auth(admin)).expect(200);
    const next = (await submit(submission()).expect(201)).body;
    expect(next.procedure).toMatchObject({ version: 2, versionId: v2.id });
    await t.http.post(`/api/v1/admin/procedure-versions/${v2.id}/retire`).set(auth(admin)).expect(200);
    const refused = await submit(submission()).expect(404);
    expect(refused.body.code).toBe('PROCEDURE_NOT_FOUND');
  });
});
