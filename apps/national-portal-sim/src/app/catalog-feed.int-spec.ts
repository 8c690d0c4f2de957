import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppError, CatalogExport } from '@dvc/shared/contracts';
import { dataSourceOptions } from '@dvc/shared/database';
import { createTestDatabase, TestDatabase } from '@dvc/shared/testing';
import { IDENTITY_ENTITIES, OfficialPrincipal } from '@dvc/platform/identity';
import { CatalogFeedClient, NationalPortalClient } from '@dvc/platform/national-portal';
import { CATALOG_ENTITIES, CatalogAdminService, CatalogFeedService, Procedure, ProcedureVersion } from '@dvc/public-service/catalog';
import { RunningSimulator, startSimulator } from './simulator';

/** The demo catalog as the API seeds it (read as data: the API app is not imported). */
const DEMO_CATALOG = join(__dirname, '../../../api/src/seed/catalog.seed.json');

const UNITS: [code: string, level: string][] = [
  ['000.00.01.H99', 'department'],
  ['000.00.11.H99', 'department'],
  ['000.00.12.H99', 'department'],
  ['000.00.13.H99', 'department'],
  ['000.00.14.H99', 'department'],
  ['000.31.00.H99', 'commune'],
  ['000.32.00.H99', 'commune'],
  ['000.33.00.H99', 'commune'],
];

