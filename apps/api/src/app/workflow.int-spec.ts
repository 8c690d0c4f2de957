import { OFFICIAL_SCHEDULES_2024_2026, WorkingCalendar } from '@dvc/one-stop/calendar';
import { SlaService } from '@dvc/one-stop/desk';
import { DEFAULT_WORKFLOW, INTER_AGENCY_WORKFLOW } from '@dvc/one-stop/workflow';
import { hashPassword } from '@dvc/platform/identity';
import { documentsFor } from './test-documents';
import { startTestApp, TestApp } from './test-app';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A valid e-form of 1.004873 Cấp Giấy xác nhận tình trạng hôn nhân (3 working days). */
const maritalForm = {
  hoTen: 'NGUYỄN VĂN AN',
  ngaySinh: '1999-01-01',
  gioiTinh: 'Nam',
  soDinhDanh: '001099012345',
  noiCuTru: 'Phường Bình Minh, tỉnh Demo',
  tinhTrangHonNhan: 'Chưa đăng ký kết hôn với ai',
  mucDichSuDung: 'Bổ sung hồ sơ xin việc',
  soBan: 1,
};
/** A valid e-form of 1.001022 Đăng ký nhận cha, mẹ, con (inter-agency workflow in the seed). */
const parentageForm = {
  loaiYeuCau: 'Cha nhận con',
  nguoiNhan: { hoTen: 'NGUYỄN VĂN AN', ngaySinh: '1990-01-01', soDinhDanh: '001099012345' },
  nguoiDuocNhan: { hoTen: 'NGUYỄN VĂN BÉ', ngaySinh: '2020-01-01', soDinhDanh: '001220012345' },
  chungCu: 'Kết quả giám định ADN',
  camDoan: true,
};

// `testTimeout` of a Jest project is ignored (it is a global option): starting the app can take longer than 5 s.
jest.setTimeout(60_000);

/**
 * Workflow actions on real PostgreSQL: each action's transaction (status, event, step rows, clock,
 * outbox), optimistic concurrency, the full journeys, and the SLA watch.
 */
