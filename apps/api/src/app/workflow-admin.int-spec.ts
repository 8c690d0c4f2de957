import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_WORKFLOW, type WorkflowDefinition } from '@dvc/one-stop/workflow';
import { documentsFor } from './test-documents';
import { startTestApp, TestApp } from './test-app';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A valid e-form of 1.004873 Cấp Giấy xác nhận tình trạng hôn nhân (owned by UBND phường Bình Minh). */
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

/** A copy of the default workflow, changed by `edit`. */
function edited(edit: (def: WorkflowDefinition) => void = () => undefined): WorkflowDefinition {
  const def = structuredClone(DEFAULT_WORKFLOW) as WorkflowDefinition;
  edit(def);
  return def;
}
const stepIndex = (id: string) => DEFAULT_WORKFLOW.steps.findIndex((s) => s.id === id);

// `testTimeout` of a Jest project is ignored (it is a global option): starting the app can take longer than 5 s.
jest.setTimeout(60_000);

/**
 * Workflow definitions administered in the desk, on real PostgreSQL: validation with Vietnamese
 * errors and a graph, new versions only (old rows never change), assignment to a procedure (new
 * dossiers pin the new version, submitted ones keep theirs) and the agency scope.
 */
describe('workflow definitions administration (real PostgreSQL)', () => {
  let t: TestApp;
  let storageDir: string;
  let citizen: string;
  let keySeq = 0;
  const tok: Record<string, string> = {};

  const as = (who: string) => ({
    get: (url: string) => t.http.get(url).set(auth(tok[who])),
    post: (url: string, body: unknown) => t.http.post(url).set(auth(tok[who])).send(body as object),
    put: (url: string, body: unknown) => t.http.put(url).set(auth(tok[who])).send(body as object),
  });
  const submit = async (procedureCode = '1.004873') =>
    (
      await t.http
        .post('/api/v1/dossiers')
        .set(auth(citizen))
        .set('Idempotency-Key', `wf-admin-${++keySeq}`)
        .send({
          procedureCode,
          receivingAgencyCode: '000.31.00.H99',
          formData: maritalForm,
          attachments: await documentsFor(t, citizen, procedureCode),
        })
        .expect(201)
    ).body.id as string;
  const pinned = async (dossierId: string) =>
    (
      await t.ds.query(
        `SELECT w.code, w.version FROM dossier d JOIN workflow_definition w ON w.id = d.workflow_definition_id WHERE d.id = $1`,
        [dossierId],
      )
    )[0] as { code: string; version: number };
  const rows = (code: string) =>
    t.ds.query(
      `SELECT id, version, name, definition, created_at FROM workflow_definition WHERE code = $1 ORDER BY version`,
      [code],
    );

  beforeAll(async () => {
    storageDir = await mkdtemp(join(tmpdir(), 'dvc-wf-admin-'));
    process.env['STORAGE_DIR'] = storageDir;
    t = await startTestApp();
    for (const u of ['admin', 'quantri.tinh', 'quantri.stp', 'chuyenvien.stp', 'tiepnhan.binhminh']) {
      tok[u] = await t.login(u);
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

  it('is for agency and system administrators only', async () => {
    await t.http.get('/api/v1/admin/workflows').expect(401);
    await t.http.get('/api/v1/admin/workflows').set(auth(citizen)).expect(403);
    for (const who of ['chuyenvien.stp', 'tiepnhan.binhminh']) {
      const res = await as(who).get('/api/v1/admin/workflows').expect(403);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.code).toBe('FORBIDDEN');
      await as(who).post('/api/v1/admin/workflows/validate', edited()).expect(403);
      await as(who).post('/api/v1/admin/workflows', edited()).expect(403);
      await as(who)
        .put('/api/v1/admin/procedures/1.004873/workflow', { code: DEFAULT_WORKFLOW.id, version: 1 })
        .expect(403);
    }
    for (const who of ['admin', 'quantri.tinh', 'quantri.stp']) {
      await as(who).get('/api/v1/admin/workflows').expect(200);
    }
  });

  it('lists definitions with their versions, the procedures using them and dossier counts', async () => {
    const before = await as('admin').get('/api/v1/admin/workflows').expect(200);
    const def = before.body.find((w: { code: string }) => w.code === DEFAULT_WORKFLOW.id);
    const v1 = def.versions.find((v: { version: number }) => v.version === 1);
    // The default of every procedure.
    expect(v1.procedures).toContainEqual(
      expect.objectContaining({ procedureCode: null, procedureName: null, inForce: true }),
    );
    await submit();
    const after = await as('admin').get('/api/v1/admin/workflows').expect(200);
    const v1After = after.body
      .find((w: { code: string }) => w.code === DEFAULT_WORKFLOW.id)
      .versions.find((v: { version: number }) => v.version === 1);
    expect(v1After.dossierCount).toBe(v1.dossierCount + 1);

    const version = await as('quantri.stp').get(`/api/v1/admin/workflows/${DEFAULT_WORKFLOW.id}/versions/1`).expect(200);
    expect(version.body).toMatchObject({ code: DEFAULT_WORKFLOW.id, version: 1, name: DEFAULT_WORKFLOW.name });
    expect(version.body.definition).toEqual(JSON.parse(JSON.stringify(DEFAULT_WORKFLOW)));
    // Keys in authoring order for the editor, not jsonb's.
    expect(Object.keys(version.body.definition)).toEqual(['id', 'version', 'name', 'steps', 'transitions']);
    expect(Object.keys(version.body.definition.transitions[0])).toEqual(Object.keys(DEFAULT_WORKFLOW.transitions[0]!));
    expect(version.body.graph.nodes).toHaveLength(DEFAULT_WORKFLOW.steps.length);
    const missing = await as('admin').get(`/api/v1/admin/workflows/${DEFAULT_WORKFLOW.id}/versions/999`).expect(404);
    expect(missing.body).toMatchObject({ code: 'WORKFLOW_NOT_FOUND', title: 'Không tìm thấy quy trình xử lý' });
  });

  it('validates without storing: a valid definition and its graph', async () => {
    const count = (await t.ds.query(`SELECT count(*)::int AS n FROM workflow_definition`))[0].n;
    const res = await as('quantri.tinh').post('/api/v1/admin/workflows/validate', edited()).expect(200);
    expect(res.body.ok).toBe(true);
    expect(res.body.errors).toEqual([]);
    expect(res.body.graph.nodes.find((n: { id: string }) => n.id === 'approval')).toMatchObject({
      name: 'Lãnh đạo phê duyệt',
      kindLabel: 'Phê duyệt',
      ownerLabel: 'Lãnh đạo — đơn vị tiếp nhận hồ sơ',
      column: 2,
    });
    expect(res.body.graph.edges).toContainEqual({ from: 'processing', to: 'approval', action: 'submit_for_approval', label: 'Trình phê duyệt' });
    expect((await t.ds.query(`SELECT count(*)::int AS n FROM workflow_definition`))[0].n).toBe(count);
  });

  it('refuses an unreachable step, a step with no path to an end and a step without owner, in Vietnamese', async () => {
    const validate = async (def: unknown) =>
      (await as('quantri.tinh').post('/api/v1/admin/workflows/validate', def).expect(200)).body;

    const unreachable = await validate(
      edited((d) =>
        d.steps.push({ id: 'tham-tra', name: 'Thẩm tra thực địa', kind: 'processing', owner: { role: 'specialist', unit: 'receiving' }, share: 0, status: 'processing' }),
      ),
    );
    expect(unreachable.ok).toBe(false);
    expect(unreachable.errors).toContainEqual({
      path: `/steps/${DEFAULT_WORKFLOW.steps.length}`,
      message: 'Bước "tham-tra" không thể tới được từ bước tiếp nhận "intake"',
    });
    // The graph still previews it, apart and marked.
    expect(unreachable.graph.nodes.find((n: { id: string }) => n.id === 'tham-tra')).toMatchObject({ reachable: false });

    const deadEnd = await validate(
      edited((d) => {
        d.steps.push({ id: 'tham-tra', name: 'Thẩm tra thực địa', kind: 'processing', owner: { role: 'specialist', unit: 'receiving' }, share: 0, status: 'processing' });
        d.transitions.push({ from: 'processing', fromStatus: 'processing', action: 'forward', to: 'tham-tra' });
      }),
    );
    expect(deadEnd.ok).toBe(false);
    expect(deadEnd.errors).toContainEqual({
      path: `/steps/${DEFAULT_WORKFLOW.steps.length}`,
      message: 'Từ bước "tham-tra" (trạng thái "processing") không có đường tới bước kết thúc',
    });

    const ownerless = await validate(edited((d) => delete d.steps[stepIndex('processing')]!.owner));
    expect(ownerless.ok).toBe(false);
    expect(ownerless.errors).toContainEqual({
      path: `/steps/${stepIndex('processing')}/owner`,
      message: 'Bước "processing" (xử lý) chưa có chủ trì: cần vai trò và đơn vị',
    });

    const notJson = await validate({ id: 'Quy Trình', steps: 'none' });
    expect(notJson.ok).toBe(false);
    expect(notJson.graph).toBeNull();
    expect(notJson.errors).toContainEqual({ path: '/steps', message: 'Phải là danh sách' });
  });

  it('stores a new version n+1 and never changes the stored versions; refuses an invalid one with a problem', async () => {
    const before = await rows(DEFAULT_WORKFLOW.id);
    const latest = before[before.length - 1].version;
    const def = edited((d) => {
      d.name = 'Quy trình một cửa mặc định (rút gọn thời hạn xử lý)';
      d.steps[stepIndex('processing')]!.share = 0.6;
      d.steps[stepIndex('approval')]!.share = 0.4;
    });
    const res = await as('quantri.tinh').post('/api/v1/admin/workflows', { ...def, version: 42 }).expect(201);
    expect(res.body).toMatchObject({ code: DEFAULT_WORKFLOW.id, version: latest + 1, name: def.name, dossierCount: 0 });
    expect(res.body.definition).toEqual({ ...JSON.parse(JSON.stringify(def)), version: latest + 1 });
    const after = await rows(DEFAULT_WORKFLOW.id);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after).toHaveLength(before.length + 1);

    const again = await as('admin').post('/api/v1/admin/workflows', def).expect(201);
    expect(again.body.version).toBe(latest + 2);

    const invalid = await as('admin')
      .post('/api/v1/admin/workflows', edited((d) => delete d.steps[stepIndex('approval')]!.owner))
      .expect(422);
    expect(invalid.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(invalid.body).toMatchObject({ code: 'INVALID_WORKFLOW', title: 'Quy trình xử lý không hợp lệ' });
    expect(invalid.body.detail).toContain('Bước "approval" (phê duyệt) chưa có chủ trì');
    expect(invalid.body.errors).toContainEqual({
      field: `/steps/${stepIndex('approval')}/owner`,
      message: 'Bước "approval" (phê duyệt) chưa có chủ trì: cần vai trò và đơn vị',
    });
    expect(await rows(DEFAULT_WORKFLOW.id)).toHaveLength(before.length + 2);

    // A new code starts at version 1, whatever the body says.
    const fresh = await as('quantri.stp')
      .post('/api/v1/admin/workflows', { ...edited(), id: 'so-tu-phap.rut-gon', name: 'Quy trình rút gọn của Sở', version: 9 })
      .expect(201);
    expect(fresh.body).toMatchObject({ code: 'so-tu-phap.rut-gon', version: 1 });
    const bad = await as('admin').post('/api/v1/admin/workflows', [1, 2]).expect(422);
    expect(bad.body.code).toBe('INVALID_WORKFLOW');
  });

  it('assigns a version to a procedure: new dossiers pin it, submitted ones keep theirs', async () => {
    const old = await submit();
    const oldPin = await pinned(old);
    const created = await as('quantri.tinh')
      .post('/api/v1/admin/workflows', edited((d) => (d.name = 'Quy trình xác nhận tình trạng hôn nhân')))
      .expect(201);
    const version = created.body.version as number;
    expect(version).toBeGreaterThan(oldPin.version);

    const res = await as('quantri.tinh')
      .put('/api/v1/admin/procedures/1.004873/workflow', { code: DEFAULT_WORKFLOW.id, version })
      .expect(200);
    expect(res.body).toMatchObject({ procedureCode: '1.004873', code: DEFAULT_WORKFLOW.id, version });
    const fresh = await submit();
    expect(await pinned(fresh)).toEqual({ code: DEFAULT_WORKFLOW.id, version });
    expect(await pinned(old)).toEqual(oldPin);
    // The pinned definition drives the new dossier's desk.
    const view = await t.http
      .get(`/api/v1/desk/dossiers/${fresh}`)
      .set(auth(tok['tiepnhan.binhminh']))
      .expect(200);
    expect(view.body.allowedActions.map((a: { action: string }) => a.action)).toContain('accept');

    // A later assignment takes effect only from its instant.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    await as('admin')
      .put('/api/v1/admin/procedures/1.004873/workflow', { code: DEFAULT_WORKFLOW.id, version: 1, effectiveFrom: tomorrow })
      .expect(200);
    expect(await pinned(await submit())).toEqual({ code: DEFAULT_WORKFLOW.id, version });

    const list = await as('quantri.tinh').get('/api/v1/admin/workflows').expect(200);
    const versions = list.body.find((w: { code: string }) => w.code === DEFAULT_WORKFLOW.id).versions;
    const usage = (v: number) =>
      versions
        .find((x: { version: number }) => x.version === v)
        .procedures.filter((u: { procedureCode: string | null }) => u.procedureCode === '1.004873');
    expect(usage(version)).toEqual([
      expect.objectContaining({ procedureName: expect.stringContaining('tình trạng hôn nhân'), inForce: true }),
    ]);
    expect(usage(1)).toEqual([expect.objectContaining({ effectiveFrom: tomorrow, inForce: false })]);
    expect(versions.find((x: { version: number }) => x.version === version).dossierCount).toBe(2);

    // Past instants, unknown versions and bad bodies are refused in Vietnamese.
    const past = await as('admin')
      .put('/api/v1/admin/procedures/1.004873/workflow', { code: DEFAULT_WORKFLOW.id, version, effectiveFrom: '2020-01-01T00:00:00Z' })
      .expect(400);
    expect(past.body.errors[0]).toMatchObject({ field: 'effectiveFrom', message: expect.stringContaining('quá khứ') });
    const unknown = await as('admin')
      .put('/api/v1/admin/procedures/1.004873/workflow', { code: DEFAULT_WORKFLOW.id, version: 999 })
      .expect(404);
    expect(unknown.body.code).toBe('WORKFLOW_NOT_FOUND');
    const body = await as('admin')
      .put('/api/v1/admin/procedures/1.004873/workflow', { code: DEFAULT_WORKFLOW.id, version: 'hai' })
      .expect(400);
    expect(body.body.errors).toContainEqual({ field: 'version', message: 'Phiên bản quy trình phải là số nguyên' });
  });

  it('scopes procedures to the agency administrator’s units', async () => {
    // 1.004873 belongs to UBND phường Bình Minh: not a unit of Sở Tư pháp.
    const other = await as('quantri.stp')
      .put('/api/v1/admin/procedures/1.004873/workflow', { code: DEFAULT_WORKFLOW.id, version: 1 })
      .expect(404);
    expect(other.body.code).toBe('PROCEDURE_NOT_FOUND');
    await as('quantri.stp')
      .put('/api/v1/admin/procedures/9.999999/workflow', { code: DEFAULT_WORKFLOW.id, version: 1 })
      .expect(404);
    // 2.000488 belongs to Sở Tư pháp.
    await as('quantri.stp')
      .put('/api/v1/admin/procedures/2.000488/workflow', { code: 'so-tu-phap.rut-gon', version: 1 })
      .expect(200);
    const codes = (body: { versions: { procedures: { procedureCode: string | null }[] }[] }[]) =>
      new Set(body.flatMap((w) => w.versions.flatMap((v) => v.procedures.map((u) => u.procedureCode))));
    const mine = codes((await as('quantri.stp').get('/api/v1/admin/workflows').expect(200)).body);
    expect(mine.has('2.000488')).toBe(true);
    expect(mine.has('1.004873')).toBe(false);
    expect(mine.has(null)).toBe(true);
    const all = codes((await as('admin').get('/api/v1/admin/workflows').expect(200)).body);
    expect(all.has('1.004873')).toBe(true);
    expect(all.has('2.000488')).toBe(true);
  });
});