describe('catalog refresh from the simulated national portal (real PostgreSQL)', () => {
  let sim: RunningSimulator;
  let db: TestDatabase;
  let ds: DataSource;
  let portal: NationalPortalClient;
  let feed: CatalogFeedService;

  const put = (code: string, record: Record<string, unknown>) =>
    fetch(`${sim.url}/sim/catalog/${code}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(record) }).then((r) => r.json());
  const fed = (code: string) => ({ ...sim.runtime.catalog.get(code)! });
  const versionsOf = async (code: string) => {
    const p = await ds.getRepository(Procedure).findOneByOrFail({ code });
    return { procedure: p, versions: await ds.getRepository(ProcedureVersion).find({ where: { procedureId: p.id }, order: { version: 'ASC' } }) };
  };
  const versionCount = async () => Number((await ds.query(`SELECT count(*) AS n FROM procedure_version`))[0].n);

  beforeAll(async () => {
    sim = await startSimulator({ seed: 7 });
    db = await createTestDatabase();
    ds = new DataSource(dataSourceOptions({ url: db.url, entities: [...IDENTITY_ENTITIES, ...CATALOG_ENTITIES] }));
    await ds.initialize();
    const [root] = await ds.query(`INSERT INTO agency_unit (code, name, level) VALUES ('000.00.00.H99', 'UBND tỉnh Demo', 'province') RETURNING id`);
    for (const [code, level] of UNITS) await ds.query(`INSERT INTO agency_unit (code, name, level, parent_id) VALUES ($1, $1, $2, $3)`, [code, level, root.id]);
    const admin: OfficialPrincipal = { kind: 'official', id: '00000000-0000-4000-8000-000000000001', roles: ['system_admin'], agencyUnitId: root.id, unitIds: [] };
    const catalog = JSON.parse(readFileSync(DEMO_CATALOG, 'utf8')) as CatalogExport;
    const imported = await new CatalogAdminService(ds).import(admin, catalog, { publish: true });
    expect(imported.errors).toEqual([]);
    portal = new NationalPortalClient({ baseUrl: sim.url, authPath: '/adapter/auth', servicePath: '/adapter/service', username: 'dvc-dev', password: 'dvc-dev-password', timeoutMs: 2000 });
    // Four per page: the ten procedures of the feed come in three pages.
    feed = new CatalogFeedService(ds, new CatalogFeedClient(portal, 4));
  });

  afterAll(async () => {
    portal?.close();
    await ds?.destroy();
    await db?.drop();
    await sim?.close();
  });

  it('creates new procedures as drafts and gives changed ones a new draft, leaving published versions alone', async () => {
    const before = await versionsOf('1.004222');
    expect(before.versions.map((v) => v.status)).toEqual(['published']);

    const run = await feed.refresh('manual');

    expect(run).toMatchObject({ status: 'done', trigger: 'manual', created: 2, updated: 3, unchanged: 5, failed: 0, error: null });
    expect(run.items.map((i) => `${i.code} ${i.outcome}`).sort()).toEqual(['1.001612 updated', '1.001776 created', '1.004222 updated', '1.004884 created', '2.000488 updated']);

    // Changed time limit: a draft v2 with the portal's content and the local e-form; v1 as it was.
    const after = await versionsOf('1.004222');
    expect(after.versions.map((v) => `${v.version} ${v.status}`)).toEqual(['1 published', '2 draft']);
    const [published, draft] = after.versions;
    expect(published).toEqual(before.versions[0]);
    expect(after.procedure.currentVersionId).toBe(published.id);
    expect(published.timeLimitDays).toBe(7);
    expect(draft.timeLimitDays).toBe(5);
    expect(draft.content.formSchema).toEqual(published.content.formSchema);
    expect(draft.implementingAgencyCodes).toEqual(published.implementingAgencyCodes);
    expect(run.items.find((i) => i.code === '1.004222')).toMatchObject({ versionId: draft.id, version: 2, notes: ['Thay đổi: thời hạn giải quyết'] });

    // Changed fee, new dossier component.
    expect((await versionsOf('1.001612')).versions[1].content.fees[0].amount).toBe(50000);
    expect((await versionsOf('2.000488')).versions[1].content.documents.map((d) => d.code)).toContain('TP04');

    // New procedures: not published, with the unit that keeps the same field and level, or the province.
    const born = await versionsOf('1.004884');
    expect(born.procedure.currentVersionId).toBeNull();
    expect(born.versions.map((v) => `${v.version} ${v.status}`)).toEqual(['1 draft']);
    expect(born.procedure).toMatchObject({ fieldCode: 'HT', level: 'commune' });
    const htOwner = (await versionsOf('1.001193')).procedure.ownerAgencyId;
    expect([htOwner, (await versionsOf('1.000894')).procedure.ownerAgencyId]).toContain(born.procedure.ownerAgencyId);
    expect(born.versions[0].content.formSchema).toEqual({ title: 'Đăng ký lại khai sinh', type: 'object', properties: {} });
    const social = await versionsOf('1.001776');
    expect(social.procedure.fieldCode).toBe('BTXH');
    expect((await ds.query(`SELECT name FROM procedure_field WHERE code = 'BTXH'`))[0].name).toBe('Bảo trợ xã hội');
    expect(social.versions[0].implementingAgencyCodes).toEqual(['000.00.00.H99']);

    const [stored] = await ds.query(`SELECT status, created_count, updated_count, unchanged_count, failed_count, finished_at FROM catalog_feed_run WHERE id = $1`, [run.id]);
    expect(stored).toMatchObject({ status: 'done', created_count: 2, updated_count: 3, unchanged_count: 5, failed_count: 0 });
    expect(stored.finished_at).not.toBeNull();
  });

  it('is idempotent: a second run, or a new NGAYCAPNHAT with the same content, makes no version', async () => {
    const count = await versionCount();
    expect(await feed.refresh('schedule')).toMatchObject({ status: 'done', created: 0, updated: 0, unchanged: 10, failed: 0, items: [] });
    await put('1.004222', { ...fed('1.004222'), NGAYCAPNHAT: undefined });
    expect(await feed.refresh('schedule')).toMatchObject({ status: 'done', created: 0, updated: 0, unchanged: 10, failed: 0 });
    expect(await versionCount()).toBe(count);
  });

  it('fails a procedure the portal describes badly with its reason, and applies the others', async () => {
    await put('1.000894', { ...fed('1.000894'), NGAYCAPNHAT: undefined, THOIGIANGIAIQUYET: -3 });
    await put('9.9', { MATTHC: '9.9', TENTTHC: 'Mã sai' });
    const fees = fed('1.000656')['PHILEPHI'] as Record<string, unknown>[];
    await put('1.000656', { ...fed('1.000656'), NGAYCAPNHAT: undefined, PHILEPHI: [{ ...fees[0] }, { ...fees[1], MUCPHI: 8000 }] });

    const run = await feed.refresh('manual');

    expect(run).toMatchObject({ status: 'done', created: 0, updated: 1, failed: 2 });
    expect(run.items.find((i) => i.code === '1.000894')).toMatchObject({ outcome: 'failed', message: expect.stringContaining('THOIGIANGIAIQUYET: không được âm') });
    expect(run.items.find((i) => i.code === '9.9')).toMatchObject({ outcome: 'failed', message: expect.stringContaining('không đúng định dạng') });
    expect(run.items.find((i) => i.code === '1.000656')).toMatchObject({ outcome: 'updated', version: 2, notes: ['Thay đổi: phí, lệ phí'] });
    expect((await versionsOf('1.000894')).versions.map((v) => v.status)).toEqual(['published']);
    const [stored] = await ds.query(`SELECT items FROM catalog_feed_run WHERE id = $1`, [run.id]);
    expect(stored.items.find((i: { code: string }) => i.code === '1.000894').message).toContain('THOIGIANGIAIQUYET');
    await fetch(`${sim.url}/sim/catalog/9.9`, { method: 'DELETE' });
  });

  it('records a failed run and changes nothing when the portal answers 5xx', async () => {
    await put('1.000894', { ...fed('1.000894'), NGAYCAPNHAT: undefined, THOIGIANGIAIQUYET: 1 });
    const count = await versionCount();
    const states = await ds.query(`SELECT * FROM procedure_feed_state ORDER BY procedure_id`);
    sim.runtime.setFaults({ errorRate: 1 });
    try {
      const run = await feed.refresh('schedule');
      expect(run).toMatchObject({ status: 'failed', created: 0, updated: 0, unchanged: 0, failed: 0, items: [] });
      expect(run.error).toContain('503');
      expect(run.finishedAt).not.toBeNull();
    } finally {
      sim.runtime.setFaults({ errorRate: 0 });
    }
    expect(await versionCount()).toBe(count);
    expect(await ds.query(`SELECT * FROM procedure_feed_state ORDER BY procedure_id`)).toEqual(states);
    // Once the portal is back, the change is taken.
    expect(await feed.refresh('manual')).toMatchObject({ status: 'done', updated: 1, failed: 0 });
    expect((await versionsOf('1.000894')).versions.map((v) => `${v.version} ${v.status} ${v.timeLimitDays}`)).toEqual(['1 published 0', '2 draft 1']);
  });

  it('runs one refresh at a time', async () => {
    sim.runtime.setFaults({ latencyMs: 150 });
    try {
      const [a, b] = await Promise.allSettled([feed.refresh('manual'), feed.refresh('schedule')]);
      const refused = [a, b].filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
      expect(refused).toHaveLength(1);
      expect(refused[0].reason).toBeInstanceOf(AppError);
      expect(refused[0].reason.code).toBe('CATALOG_REFRESH_RUNNING');
    } finally {
      sim.runtime.setFaults({ latencyMs: 0 });
    }
    const runs = await feed.runs(20);
    expect(runs[0].status).toBe('done');
    expect(runs.every((r) => r.status !== 'running')).toBe(true);
  });
});
