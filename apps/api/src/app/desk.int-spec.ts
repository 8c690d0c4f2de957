import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OFFICIAL_SCHEDULES_2024_2026, toLocalDate, WorkingCalendar } from '@dvc/one-stop/calendar';
import { SlaService } from '@dvc/one-stop/desk';
import { hashPassword } from '@dvc/platform/identity';
import { documentsFor } from './test-documents';
import { startTestApp, TestApp } from './test-app';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

const maritalForm = (soDinhDanh = '001099012345') => ({
  hoTen: 'NGUYỄN VĂN AN',
  ngaySinh: '1999-01-01',
  gioiTinh: 'Nam',
  soDinhDanh,
  noiCuTru: 'Phường Bình Minh, tỉnh Demo',
  tinhTrangHonNhan: 'Chưa đăng ký kết hôn với ai',
  mucDichSuDung: 'Bổ sung hồ sơ xin việc',
  soBan: 1,
});

// `testTimeout` of a Jest project is ignored (it is a global option): starting the app can take longer than 5 s.
jest.setTimeout(60_000);

/**
 * The desk's reads and access rules on real PostgreSQL: inbox (scope, filters, keyset pages,
 * counts), the access matrix of roles × units × actions, in-person intake, the calendar
 * administration and the overdue board with Mẫu 04.
 */
