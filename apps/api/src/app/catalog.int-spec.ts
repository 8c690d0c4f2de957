import { readFileSync } from 'node:fs';
import { catalogSeedPath } from '../seed/seed';
import { startTestApp, TestApp } from './test-app';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('catalog API (real PostgreSQL)', () => {
  let t: TestApp;
  let provinceAdmin: string;
  let justiceAdmin: string;
  beforeAll(async () => {
    t = await startTestApp();
    provinceAdmin = await t.login('quantri.tinh');
    justiceAdmin = await t.login('quantri.stp');
  });
  afterAll(() => t.close());

  describe('permissions', () => {
    it('refuses admin endpoints without a token (401) and to an intake officer (403)', async () => {
      await t.http.get('/api/v1/admin/procedures').expect(401);
      const officer = await t.login('tiepnhan.tinh');
      const res = await t.http.post('/api/v1/admin/catalog/import').set(auth(officer)).send({}).expect(403);
      expect(res.body).toMatchObject({ code: 'FORBIDDEN', title: 'Bạn không có quyền thực hiện thao tác này' });
    });

    it('scopes an agency admin to the units they serve; another unit\'s procedure is a 404', async () => {
      const mine = await t.http.get('/api/v1/admin/procedures').set(auth(justiceAdmin)).expect(200);
      expect(mine.body.length).toBeGreaterThan(0);
      expect(mine.body.every((p: { ownerAgency: { code: string } }) => p.ownerAgency.code === '000.00.11.H99')).toBe(true);
      const all = await t.http.get('/api/v1/admin/procedures').set(auth(provinceAdmin)).expect(200);
      const commune = all.body.find((p: { code: string }) => p.code === '1.001193');
      await t.http.get(`/api/v1/admin/procedures/${commune.id}`).set(auth(justiceAdmin)).expect(404);
      const draft = await t.http.post(`/api/v1/admin/procedures/${commune.id}/versions`).set(auth(justiceAdmin)).expect(404);
      expect(draft.body.code).toBe('PROCEDURE_NOT_FOUND');
    });
  });

  describe('public search', () => {
    it('finds "Đăng ký khai sinh" with and without diacritics, and by prefix', async () => {
      for (const q of ['dang ky khai sinh', 'Đăng ký khai sinh', 'DANG KY KHAI', 'khai sinh']) {
        const res = await t.http.get('/api/v1/catalog/procedures').query({ q }).expect(200);
        expect(res.body.items.map((i: { name: string }) => i.name)).toContain('Đăng ký khai sinh');
      }
    });

    it('finds a procedure by its national code first', async () => {
      const res = await t.http.get('/api/v1/catalog/procedures').query({ q: '1.000894' }).expect(200);
      expect(res.body.items[0]).toMatchObject({ code: '1.000894', name: 'Đăng ký kết hôn' });
    });

    it('filters by field, agency and level, and pages', async () => {
      const byField = await t.http.get('/api/v1/catalog/procedures').query({ field: 'HT', pageSize: 100 }).expect(200);
      expect(byField.body.total).toBeGreaterThan(3);
      expect(byField.body.items.every((i: { field: { code: string } }) => i.field.code === 'HT')).toBe(true);
      const byAgency = await t.http.get('/api/v1/catalog/procedures').query({ agency: '000.00.14.H99', pageSize: 100 }).expect(200);
      expect(byAgency.body.items.length).toBeGreaterThan(0);
      expect(byAgency.body.items.every((i: { level: string }) => i.level === 'province')).toBe(true);
      const page2 = await t.http.get('/api/v1/catalog/procedures').query({ pageSize: 5, page: 2 }).expect(200);
      expect(page2.body).toMatchObject({ page: 2, pageSize: 5 });
      expect(page2.body.items).toHaveLength(5);
      const bad = await t.http.get('/api/v1/catalog/procedures').query({ level: 'district' }).expect(400);
      expect(bad.body.errors[0]).toMatchObject({ field: 'level', message: 'Cấp thực hiện không hợp lệ' });
    });

    it('shows the detail of the version in force and 404s an unknown code', async () => {
      const res = await t.http.get('/api/v1/catalog/procedures/1.001193').expect(200);
      expect(res.body).toMatchObject({ code: '1.001193', level: 'commune', field: { code: 'HT' } });
      expect(res.body.content.documents.length).toBeGreaterThan(0);
      expect(res.body.implementingAgencies.length).toBe(3);
      expect(res.body.content.formSchema.type).toBe('object');
      await t.http.get('/api/v1/catalog/procedures/9.999999').expect(404);
    });

    it('keeps the e-form fields in the order the procedure was written', async () => {
      const seedFile = JSON.parse(readFileSync(catalogSeedPath(), 'utf8'));
      const seeded = seedFile.procedures.find((p: { code: string }) => p.code === '1.001193').content.formSchema;
      const res = await t.http.get('/api/v1/catalog/procedures/1.001193').expect(200);
      expect(Object.keys(res.body.content.formSchema.properties)).toEqual(Object.keys(seeded.properties));
      expect(Object.keys(seeded.properties)[0]).not.toBe(Object.keys(seeded.properties).sort()[0]);
    });

    it('lists fields with counts of procedures in force', async () => {
      const res = await t.http.get('/api/v1/catalog/fields').expect(200);
      expect(res.body.find((f: { code: string }) => f.code === 'HT').procedureCount).toBeGreaterThan(3);
    });
  });

  describe('versions', () => {
    const content = {
      name: 'Cấp giấy phép tổ chức lễ hội (thử nghiệm)',
      onlineLevel: 'mot_phan',
      timeLimitDays: 10,
      fees: [{ code: 'LP01', name: 'Lệ phí', amount: 0, note: 'Miễn phí' }],
      documents: [{ code: 'TP01', name: 'Văn bản đề nghị', copies: 1, form: 'original', required: true }],
      formSchema: { type: 'object', properties: { tenLeHoi: { type: 'string', title: 'Tên lễ hội', minLength: 3 } }, required: ['tenLeHoi'], additionalProperties: false },
      implementingAgencyCodes: ['000.00.01.H99'],
      resultName: 'Giấy phép tổ chức lễ hội',
      legalBasis: 'Nghị định 110/2018/NĐ-CP',
      applicantTypes: ['citizen', 'business'],
    };
    let procedureId: string;
    let ownerAgencyId: string;

    beforeAll(async () => {
      const agencies = await t.http.get('/api/v1/catalog/agencies').expect(200);
      ownerAgencyId = agencies.body.find((a: { code: string }) => a.code === '000.00.11.H99').id;
    });

    it('creates a procedure as a draft that the public cannot see yet', async () => {
      const res = await t.http.post('/api/v1/admin/procedures').set(auth(justiceAdmin)).send({ code: '9.000001', fieldCode: 'VH', level: 'province', ownerAgencyId, content }).expect(201);
      procedureId = res.body.id;
      expect(res.body.versions).toHaveLength(1);
      expect(res.body.versions[0]).toMatchObject({ version: 1, status: 'draft', rowVersion: 1 });
      await t.http.get('/api/v1/catalog/procedures/9.000001').expect(404);
      const dup = await t.http.post('/api/v1/admin/procedures').set(auth(justiceAdmin)).send({ code: '9.000001', fieldCode: 'VH', level: 'province', ownerAgencyId, content }).expect(409);
      expect(dup.body.code).toBe('PROCEDURE_CODE_TAKEN');
    });

    it('refuses a broken form schema with 422 naming the field', async () => {
      const admin = await t.http.get(`/api/v1/admin/procedures/${procedureId}`).set(auth(justiceAdmin)).expect(200);
      const v = admin.body.versions[0];
      const res = await t.http
        .put(`/api/v1/admin/procedure-versions/${v.id}`)
        .set(auth(justiceAdmin))
        .send({ rowVersion: v.rowVersion, content: { ...content, formSchema: { type: 'object', properties: { a: { type: 'strnig' } } } } })
        .expect(422);
      expect(res.body).toMatchObject({ code: 'INVALID_FORM_SCHEMA', errors: [{ field: 'content.formSchema' }] });
    });

    it('edits a draft with optimistic concurrency, publishes it, and keeps it immutable', async () => {
      let admin = await t.http.get(`/api/v1/admin/procedures/${procedureId}`).set(auth(justiceAdmin)).expect(200);
      const v = admin.body.versions[0];
      const saved = await t.http.put(`/api/v1/admin/procedure-versions/${v.id}`).set(auth(justiceAdmin)).send({ rowVersion: 1, content: { ...content, timeLimitDays: 7 } }).expect(200);
      expect(saved.body).toMatchObject({ rowVersion: 2, timeLimitDays: 7 });
      const stale = await t.http.put(`/api/v1/admin/procedure-versions/${v.id}`).set(auth(justiceAdmin)).send({ rowVersion: 1, content }).expect(409);
      expect(stale.body.code).toBe('STALE_VERSION');

      const pub = await t.http.post(`/api/v1/admin/procedure-versions/${v.id}/publish`).set(auth(justiceAdmin)).expect(200);
      expect(pub.body).toMatchObject({ status: 'published', version: 1 });
      const detail = await t.http.get('/api/v1/catalog/procedures/9.000001').expect(200);
      expect(detail.body).toMatchObject({ version: 1, timeLimitDays: 7 });
      const found = await t.http.get('/api/v1/catalog/procedures').query({ q: 'le hoi thu nghiem' }).expect(200);
      expect(found.body.items[0].code).toBe('9.000001');

      const edit = await t.http.put(`/api/v1/admin/procedure-versions/${v.id}`).set(auth(justiceAdmin)).send({ rowVersion: 2, content }).expect(409);
      expect(edit.body.code).toBe('VERSION_NOT_DRAFT');
      // The database refuses it too, whatever the application does.
      await expect(t.ds.query(`UPDATE procedure_version SET time_limit_days = 1 WHERE id = $1`, [v.id])).rejects.toThrow(/immutable/);
      await expect(t.ds.query(`DELETE FROM procedure_version WHERE id = $1`, [v.id])).rejects.toThrow(/cannot be deleted/);

      // A second version: one draft at a time; publishing it retires version 1.
      const v2 = await t.http.post(`/api/v1/admin/procedures/${procedureId}/versions`).set(auth(justiceAdmin)).expect(201);
      expect(v2.body).toMatchObject({ version: 2, status: 'draft', timeLimitDays: 7 });
      await t.http.post(`/api/v1/admin/procedures/${procedureId}/versions`).set(auth(justiceAdmin)).expect(409);
      await t.http.put(`/api/v1/admin/procedure-versions/${v2.body.id}`).set(auth(justiceAdmin)).send({ rowVersion: 1, content: { ...content, name: 'Cấp giấy phép tổ chức lễ hội' } }).expect(200);
      await t.http.post(`/api/v1/admin/procedure-versions/${v2.body.id}/publish`).set(auth(justiceAdmin)).expect(200);
      admin = await t.http.get(`/api/v1/admin/procedures/${procedureId}`).set(auth(justiceAdmin)).expect(200);
      expect(admin.body.versions.map((x: { version: number; status: string }) => [x.version, x.status])).toEqual([
        [2, 'published'],
        [1, 'retired'],
      ]);
      expect(admin.body.currentVersion).toBe(2);
      expect((await t.http.get('/api/v1/catalog/procedures/9.000001').expect(200)).body.name).toBe('Cấp giấy phép tổ chức lễ hội');

      // Retire: the procedure leaves the public catalog.
      await t.http.post(`/api/v1/admin/procedure-versions/${v2.body.id}/retire`).set(auth(justiceAdmin)).expect(200);
      await t.http.get('/api/v1/catalog/procedures/9.000001').expect(404);
      await t.http.post(`/api/v1/admin/procedure-versions/${v2.body.id}/retire`).set(auth(justiceAdmin)).expect(409);
    });
  });

  describe('import and export', () => {
    it('round-trips: importing what was exported changes nothing', async () => {
      const exp = await t.http.get('/api/v1/admin/catalog/export').set(auth(provinceAdmin)).expect(200);
      expect(exp.body).toMatchObject({ format: 'dvc-catalog', formatVersion: 1 });
      expect(exp.body.procedures.length).toBeGreaterThanOrEqual(15);
      const again = await t.http.post('/api/v1/admin/catalog/import').set(auth(provinceAdmin)).send(exp.body).expect(200);
      expect(again.body.errors).toEqual([]);
      expect(again.body.created).toEqual([]);
      expect(again.body.newDrafts).toEqual([]);
      expect(again.body.unchanged).toHaveLength(exp.body.procedures.length);
    });

    it('reports per-procedure errors without stopping the import', async () => {
      const exp = await t.http.get('/api/v1/admin/catalog/export').set(auth(provinceAdmin)).expect(200);
      const [first, second] = exp.body.procedures;
      const file = {
        ...exp.body,
        procedures: [
          { ...first, content: { ...first.content, name: first.content.name + ' (sửa đổi)' } },
          { ...second, ownerAgencyCode: '999.99.99.Z99' },
          { ...second, code: 'khong-hop-le' },
        ],
      };
      const res = await t.http.post('/api/v1/admin/catalog/import').set(auth(provinceAdmin)).send(file).expect(200);
      expect(res.body.newDrafts).toEqual([first.code]);
      expect(res.body.errors.map((e: { code: string }) => e.code)).toEqual([second.code, 'khong-hop-le']);
      const bad = await t.http.post('/api/v1/admin/catalog/import').set(auth(provinceAdmin)).send({ hello: 'world' }).expect(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
    });
  });
});