describe('workflow actions (real PostgreSQL)', () => {
  let t: TestApp;
  let citizen: string;
  let otherCitizen: string;
  let keySeq = 0;
  const tok: Record<string, string> = {};
  const ids: Record<string, string> = {};

  const submit = async (
    procedureCode = '1.004873',
    formData: object = maritalForm,
    agency = '000.31.00.H99',
    token = citizen,
  ) =>
    (
      await t.http
        .post('/api/v1/dossiers')
        .set(auth(token))
        .set('Idempotency-Key', `wf-${++keySeq}`)
        .send({ procedureCode, receivingAgencyCode: agency, formData, attachments: await documentsFor(t, token, procedureCode) })
        .expect(201)
    ).body.id as string;
  const detail = async (who: string, id: string) =>
    (await t.http.get(`/api/v1/desk/dossiers/${id}`).set(auth(tok[who])).expect(200)).body;
  const act = (who: string, id: string, body: object) =>
    t.http.post(`/api/v1/desk/dossiers/${id}/actions`).set(auth(tok[who])).send(body);
  /** Takes an action with the version the official currently sees. */
  const step = async (who: string, id: string, action: string, extra: object = {}) => {
    const v = (await detail(who, id)).rowVersion;
    const res = await act(who, id, { action, expectedVersion: v, ...extra });
    if (res.status !== 200) throw new Error(`${who} ${action}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const count = async (sql: string, params: unknown[]) => Number((await t.ds.query(sql, params))[0].n);
  const outboxCount = (id: string) =>
    count(
      `SELECT count(*) AS n FROM outbox_message WHERE aggregate_id = $1 AND topic = 'dossier.status.changed'`,
      [id],
    );
  const eventTypes = async (id: string): Promise<string[]> =>
    (await t.ds.query(`SELECT type FROM dossier_event WHERE dossier_id = $1 ORDER BY id`, [id])).map(
      (e: { type: string }) => e.type,
    );

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    const passwordHash = await hashPassword('Demo@2026');
    // The seed has no one-stop desk at Sở Tư pháp; liên thông needs one.
    await t.ds.query(
      `INSERT INTO official (username, password_hash, full_name, agency_unit_id, roles)
       SELECT 'tiepnhan.stp', $1, 'Mai Thị Tiếp Nhận Sở', id, ARRAY['intake_officer'] FROM agency_unit WHERE code = '000.00.11.H99'`,
      [passwordHash],
    );
    for (const u of [
      'tiepnhan.binhminh',
      'chuyenvien.binhminh',
      'lanhdao.binhminh',
      'tiepnhan.stp',
      'chuyenvien.stp',
      'lanhdao.stp',
      'admin',
    ]) {
      tok[u] = await t.login(u);
      ids[u] = (await t.ds.query(`SELECT id FROM official WHERE username = $1`, [u]))[0].id;
    }
    const citizenLogin = async (identityNumber: string) =>
      (
        await t.http
          .post('/api/v1/auth/citizen/login')
          .send({ identityNumber, password: 'Demo@2026' })
          .expect(200)
      ).body.accessToken as string;
    citizen = await citizenLogin('001099012345');
    otherCitizen = await citizenLogin('079188004321');
  });
  afterAll(() => t.close());

  it('refuses the action endpoint without a token (401), to a citizen and to a system administrator (403)', async () => {
    const id = await submit();
    await t.http
      .post(`/api/v1/desk/dossiers/${id}/actions`)
      .send({ action: 'accept', expectedVersion: 1 })
      .expect(401);
    const asCitizen = await t.http
      .post(`/api/v1/desk/dossiers/${id}/actions`)
      .set(auth(citizen))
      .send({ action: 'accept', expectedVersion: 1 })
      .expect(403);
    expect(asCitizen.body.code).toBe('FORBIDDEN');
    const asAdmin = await act('admin', id, { action: 'accept', expectedVersion: 1 }).expect(403);
    expect(asAdmin.body.code).toBe('FORBIDDEN');
    expect(await eventTypes(id)).toEqual(['submitted']);
  });

  it('stores the shipped definitions as they are (a changed definition needs a new version)', async () => {
    for (const def of [DEFAULT_WORKFLOW, INTER_AGENCY_WORKFLOW]) {
      const [row] = await t.ds.query(
        `SELECT definition FROM workflow_definition WHERE code = $1 AND version = $2`,
        [def.id, def.version],
      );
      expect(row.definition).toEqual(JSON.parse(JSON.stringify(def)));
    }
    // A definition used by a dossier is immutable.
    await submit();
    await expect(
      t.ds.query(
        `UPDATE workflow_definition SET name = name, definition = definition || '{"name":"x"}' WHERE code = $1`,
        [DEFAULT_WORKFLOW.id],
      ),
    ).rejects.toThrow(/immutable/);
  });

  it('pins the workflow in force and opens the intake step on submission', async () => {
    const id = await submit();
    const [d] = await t.ds.query(
      `SELECT w.code, w.version, d.current_step_id, d.current_unit_id = d.receiving_agency_id AS held_by_receiver, d.row_version
         FROM dossier d JOIN workflow_definition w ON w.id = d.workflow_definition_id WHERE d.id = $1`,
      [id],
    );
    expect(d).toEqual({
      code: 'mot-cua.mac-dinh',
      version: 1,
      current_step_id: 'intake',
      held_by_receiver: true,
      row_version: 1,
    });
    const steps = await t.ds.query(`SELECT step_id, finished_at FROM dossier_step WHERE dossier_id = $1`, [
      id,
    ]);
    expect(steps).toEqual([{ step_id: 'intake', finished_at: null }]);
    const view = await detail('tiepnhan.binhminh', id);
    expect(view.allowedActions.map((a: { action: string }) => a.action).sort()).toEqual(
      ['accept', 'refuse', 'request_supplement', 'request_withdrawal'].sort(),
    );
  });

  it('happy path: intake accepts (receipt) → specialist processes → leader approves → result returned', async () => {
    const id = await submit();
    const before = await detail('tiepnhan.binhminh', id);
    expect(before).toMatchObject({
      status: 'submitted',
      rowVersion: 1,
      step: { id: 'intake' },
      currentUnit: { code: '000.31.00.H99' },
    });

    const accepted = (
      await act('tiepnhan.binhminh', id, { action: 'accept', expectedVersion: 1 }).expect(200)
    ).body;
    expect(accepted).toMatchObject({
      status: 'received',
      statusCode: 2,
      rowVersion: 2,
      step: { id: 'processing' },
      assignee: null,
    });
    expect(await eventTypes(id)).toEqual(['submitted', 'accepted', 'receipt_issued']);
    const [receipt] = await t.ds.query(
      `SELECT actor_kind, actor_id, data FROM dossier_event WHERE dossier_id = $1 AND type = 'receipt_issued'`,
      [id],
    );
    expect(receipt).toMatchObject({
      actor_kind: 'official',
      actor_id: ids['tiepnhan.binhminh'],
      data: { form: 'Mẫu 01', dueAt: before.dueAt },
    });
    expect(await outboxCount(id)).toBe(2);
    const open = await t.ds.query(
      `SELECT step_id, due_at, started_by FROM dossier_step WHERE dossier_id = $1 AND finished_at IS NULL`,
      [id],
    );
    expect(open).toEqual([
      { step_id: 'processing', due_at: expect.any(Date), started_by: ids['tiepnhan.binhminh'] },
    ]);
    expect(open[0].due_at.getTime()).toBeLessThanOrEqual(new Date(before.dueAt).getTime());

    // The leader's buttons do not include approving a dossier that is still at processing.
    expect(
      (await detail('lanhdao.binhminh', id)).allowedActions.map((a: { action: string }) => a.action),
    ).not.toContain('approve');
    const taken = await step('chuyenvien.binhminh', id, 'assign');
    expect(taken).toMatchObject({ status: 'processing', assignee: { id: ids['chuyenvien.binhminh'] } });
    const submitted = await step('chuyenvien.binhminh', id, 'submit_for_approval', {
      note: 'Đủ điều kiện cấp',
    });
    expect(submitted).toMatchObject({
      status: 'awaiting_approval',
      step: { id: 'approval' },
      assignee: null,
    });

    const specialistApproves = await act('chuyenvien.binhminh', id, {
      action: 'approve',
      expectedVersion: submitted.rowVersion,
    }).expect(403);
    expect(specialistApproves.body).toMatchObject({ code: 'ACTION_NOT_ALLOWED', status: 403 });

    const approved = await step('lanhdao.binhminh', id, 'approve');
    expect(approved).toMatchObject({ status: 'result_ready', statusCode: 9, step: { id: 'return' } });
    const returned = await step('tiepnhan.binhminh', id, 'return_result');
    expect(returned).toMatchObject({ status: 'returned', statusCode: 10, allowedActions: [] });

    expect(await eventTypes(id)).toEqual([
      'submitted',
      'accepted',
      'receipt_issued',
      'assigned',
      'submitted_for_approval',
      'approved',
      'result_returned',
    ]);
    expect(await outboxCount(id)).toBe(6);
    const [closed] = await t.ds.query(`SELECT closed_at, row_version FROM dossier WHERE id = $1`, [id]);
    expect(closed.closed_at).toBeInstanceOf(Date);
    expect(closed.row_version).toBe(6);
    const steps = await t.ds.query(
      `SELECT step_id, finished_at IS NOT NULL AS done, on_time FROM dossier_step WHERE dossier_id = $1 ORDER BY id`,
      [id],
    );
    expect(steps).toEqual([
      { step_id: 'intake', done: true, on_time: true },
      { step_id: 'processing', done: true, on_time: true },
      { step_id: 'processing', done: true, on_time: true },
      { step_id: 'approval', done: true, on_time: true },
      { step_id: 'return', done: true, on_time: true },
    ]);
    // Every event records who acted, from/to status and step.
    const events = (await detail('tiepnhan.binhminh', id)).events;
    expect(events.find((e: { type: string }) => e.type === 'approved')).toMatchObject({
      actorKind: 'official',
      actor: { id: ids['lanhdao.binhminh'] },
      fromStatus: 'awaiting_approval',
      toStatus: 'result_ready',
      fromStep: 'approval',
      toStep: 'return',
    });

    // Mẫu 05: each hand-over, who handed it to whom, on time or late.
    const sheet = (
      await t.http
        .get(`/api/v1/desk/dossiers/${id}/control-sheet`)
        .set(auth(tok['tiepnhan.binhminh']))
        .expect(200)
    ).body;
    expect(sheet.rows.map((r: { stepId: string; onTime: boolean }) => [r.stepId, r.onTime])).toEqual([
      ['intake', true],
      ['processing', true],
      ['processing', true],
      ['approval', true],
      ['return', true],
    ]);
    expect(sheet.rows[0].fromUnit).toBeNull();
    expect(sheet.rows[2]).toMatchObject({
      fromOfficial: { id: ids['chuyenvien.binhminh'] },
      toOfficial: { id: ids['chuyenvien.binhminh'] },
    });
    expect(sheet.dossier.returnedAt).toEqual(expect.any(String));
  });

  it('answers 409 STALE_VERSION to a stale expectedVersion, also when two officials race', async () => {
    const id = await submit();
    const racing = await Promise.all([
      act('tiepnhan.binhminh', id, { action: 'accept', expectedVersion: 1 }),
      act('tiepnhan.binhminh', id, { action: 'accept', expectedVersion: 1 }),
      act('tiepnhan.binhminh', id, { action: 'refuse', expectedVersion: 1, note: 'Không đủ điều kiện' }),
    ]);
    const statuses = racing.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409]);
    for (const r of racing.filter((x) => x.status === 409)) expect(r.body.code).toBe('STALE_VERSION');
    expect(await outboxCount(id)).toBe(2);
    expect((await eventTypes(id)).filter((e) => e !== 'receipt_issued')).toHaveLength(2);
    const stale = await act('chuyenvien.binhminh', id, { action: 'assign', expectedVersion: 1 }).expect(409);
    expect(stale.body).toMatchObject({ code: 'STALE_VERSION', status: 409 });
  });

  it('writes nothing when an action fails half-way (invalid assignee, missing note)', async () => {
    const id = await submit();
    await step('tiepnhan.binhminh', id, 'accept');
    const snapshot = async () => ({
      events: (await eventTypes(id)).length,
      outbox: await outboxCount(id),
      steps: await count(`SELECT count(*) AS n FROM dossier_step WHERE dossier_id = $1`, [id]),
      version: (await t.ds.query(`SELECT row_version FROM dossier WHERE id = $1`, [id]))[0].row_version,
    });
    const before = await snapshot();
    // A specialist of another unit cannot be assigned.
    const wrong = await act('lanhdao.binhminh', id, {
      action: 'assign',
      expectedVersion: before.version,
      assigneeId: ids['chuyenvien.stp'],
    }).expect(400);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'assigneeId' })]);
    const noNote = await act('tiepnhan.binhminh', id, {
      action: 'request_withdrawal',
      expectedVersion: before.version,
    }).expect(200);
    expect(noNote.body.status).toBe('withdrawal_requested');
    const missing = await act('tiepnhan.binhminh', id, {
      action: 'record_withdrawal',
      expectedVersion: before.version + 1,
    }).expect(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'note' })]);
    const after = await snapshot();
    expect(after).toEqual({
      ...before,
      events: before.events + 1,
      outbox: before.outbox + 1,
      version: before.version + 1,
    });
  });

  it('refusal at intake needs a reason (Mẫu 03) and ends the dossier', async () => {
    const id = await submit();
    const noReason = await act('tiepnhan.binhminh', id, { action: 'refuse', expectedVersion: 1 }).expect(400);
    expect(noReason.body.code).toBe('VALIDATION_FAILED');
    const refused = (
      await act('tiepnhan.binhminh', id, {
        action: 'refuse',
        expectedVersion: 1,
        note: 'Không thuộc thẩm quyền',
      }).expect(200)
    ).body;
    expect(refused).toMatchObject({ status: 'refused', statusCode: 3, allowedActions: [] });
    const [e] = await t.ds.query(
      `SELECT note, data FROM dossier_event WHERE dossier_id = $1 AND type = 'refused'`,
      [id],
    );
    expect(e).toMatchObject({
      note: 'Không thuộc thẩm quyền',
      data: { form: 'Mẫu 03', fromStep: 'intake', toStep: 'refused' },
    });
    expect(
      await count(`SELECT count(*) AS n FROM dossier_step WHERE dossier_id = $1 AND finished_at IS NULL`, [
        id,
      ]),
    ).toBe(0);
  });

  it('supplement round trip: the clock stops, the citizen supplies, the due date moves by the paused working time', async () => {
    const id = await submit();
    await step('tiepnhan.binhminh', id, 'accept');
    await step('chuyenvien.binhminh', id, 'assign');
    const noItems = await act('chuyenvien.binhminh', id, {
      action: 'request_supplement',
      expectedVersion: 3,
      note: ' ',
    }).expect(400);
    expect(noItems.body.code).toBe('VALIDATION_FAILED');
    const requested = await step('chuyenvien.binhminh', id, 'request_supplement', {
      note: 'Thiếu giấy tờ',
      items: [{ name: 'Bản sao trích lục ly hôn', note: 'Bản có chứng thực' }],
    });
    expect(requested).toMatchObject({
      status: 'supplement_requested',
      statusCode: 5,
      sla: 'paused',
      clock: { pausedAt: expect.any(String) },
    });
    const [e] = await t.ds.query(
      `SELECT data FROM dossier_event WHERE dossier_id = $1 AND type = 'supplement_requested'`,
      [id],
    );
    expect(e.data).toMatchObject({
      form: 'Mẫu 02',
      clock: 'paused',
      items: [{ name: 'Bản sao trích lục ly hôn', note: 'Bản có chứng thực' }],
    });

    // Put the receipt and the pause at known instants (Mon 2/3/2026 09:00 and Tue 3/3/2026 09:00, Vietnam time).
    const calendar = new WorkingCalendar(OFFICIAL_SCHEDULES_2024_2026);
    const receivedAt = new Date('2026-03-02T02:00:00Z');
    const pausedFrom = new Date('2026-03-03T02:00:00Z');
    const dueBefore = calendar.dueDate({ receivedAt, workingDays: 3 });
    await t.ds.query(`UPDATE dossier SET received_at = $2, due_at = $3, clock_paused_at = $4 WHERE id = $1`, [
      id,
      receivedAt,
      dueBefore,
      pausedFrom,
    ]);
    await t.ds.query(`UPDATE dossier_clock_pause SET started_at = $2 WHERE dossier_id = $1`, [
      id,
      pausedFrom,
    ]);
    await t.ds.query(`UPDATE dossier_step SET due_at = $2 WHERE dossier_id = $1 AND finished_at IS NULL`, [
      id,
      dueBefore,
    ]);

    // Only the applicant can send it; another citizen's request is "not found".
    await t.http
      .post(`/api/v1/dossiers/${id}/supplement`)
      .set(auth(otherCitizen))
      .send({ note: 'x' })
      .expect(404);
    await t.http
      .post(`/api/v1/dossiers/${id}/supplement`)
      .set(auth(tok['chuyenvien.binhminh']))
      .send({})
      .expect(403);
    const attachment = '4f0c3a5e-8a55-4c8e-9a44-2f8f0d0b7c11';
    const res = await t.http
      .post(`/api/v1/dossiers/${id}/supplement`)
      .set(auth(citizen))
      .send({ note: 'Đã bổ sung', attachmentIds: [attachment] })
      .expect(200);
    expect(res.body).toMatchObject({ id, status: 'processing' });

    const [pause] = await t.ds.query(
      `SELECT started_at, ended_at FROM dossier_clock_pause WHERE dossier_id = $1`,
      [id],
    );
    expect(pause.ended_at).toBeInstanceOf(Date);
    const paused = calendar.workingTimeBetween(pausedFrom, pause.ended_at);
    expect(paused).toBeGreaterThan(0);
    const [d] = await t.ds.query(`SELECT due_at, clock_paused_at, paused_ms FROM dossier WHERE id = $1`, [
      id,
    ]);
    expect(d.clock_paused_at).toBeNull();
    expect(Number(d.paused_ms)).toBe(paused);
    expect(d.due_at.toISOString()).toBe(calendar.addWorkingTime(dueBefore, paused).toISOString());
    expect(d.due_at.toISOString()).toBe(
      calendar
        .dueDate({ receivedAt, workingDays: 3, pauses: [{ from: pausedFrom, to: pause.ended_at }] })
        .toISOString(),
    );
    expect(calendar.workingTimeBetween(dueBefore, d.due_at)).toBe(paused);
    // The open step's own deadline moved by the same working time.
    const [open] = await t.ds.query(
      `SELECT due_at FROM dossier_step WHERE dossier_id = $1 AND finished_at IS NULL`,
      [id],
    );
    expect(open.due_at.toISOString()).toBe(d.due_at.toISOString());
    const [received] = await t.ds.query(
      `SELECT actor_kind, note, data FROM dossier_event WHERE dossier_id = $1 AND type = 'supplement_received'`,
      [id],
    );
    expect(received).toMatchObject({
      actor_kind: 'citizen',
      note: 'Đã bổ sung',
      data: { attachmentIds: [attachment], clock: 'resumed', pausedWorkingMs: paused },
    });
    expect(await outboxCount(id)).toBe(5);
  });

  it('withdrawal: the citizen asks, the desk records it with a note', async () => {
    const id = await submit();
    await step('tiepnhan.binhminh', id, 'accept');
    await t.http
      .post(`/api/v1/dossiers/${id}/withdrawal-request`)
      .set(auth(otherCitizen))
      .send({ reason: 'x' })
      .expect(404);
    await t.http.post(`/api/v1/dossiers/${id}/withdrawal-request`).set(auth(citizen)).send({}).expect(400);
    const asked = await t.http
      .post(`/api/v1/dossiers/${id}/withdrawal-request`)
      .set(auth(citizen))
      .send({ reason: 'Không còn nhu cầu' })
      .expect(200);
    expect(asked.body).toMatchObject({
      status: 'withdrawal_requested',
      statusLabel: 'Công dân yêu cầu rút hồ sơ',
    });
    const view = await detail('tiepnhan.binhminh', id);
    expect(view.allowedActions.map((a: { action: string }) => a.action)).toEqual(['record_withdrawal']);
    const done = await step('tiepnhan.binhminh', id, 'record_withdrawal', {
      note: 'Đã trả lại hồ sơ giấy cho công dân',
    });
    expect(done).toMatchObject({ status: 'withdrawn', statusCode: 7, allowedActions: [] });
    expect(await eventTypes(id)).toEqual([
      'submitted',
      'accepted',
      'receipt_issued',
      'withdrawal_requested',
      'withdrawn',
    ]);
    // The citizen sees the history in their own view.
    const mine = await t.http.get(`/api/v1/dossiers/${id}`).set(auth(citizen)).expect(200);
    expect(mine.body.status).toBe('withdrawn');
    await t.http
      .post(`/api/v1/dossiers/${id}/withdrawal-request`)
      .set(auth(citizen))
      .send({ reason: 'lại' })
      .expect(403);
  });

  it('liên thông: the commune transfers to Sở Tư pháp, which approves; the commune returns the result', async () => {
    const id = await submit('1.001022', parentageForm);
    await step('tiepnhan.binhminh', id, 'accept');
    await step('chuyenvien.binhminh', id, 'assign');
    const transferred = await step('chuyenvien.binhminh', id, 'transfer', {
      note: 'Chuyển Sở Tư pháp thẩm định',
    });
    expect(transferred).toMatchObject({
      step: { id: 'department_intake' },
      currentUnit: { code: '000.00.11.H99' },
      allowedActions: [],
    });
    // Sở Tư pháp's desk takes it over.
    await step('tiepnhan.stp', id, 'accept');
    await step('chuyenvien.stp', id, 'assign');
    await step('chuyenvien.stp', id, 'submit_for_approval');
    const approved = await step('lanhdao.stp', id, 'approve');
    expect(approved).toMatchObject({
      status: 'result_ready',
      step: { id: 'return' },
      currentUnit: { code: '000.31.00.H99' },
    });
    // Sở Tư pháp keeps read access to what it handled, without buttons.
    expect((await detail('lanhdao.stp', id)).allowedActions).toEqual([]);
    await step('tiepnhan.binhminh', id, 'return_result');
    const units = await t.ds.query(
      `SELECT s.step_id, u.code FROM dossier_step s JOIN agency_unit u ON u.id = s.unit_id WHERE s.dossier_id = $1 ORDER BY s.id`,
      [id],
    );
    expect(units.map((u: { step_id: string; code: string }) => `${u.step_id}@${u.code}`)).toEqual([
      'intake@000.31.00.H99',
      'commune_processing@000.31.00.H99',
      'commune_processing@000.31.00.H99',
      'department_intake@000.00.11.H99',
      'department_processing@000.00.11.H99',
      'department_processing@000.00.11.H99',
      'department_approval@000.00.11.H99',
      'return@000.31.00.H99',
    ]);
  });

  it('SLA job flags overdue and due-soon dossiers and steps once, and drafts Mẫu 04', async () => {
    const sla = t.app.get(SlaService);
    await sla.run(); // flags whatever earlier tests left
    const late = await submit();
    await step('tiepnhan.binhminh', late, 'accept');
    const soon = await submit();
    await step('tiepnhan.binhminh', soon, 'accept');
    const paused = await submit();
    await step('tiepnhan.binhminh', paused, 'request_supplement', {
      note: 'Thiếu',
      items: [{ name: 'Tờ khai' }],
    });
    const past = new Date(Date.now() - 3 * 86_400_000);
    await t.ds.query(`UPDATE dossier SET due_at = $2 WHERE id = ANY($1::uuid[])`, [[late, paused], past]);
    await t.ds.query(`UPDATE dossier_step SET due_at = $2 WHERE dossier_id = $1 AND finished_at IS NULL`, [
      late,
      past,
    ]);
    await t.ds.query(`UPDATE dossier SET due_at = $2 WHERE id = $1`, [
      soon,
      new Date(Date.now() + 3_600_000),
    ]);

    const first = await sla.run();
    expect(first).toMatchObject({
      dossiersOverdue: 1,
      dossiersDueSoon: 1,
      stepsOverdue: 1,
      apologiesDrafted: 1,
    });
    const second = await sla.run();
    expect(second).toEqual({
      dossiersDueSoon: 0,
      dossiersOverdue: 0,
      stepsDueSoon: 0,
      stepsOverdue: 0,
      apologiesDrafted: 0,
    });

    const [d] = await t.ds.query(`SELECT overdue_at, due_soon_at FROM dossier WHERE id = $1`, [late]);
    expect(d.overdue_at).toBeInstanceOf(Date);
    expect((await eventTypes(late)).filter((e) => e.startsWith('sla_') || e.startsWith('apology'))).toEqual([
      'sla_overdue',
      'apology_drafted',
      'sla_overdue',
    ]);
    const scopes = await t.ds.query(
      `SELECT actor_kind, data->>'scope' AS scope FROM dossier_event WHERE dossier_id = $1 AND type = 'sla_overdue' ORDER BY id`,
      [late],
    );
    expect(scopes).toEqual([
      { actor_kind: 'system', scope: 'dossier' },
      { actor_kind: 'system', scope: 'step' },
    ]);
    expect(await eventTypes(soon)).toContain('sla_due_soon');
    // A paused clock is never late.
    expect((await eventTypes(paused)).some((e) => e.startsWith('sla_'))).toBe(false);

    const [apology] = await t.ds.query(
      `SELECT status, original_due_at, proposed_due_at FROM dossier_apology WHERE dossier_id = $1`,
      [late],
    );
    expect(apology.status).toBe('draft');
    expect(apology.original_due_at.toISOString()).toBe(past.toISOString());
    expect(apology.proposed_due_at.getTime()).toBeGreaterThan(Date.now());
    const view = await detail('tiepnhan.binhminh', late);
    expect(view.sla).toBe('overdue');
  });
});
