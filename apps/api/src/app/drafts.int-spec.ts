import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, TestApp } from './test-app';

// Booting the API on a fresh database can exceed Jest's default 5 s on a busy machine.
jest.setTimeout(60_000);

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const pdf = Buffer.from('%PDF-1.7\n%%EOF\n');

describe('dossier drafts saved server-side (real PostgreSQL)', () => {
  let t: TestApp;
  let storageDir: string;
  let citizen: string;
  let otherDevice: string;
  let other: string;

  const citizenLogin = async (identityNumber: string) =>
    (await t.http.post('/api/v1/auth/citizen/login').send({ identityNumber, password: 'Demo@2026' }).expect(200)).body.accessToken as string;
  const put = (body: object, token = citizen, code = '1.001193') => t.http.put(`/api/v1/dossier-drafts/${code}`).set(auth(token)).send(body);

  beforeAll(async () => {
    storageDir = await mkdtemp(join(tmpdir(), 'dvc-drafts-'));
    process.env['STORAGE_DIR'] = storageDir;
    t = await startTestApp();
    citizen = await citizenLogin('001099012345');
    // The same citizen logged in a second time: their other device.
    otherDevice = await citizenLogin('001099012345');
    other = await citizenLogin('079188004321');
  });
  afterAll(async () => {
    await t.close();
    await rm(storageDir, { recursive: true, force: true });
  });

  it('refuses without a token (401) and to an official (403)', async () => {
    await t.http.get('/api/v1/dossier-drafts').expect(401);
    await t.http.get('/api/v1/dossier-drafts/1.001193').expect(401);
    await t.http.put('/api/v1/dossier-drafts/1.001193').send({ formData: {} }).expect(401);
    await t.http.delete('/api/v1/dossier-drafts/1.001193').expect(401);
    const officer = await t.login('tiepnhan.binhminh');
    const res = await put({ formData: {} }, officer).expect(403);
    expect(res.body.code).toBe('FORBIDDEN');
    await t.http.get('/api/v1/dossier-drafts').set(auth(officer)).expect(403);
    await t.http.get('/api/v1/dossier-drafts/1.001193').set(auth(officer)).expect(403);
    await t.http.delete('/api/v1/dossier-drafts/1.001193').set(auth(officer)).expect(403);
  });

  it('round trip across devices, with optimistic rowVersion: a stale save gets 409', async () => {
    await t.http.get('/api/v1/dossier-drafts/1.001193').set(auth(citizen)).expect(404);
    const created = await put({ receivingAgencyCode: '000.31.00.H99', formData: { hoTenTre: 'NGUYỄN' } }).expect(201);
    expect(created.body).toEqual({
      procedureCode: '1.001193',
      procedureName: 'Đăng ký khai sinh',
      receivingAgencyCode: '000.31.00.H99',
      formData: { hoTenTre: 'NGUYỄN' },
      attachments: [],
      rowVersion: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });

    // The other device resumes it and saves on top.
    const resumed = await t.http.get('/api/v1/dossier-drafts/1.001193').set(auth(otherDevice)).expect(200);
    expect(resumed.body).toEqual(created.body);
    const saved = await put({ receivingAgencyCode: '000.31.00.H99', formData: { hoTenTre: 'NGUYỄN VĂN BÉ', gioiTinh: 'Nam' }, rowVersion: 1 }, otherDevice).expect(200);
    expect(saved.body).toMatchObject({ rowVersion: 2, formData: { hoTenTre: 'NGUYỄN VĂN BÉ', gioiTinh: 'Nam' } });

    // The first device still holds version 1: its save would overwrite, so it is refused.
    const stale = await put({ formData: { hoTenTre: 'CŨ' }, rowVersion: 1 }).expect(409);
    expect(stale.body).toMatchObject({ code: 'STALE_VERSION', detail: expect.stringContaining('phiên bản 2') });
    const again = await put({ formData: { hoTenTre: 'CŨ' } }).expect(409);
    expect(again.body.code).toBe('DRAFT_ALREADY_EXISTS');
    const current = await t.http.get('/api/v1/dossier-drafts/1.001193').set(auth(citizen)).expect(200);
    expect(current.body.formData).toEqual({ hoTenTre: 'NGUYỄN VĂN BÉ', gioiTinh: 'Nam' });

    const list = await t.http.get('/api/v1/dossier-drafts').set(auth(citizen)).expect(200);
    expect(list.body).toEqual([
      { procedureCode: '1.001193', procedureName: 'Đăng ký khai sinh', receivingAgencyCode: '000.31.00.H99', rowVersion: 2, createdAt: expect.any(String), updatedAt: expect.any(String) },
    ]);
    // Drafts are per citizen.
    expect((await t.http.get('/api/v1/dossier-drafts').set(auth(other)).expect(200)).body).toEqual([]);
    await t.http.get('/api/v1/dossier-drafts/1.001193').set(auth(other)).expect(404);
  });

  it('refuses a form over 256 KB, a form that is not an object, bad references and an unknown procedure', async () => {
    const big = await put({ formData: { ghiChu: 'x'.repeat(300 * 1024) } }, citizen, '1.000894').expect(400);
    expect(big.body.errors).toEqual([{ field: 'formData', message: 'Tờ khai của bản nháp vượt quá 256 KB' }]);
    const notObject = await put({ formData: ['x'] }, citizen, '1.000894').expect(400);
    expect(notObject.body.errors[0].field).toBe('formData');
    const badRef = await put({ formData: {}, attachments: [{ documentCode: 'TP01', attachmentId: 'nope' }] }, citizen, '1.000894').expect(400);
    expect(badRef.body.errors[0].field).toBe('attachments.0.attachmentId');
    const badAgency = await put({ formData: {}, receivingAgencyCode: 'H99' }, citizen, '1.000894').expect(400);
    expect(badAgency.body.errors[0].field).toBe('receivingAgencyCode');
    expect((await put({ formData: {} }, citizen, '9.999999').expect(404)).body.code).toBe('PROCEDURE_NOT_FOUND');
    await put({ formData: {} }, citizen, 'not-a-code').expect(404);
    await t.http.get('/api/v1/dossier-drafts/1.000894').set(auth(citizen)).expect(404);
  });

  it("shows the chosen files to the other device, and nothing of someone else's", async () => {
    const mine = await t.http.post('/api/v1/attachments').set(auth(citizen)).attach('file', pdf, 'to-khai.pdf').expect(201);
    const theirs = await t.http.post('/api/v1/attachments').set(auth(other)).attach('file', pdf, 'cua-ho.pdf').expect(201);
    const res = await put(
      {
        formData: {},
        attachments: [
          { documentCode: 'TP01', attachmentId: mine.body.id },
          { documentCode: 'TP02', attachmentId: theirs.body.id },
        ],
      },
      citizen,
      '1.000894',
    ).expect(201);
    expect(res.body.attachments).toEqual([
      { documentCode: 'TP01', attachmentId: mine.body.id, file: { fileName: 'to-khai.pdf', mediaType: 'application/pdf', sizeBytes: pdf.length } },
      { documentCode: 'TP02', attachmentId: theirs.body.id, file: null },
    ]);
    await t.http.delete('/api/v1/dossier-drafts/1.000894').set(auth(citizen)).expect(204);
    await t.http.delete('/api/v1/dossier-drafts/1.000894').set(auth(citizen)).expect(404);
  });

  it('a successful submission deletes the draft of that procedure, and only that one', async () => {
    await put({ formData: {} }, citizen, '1.000894').expect(201);
    const draft = (await t.http.get('/api/v1/dossier-drafts/1.001193').set(auth(citizen)).expect(200)).body;
    const toKhai = await t.http.post('/api/v1/attachments').set(auth(citizen)).attach('file', pdf, 'to-khai.pdf').expect(201);
    const chungSinh = await t.http.post('/api/v1/attachments').set(auth(citizen)).attach('file', pdf, 'chung-sinh.pdf').expect(201);
    const form = {
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
    };
    await t.http
      .post('/api/v1/dossiers')
      .set(auth(citizen))
      .set('Idempotency-Key', 'draft-submit-1')
      .send({
        procedureCode: '1.001193',
        receivingAgencyCode: draft.receivingAgencyCode,
        formData: form,
        attachments: [
          { documentCode: 'TP01', attachmentId: toKhai.body.id },
          { documentCode: 'TP02', attachmentId: chungSinh.body.id },
        ],
      })
      .expect(201);
    await t.http.get('/api/v1/dossier-drafts/1.001193').set(auth(citizen)).expect(404);
    // A device still holding the old draft is told it is gone rather than recreating it silently.
    const late = await put({ formData: {}, rowVersion: draft.rowVersion }, otherDevice).expect(409);
    expect(late.body.detail).toContain('không còn');
    const list = await t.http.get('/api/v1/dossier-drafts').set(auth(citizen)).expect(200);
    expect(list.body.map((d: { procedureCode: string }) => d.procedureCode)).toEqual(['1.000894']);
  });
});