describe('one-stop desk API (real PostgreSQL)', () => {
  let t: TestApp;
  let storageDir: string;
  let citizen: string;
  let keySeq = 0;
  const tok: Record<string, string> = {};
  const ids: Record<string, string> = {};

  const submit = async (agency = '000.31.00.H99', procedureCode = '1.004873') =>
    (
      await t.http
        .post('/api/v1/dossiers')
        .set(auth(citizen))
        .set('Idempotency-Key', `desk-${++keySeq}`)
        .send({ procedureCode, receivingAgencyCode: agency, formData: maritalForm(), attachments: await documentsFor(t, citizen, procedureCode) })
        .expect(201)
    ).body.id as string;
  const get = (who: string, url: string) => t.http.get(url).set(auth(tok[who]));
  const detail = async (who: string, id: string) =>
    (await get(who, `/api/v1/desk/dossiers/${id}`).expect(200)).body;
  const act = async (who: string, id: string, action: string, extra: object = {}) => {
    const v = (await detail(who, id)).rowVersion;
    return t.http
      .post(`/api/v1/desk/dossiers/${id}/actions`)
      .set(auth(tok[who]))
      .send({ action, expectedVersion: v, ...extra });
  };

  beforeAll(async () => {
    storageDir = await mkdtemp(join(tmpdir(), 'dvc-desk-'));
    process.env['STORAGE_DIR'] = storageDir;
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    const passwordHash = await hashPassword('Demo@2026');
    // Desks of a second commune and of Sở Tư pháp, which the seed does not have.
    for (const [username, code] of [
      ['tiepnhan.tanlap', '000.32.00.H99'],
      ['tiepnhan.stp', '000.00.11.H99'],
    ]) {
      await t.ds.query(
        `INSERT INTO official (username, password_hash, full_name, agency_unit_id, roles)
         SELECT $1, $2, 'Cán bộ một cửa', id, ARRAY['intake_officer'] FROM agency_unit WHERE code = $3`,
        [username, passwordHash, code],
      );
    }
    for (const u of [
      'tiepnhan.binhminh',
      'chuyenvien.binhminh',
      'lanhdao.binhminh',
      'quantri.binhminh',
      'tiepnhan.tanlap',
      'tiepnhan.stp',
      'chuyenvien.stp',
      'lanhdao.stp',
      'tiepnhan.tinh',
      'quantri.tinh',
      'admin',
    ]) {
      tok[u] = await t.login(u);
      ids[u] = (await t.ds.query(`SELECT id FROM official WHERE username = $1`, [u]))[0].id;
    }
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

  it('refuses the desk without a token (401) and to citizens and administrators (403)', async () => {
    await t.http.get('/api/v1/desk/dossiers').expect(401);
    await t.http.get('/api/v1/desk/dossiers').set(auth(citizen)).expect(403);
    for (const admin of ['admin', 'quantri.binhminh', 'quantri.tinh']) {
      const res = await get(admin, '/api/v1/desk/dossiers').expect(403);
      expect(res.body.code).toBe('FORBIDDEN');
      await get(admin, '/api/v1/desk/dossiers/counts').expect(403);
      await get(admin, '/api/v1/desk/overdue').expect(403);
    }
  });

  it('inbox: only the units I serve, keyset pages on (due date, id), filters and counts', async () => {
    const mine = [await submit(), await submit(), await submit(), await submit(), await submit()];
    const theirs = await submit('000.32.00.H99');
    // Distinct and equal due dates, to exercise the id tie-break.
    const base = Date.now() + 10 * 86_400_000;
    for (const [i, id] of mine.entries()) {
      await t.ds.query(`UPDATE dossier SET due_at = $2 WHERE id = $1`, [
        id,
        new Date(base + Math.floor(i / 2) * 3_600_000),
      ]);
    }
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const url = `/api/v1/desk/dossiers?limit=2${after ? `&after=${after}` : ''}`;
      const page: { items: { id: string; dueAt: string }[]; nextCursor: string | null; limit: number } = (
        await get('tiepnhan.binhminh', url).expect(200)
      ).body;
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => i.id));
      after = page.nextCursor;
      pages++;
    } while (after && pages < 10);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(mine));
    expect(seen).not.toContain(theirs);
    const all = (await get('tiepnhan.binhminh', '/api/v1/desk/dossiers?limit=100').expect(200)).body
      .items as { id: string; dueAt: string }[];
    expect(all.map((i) => i.id)).toEqual(seen);
    const sorted = [...all].sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id));
    expect(all.map((i) => i.id)).toEqual(sorted.map((i) => i.id));
    expect(all[0]).toMatchObject({
      status: 'submitted',
      statusCode: 1,
      step: { id: 'intake', name: 'Tiếp nhận hồ sơ' },
      currentUnit: { code: '000.31.00.H99' },
      rowVersion: 1,
    });

    // The other commune sees only its own.
    const other = (
      await get('tiepnhan.tanlap', '/api/v1/desk/dossiers?limit=100').expect(200)
    ).body.items.map((i: { id: string }) => i.id);
    expect(other).toContain(theirs);
    expect(other.filter((id: string) => mine.includes(id))).toEqual([]);

    // Filters.
    expect((await act('tiepnhan.binhminh', mine[0], 'accept')).status).toBe(200);
    expect((await act('chuyenvien.binhminh', mine[0], 'assign')).status).toBe(200);
    const processing = (
      await get('chuyenvien.binhminh', '/api/v1/desk/dossiers?status=processing').expect(200)
    ).body.items;
    expect(processing.map((i: { id: string }) => i.id)).toEqual([mine[0]]);
    const assigned = (await get('chuyenvien.binhminh', '/api/v1/desk/dossiers?assignedToMe=true').expect(200))
      .body.items;
    expect(assigned.map((i: { id: string }) => i.id)).toEqual([mine[0]]);
    expect(assigned[0]).toMatchObject({
      assignee: { id: ids['chuyenvien.binhminh'] },
      stepDueAt: expect.any(String),
    });
    await t.ds.query(`UPDATE dossier SET due_at = now() - interval '1 day' WHERE id = $1`, [mine[1]]);
    const overdue = (await get('tiepnhan.binhminh', '/api/v1/desk/dossiers?due=overdue').expect(200)).body
      .items;
    expect(overdue.map((i: { id: string }) => i.id)).toEqual([mine[1]]);
    expect(overdue[0].sla).toBe('overdue');
    expect(
      (await get('tiepnhan.binhminh', '/api/v1/desk/dossiers?due=today').expect(200)).body.items.map(
        (i: { id: string }) => i.id,
      ),
    ).toContain(mine[1]);
    expect(
      (await get('tiepnhan.binhminh', '/api/v1/desk/dossiers?procedure=1.001193').expect(200)).body.items,
    ).toEqual([]);
    const code = (await detail('tiepnhan.binhminh', mine[2])).code as string;
    expect(
      (await get('tiepnhan.binhminh', `/api/v1/desk/dossiers?q=${code}`).expect(200)).body.items.map(
        (i: { id: string }) => i.id,
      ),
    ).toEqual([mine[2]]);
    const bad = await get('tiepnhan.binhminh', '/api/v1/desk/dossiers?status=nope').expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    await get('tiepnhan.binhminh', '/api/v1/desk/dossiers?after=garbage').expect(400);

    const counts = (await get('tiepnhan.binhminh', '/api/v1/desk/dossiers/counts').expect(200)).body;
    expect(counts).toMatchObject({
      byStatus: { submitted: 4, processing: 1 },
      open: 5,
      overdue: 1,
      assignedToMe: 0,
    });
    expect(
      (await get('chuyenvien.binhminh', '/api/v1/desk/dossiers/counts').expect(200)).body.assignedToMe,
    ).toBe(1);
    expect((await get('tiepnhan.tanlap', '/api/v1/desk/dossiers/counts').expect(200)).body.open).toBe(1);
  });

  describe('access matrix: roles × units × actions', () => {
    let atIntake: string;
    let atApproval: string;
    beforeAll(async () => {
      atIntake = await submit();
      atApproval = await submit();
      for (const [who, action] of [
        ['tiepnhan.binhminh', 'accept'],
        ['chuyenvien.binhminh', 'assign'],
        ['chuyenvien.binhminh', 'submit_for_approval'],
      ]) {
        expect((await act(who, atApproval, action)).status).toBe(200);
      }
    });

    // [official, dossier, action, expected status, expected problem code]
    const cases: [string, 'intake' | 'approval', string, number, string | null][] = [
      ['tiepnhan.tanlap', 'intake', 'accept', 404, 'DOSSIER_NOT_FOUND'], // another commune's desk, by id
      ['tiepnhan.stp', 'intake', 'accept', 404, 'DOSSIER_NOT_FOUND'], // a department's desk
      ['tiepnhan.tinh', 'intake', 'accept', 404, 'DOSSIER_NOT_FOUND'], // the province's service centre
      ['lanhdao.stp', 'approval', 'approve', 404, 'DOSSIER_NOT_FOUND'], // another unit's leader
      ['admin', 'intake', 'accept', 403, 'FORBIDDEN'], // system administrator: no dossier work
      ['quantri.binhminh', 'intake', 'accept', 403, 'FORBIDDEN'], // agency administrator
      ['chuyenvien.binhminh', 'intake', 'accept', 403, 'ACTION_NOT_ALLOWED'], // specialist at intake
      ['lanhdao.binhminh', 'intake', 'accept', 403, 'ACTION_NOT_ALLOWED'], // leader at intake
      ['chuyenvien.binhminh', 'approval', 'approve', 403, 'ACTION_NOT_ALLOWED'], // specialist approving
      ['tiepnhan.binhminh', 'approval', 'approve', 403, 'ACTION_NOT_ALLOWED'], // desk approving
      ['tiepnhan.binhminh', 'intake', 'approve', 403, 'ACTION_NOT_ALLOWED'], // skipping to approval
      ['lanhdao.binhminh', 'approval', 'return_result', 403, 'ACTION_NOT_ALLOWED'], // returning before approval
      ['lanhdao.binhminh', 'approval', 'stop', 400, 'VALIDATION_FAILED'], // allowed, but needs a reason
    ];

    it.each(cases)('%s on the dossier at %s: %s → %i %s', async (who, at, action, status, code) => {
      const id = at === 'intake' ? atIntake : atApproval;
      const before = (await t.ds.query(`SELECT row_version FROM dossier WHERE id = $1`, [id]))[0].row_version;
      const res = await t.http
        .post(`/api/v1/desk/dossiers/${id}/actions`)
        .set(auth(tok[who]))
        .send({ action, expectedVersion: before })
        .expect(status);
      expect(res.body.code).toBe(code);
      // A refusal gives no dossier data away and changes nothing.
      expect(res.body.applicant).toBeUndefined();
      expect((await t.ds.query(`SELECT row_version FROM dossier WHERE id = $1`, [id]))[0].row_version).toBe(
        before,
      );
    });

    it("reads of another unit's dossier are 404 with no data, for every desk endpoint", async () => {
      for (const path of ['', '/control-sheet', '/assignees', '/apologies']) {
        for (const who of ['tiepnhan.tanlap', 'lanhdao.stp', 'tiepnhan.tinh']) {
          const res = await get(who, `/api/v1/desk/dossiers/${atIntake}${path}`).expect(404);
          expect(res.body).toMatchObject({ code: 'DOSSIER_NOT_FOUND' });
          expect(JSON.stringify(res.body)).not.toContain('NGUYỄN');
        }
      }
      await get('tiepnhan.binhminh', '/api/v1/desk/dossiers/not-a-uuid').expect(404);
      await get('admin', `/api/v1/desk/dossiers/${atIntake}`).expect(403);
    });

    it('the right roles of the holding unit see their buttons and may act', async () => {
      const buttons = async (who: string, id: string) =>
        (await detail(who, id)).allowedActions.map((a: { action: string }) => a.action).sort();
      expect(await buttons('tiepnhan.binhminh', atIntake)).toEqual([
        'accept',
        'refuse',
        'request_supplement',
        'request_withdrawal',
      ]);
      expect(await buttons('chuyenvien.binhminh', atIntake)).toEqual([]);
      expect(await buttons('lanhdao.binhminh', atApproval)).toEqual(['approve', 'send_back', 'stop']);
      expect(await buttons('chuyenvien.binhminh', atApproval)).toEqual([]);
      const sent = await act('lanhdao.binhminh', atApproval, 'send_back', { note: 'Bổ sung thẩm định' });
      expect(sent.status).toBe(200);
      expect(sent.body).toMatchObject({ status: 'processing', step: { id: 'processing' } });
      const assignees = (
        await get('lanhdao.binhminh', `/api/v1/desk/dossiers/${atApproval}/assignees`).expect(200)
      ).body;
      expect(assignees.map((a: { id: string }) => a.id)).toEqual(
        expect.arrayContaining([ids['chuyenvien.binhminh'], ids['lanhdao.binhminh']]),
      );
      const assigned = await act('lanhdao.binhminh', atApproval, 'assign', {
        assigneeId: ids['chuyenvien.binhminh'],
      });
      expect(assigned.status).toBe(200);
      expect(assigned.body.assignee).toMatchObject({ id: ids['chuyenvien.binhminh'] });
    });
  });

  it("shows the dossier's documents and streams them inline to officials of the unit only", async () => {
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n% to khai\n'), Buffer.alloc(3000, 0x20)]);
    const up = await t.http
      .post('/api/v1/attachments')
      .set(auth(citizen))
      .field('documentCode', 'TP01')
      .attach('file', bytes, { filename: 'Tờ khai xác nhận.pdf', contentType: 'application/pdf' })
      .expect(201);
    const id = (
      await t.http
        .post('/api/v1/dossiers')
        .set(auth(citizen))
        .set('Idempotency-Key', `desk-${++keySeq}`)
        .send({
          procedureCode: '1.004873',
          receivingAgencyCode: '000.31.00.H99',
          formData: maritalForm(),
          attachments: [{ documentCode: 'TP01', attachmentId: up.body.id }],
        })
        .expect(201)
    ).body.id as string;
    const [doc] = (await detail('tiepnhan.binhminh', id)).documents;
    expect(doc).toMatchObject({
      documentCode: 'TP01',
      fileName: 'Tờ khai xác nhận.pdf',
      contentType: 'application/pdf',
      size: bytes.length,
    });
    expect(doc.href).toBe(`/api/v1/desk/dossiers/${id}/documents/${doc.id}/content`);
    const res = await get('chuyenvien.binhminh', doc.href)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^inline; /);
    expect(Buffer.compare(res.body as Buffer, bytes)).toBe(0);
    await get('tiepnhan.tanlap', doc.href).expect(404);
    await get('tiepnhan.binhminh', `/api/v1/desk/dossiers/${id}/documents/${id}/content`).expect(404);
    await t.http.get(doc.href).set(auth(citizen)).expect(403);
  });

  it('in-person intake: numbered from the same counter, validated, linked to the citizen, accepted at once', async () => {
    const body = {
      procedureCode: '1.004873',
      receivingAgencyCode: '000.31.00.H99',
      applicant: { name: 'Nguyễn Văn An', identityNumber: '001099012345', phone: '0912345678' },
      formData: maritalForm(),
    };
    await t.http.post('/api/v1/desk/dossiers').send(body).expect(401);
    await t.http.post('/api/v1/desk/dossiers').set(auth(tok['chuyenvien.binhminh'])).send(body).expect(403);
    await t.http.post('/api/v1/desk/dossiers').set(auth(citizen)).send(body).expect(403);
    const wrongUnit = await t.http
      .post('/api/v1/desk/dossiers')
      .set(auth(tok['tiepnhan.tanlap']))
      .send(body)
      .expect(400);
    expect(wrongUnit.body.errors).toEqual([expect.objectContaining({ field: 'receivingAgencyCode' })]);
    const invalid = await t.http
      .post('/api/v1/desk/dossiers')
      .set(auth(tok['tiepnhan.binhminh']))
      .send({ ...body, formData: { ...maritalForm(), soDinhDanh: '12' } })
      .expect(400);
    expect(invalid.body.errors[0].field).toContain('soDinhDanh');

    const online = await submit();
    const onlineCode: string = (await detail('tiepnhan.binhminh', online)).code;
    const res = await t.http
      .post('/api/v1/desk/dossiers')
      .set(auth(tok['tiepnhan.binhminh']))
      .send({ ...body, accept: true })
      .expect(201);
    const d = res.body;
    expect(res.headers['location']).toBe(`/api/v1/desk/dossiers/${d.id}`);
    expect(d).toMatchObject({
      channel: 'desk',
      status: 'received',
      step: { id: 'processing' },
      applicant: { name: 'Nguyễn Văn An', identityNumber: '001099012345' },
    });
    const seq = (code: string) => Number(code.slice(-4));
    if (
      toLocalDate(new Date(d.receivedAt)) ===
      toLocalDate(new Date((await detail('tiepnhan.binhminh', online)).receivedAt))
    ) {
      expect(d.code.slice(0, -4)).toBe(onlineCode.slice(0, -4));
      expect(seq(d.code)).toBe(seq(onlineCode) + 1);
    }
    expect(d.events.map((e: { type: string }) => e.type)).toEqual([
      'submitted',
      'accepted',
      'receipt_issued',
    ]);
    expect(d.events[0]).toMatchObject({ actorKind: 'official', actor: { id: ids['tiepnhan.binhminh'] } });
    const outbox = await t.ds.query(`SELECT count(*)::int AS n FROM outbox_message WHERE aggregate_id = $1`, [
      d.id,
    ]);
    expect(outbox[0].n).toBe(2);
    // The applicant has an account: the dossier shows among theirs.
    const theirs = (
      await t.http.get('/api/v1/dossiers?pageSize=100').set(auth(citizen)).expect(200)
    ).body.items.map((i: { id: string }) => i.id);
    expect(theirs).toContain(d.id);
  });

  it('calendar administration: a newly declared day off moves later due dates; only administrators edit', async () => {
    await t.http.get('/api/v1/admin/calendar/2026').expect(401);
    await t.http.get('/api/v1/admin/calendar/2026').set(auth(citizen)).expect(403);
    const year = (await get('tiepnhan.binhminh', '/api/v1/admin/calendar/2026').expect(200)).body;
    expect(year.days).toEqual([]);
    expect(year.builtIn.map((d: { date: string }) => d.date)).toContain('2026-02-17');
    expect(year.resolved).toContainEqual(expect.objectContaining({ date: '2026-08-22', working: true }));

    // The next three working days; the second becomes a day off from today on.
    const base = new WorkingCalendar(OFFICIAL_SCHEDULES_2024_2026);
    const today = toLocalDate(new Date());
    const target = base.addWorkingDays(today, 2);
    const day = {
      date: target,
      kind: 'day_off',
      name: 'Ngày nghỉ mới công bố',
      effectiveFrom: today,
      source: 'Thông báo thử nghiệm',
    };
    const targetYear = Number(target.slice(0, 4));
    await t.http
      .put(`/api/v1/admin/calendar/${targetYear}`)
      .set(auth(tok['tiepnhan.binhminh']))
      .send({ days: [day] })
      .expect(403);
    const outside = await t.http
      .put(`/api/v1/admin/calendar/${targetYear}`)
      .set(auth(tok['quantri.binhminh']))
      .send({ days: [{ ...day, date: `${targetYear + 1}-01-05` }] })
      .expect(400);
    expect(outside.body.code).toBe('VALIDATION_FAILED');
    const saved = (
      await t.http
        .put(`/api/v1/admin/calendar/${targetYear}`)
        .set(auth(tok['quantri.binhminh']))
        .send({ days: [day] })
        .expect(200)
    ).body;
    expect(saved.days).toEqual([day]);
    expect(saved.resolved).toContainEqual({
      date: target,
      working: false,
      reasons: ['Ngày nghỉ mới công bố'],
    });

    const res = await t.http
      .post('/api/v1/desk/dossiers')
      .set(auth(tok['tiepnhan.binhminh']))
      .send({
        procedureCode: '1.004873',
        receivingAgencyCode: '000.31.00.H99',
        applicant: { name: 'Lê Thị Cúc', identityNumber: '001188009999' },
        formData: maritalForm('001188009999'),
      })
      .expect(201);
    const withDay = new WorkingCalendar([
      ...OFFICIAL_SCHEDULES_2024_2026,
      { year: targetYear, entries: [{ date: target, kind: 'day_off', name: 'x', effectiveFrom: today }] },
    ]);
    expect(res.body.dueAt).toBe(
      withDay.dueDate({ receivedAt: new Date(res.body.submittedAt), workingDays: 3 }).toISOString(),
    );
    expect(res.body.dueAt).not.toBe(
      base.dueDate({ receivedAt: new Date(res.body.submittedAt), workingDays: 3 }).toISOString(),
    );
    // Clearing the year restores the built-in schedule.
    expect(
      (
        await t.http
          .put(`/api/v1/admin/calendar/${targetYear}`)
          .set(auth(tok['quantri.binhminh']))
          .send({ days: [] })
          .expect(200)
      ).body.days,
    ).toEqual([]);
  });

  it('overdue board and Mẫu 04: the SLA job drafts, the desk issues once', async () => {
    const id = await submit();
    expect((await act('tiepnhan.binhminh', id, 'accept')).status).toBe(200);
    await t.ds.query(`UPDATE dossier SET due_at = now() - interval '2 days' WHERE id = $1`, [id]);
    await t.app.get(SlaService).run();

    const board = (await get('tiepnhan.binhminh', '/api/v1/desk/overdue?limit=100').expect(200)).body;
    const row = board.items.find((i: { id: string }) => i.id === id);
    expect(row).toMatchObject({
      sla: 'overdue',
      overdueAt: expect.any(String),
      apology: { status: 'draft' },
    });
    expect(row.daysLate).toBeGreaterThanOrEqual(1);
    expect(
      (await get('tiepnhan.tanlap', '/api/v1/desk/overdue?limit=100').expect(200)).body.items.map(
        (i: { id: string }) => i.id,
      ),
    ).not.toContain(id);

    const [draft] = (await get('tiepnhan.binhminh', `/api/v1/desk/dossiers/${id}/apologies`).expect(200))
      .body;
    expect(draft).toMatchObject({ status: 'draft', issuedAt: null });
    const url = `/api/v1/desk/dossiers/${id}/apologies/${draft.id}/issue`;
    await t.http.post(url).set(auth(tok['chuyenvien.binhminh'])).send({ reason: 'x' }).expect(403);
    await t.http.post(url).set(auth(tok['tiepnhan.tanlap'])).send({ reason: 'x' }).expect(404);
    await t.http.post(url).set(auth(tok['lanhdao.binhminh'])).send({}).expect(400);
    const issued = (
      await t.http
        .post(url)
        .set(auth(tok['lanhdao.binhminh']))
        .send({ reason: 'Cần xác minh thêm thông tin cư trú' })
        .expect(200)
    ).body;
    expect(issued).toMatchObject({
      status: 'issued',
      reason: 'Cần xác minh thêm thông tin cư trú',
      issuedBy: { id: ids['lanhdao.binhminh'] },
      proposedDueAt: draft.proposedDueAt,
    });
    const again = await t.http
      .post(url)
      .set(auth(tok['lanhdao.binhminh']))
      .send({ reason: 'lại' })
      .expect(409);
    expect(again.body.code).toBe('APOLOGY_ALREADY_ISSUED');
    const events = (await detail('tiepnhan.binhminh', id)).events.map((e: { type: string }) => e.type);
    expect(events).toEqual(expect.arrayContaining(['sla_overdue', 'apology_drafted', 'apology_issued']));
  });
});
