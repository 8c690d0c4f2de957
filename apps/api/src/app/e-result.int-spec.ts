import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { verifyPdfSignatures } from '@dvc/platform/signature';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createTestPki, TestPki } from '../../../../libs/platform/signature/src/lib/__fixtures__/test-pki';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { pdfsig } from '../../../../libs/platform/signature/src/lib/__fixtures__/pdfsig';
import { documentsFor, requiredDocuments, uploadDocuments } from './test-documents';
import { startTestApp, TestApp } from './test-app';

jest.setTimeout(120_000);
const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const hasPdfsig = spawnSync('pdfsig', ['-v']).status === 0;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** 1.004873 Cấp Giấy xác nhận tình trạng hôn nhân: toàn trình, default workflow at phường Bình Minh. */
const PROCEDURE = '1.004873';
const AGENCY = '000.31.00.H99';
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

/** The result a specialist drafted: a real two-page PDF. */
async function resultPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const text of ['GIAY XAC NHAN TINH TRANG HON NHAN', 'Trang 2']) {
    doc.addPage([595, 842]).drawText(text, { x: 72, y: 760, size: 14, font });
  }
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

const saved: Record<string, string | undefined> = {};
const env = (k: string, v: string | undefined) => {
  if (!(k in saved)) saved[k] = process.env[k];
  if (v === undefined) delete process.env[k];
  else process.env[k] = v;
};
const restoreEnv = () => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
    delete saved[k];
  }
};

/** Files under the storage's results/ prefix. */
const resultFiles = (storageDir: string): string[] => {
  const root = join(storageDir, 'results');
  return existsSync(root) ? readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name) : [];
};

/** Drives a fresh dossier to the leader's approval step; returns its id. */
async function toApproval(t: TestApp, tok: Record<string, string>, citizen: string, key: string): Promise<string> {
  const id = (
    await t.http
      .post('/api/v1/dossiers')
      .set(auth(citizen))
      .set('Idempotency-Key', key)
      .send({ procedureCode: PROCEDURE, receivingAgencyCode: AGENCY, formData: maritalForm, attachments: await documentsFor(t, citizen, PROCEDURE) })
      .expect(201)
  ).body.id as string;
  for (const [who, action] of [
    ['tiepnhan.binhminh', 'accept'],
    ['chuyenvien.binhminh', 'assign'],
    ['chuyenvien.binhminh', 'submit_for_approval'],
  ]) {
    const v = (await t.http.get(`/api/v1/desk/dossiers/${id}`).set(auth(tok[who])).expect(200)).body.rowVersion;
    await t.http.post(`/api/v1/desk/dossiers/${id}/actions`).set(auth(tok[who])).send({ action, expectedVersion: v }).expect(200);
  }
  return id;
}

async function logins(t: TestApp): Promise<{ tok: Record<string, string>; citizen: string; otherCitizen: string }> {
  const tok: Record<string, string> = {};
  for (const u of ['tiepnhan.binhminh', 'chuyenvien.binhminh', 'lanhdao.binhminh', 'lanhdao.stp']) tok[u] = await t.login(u);
  const citizenLogin = async (identityNumber: string) =>
    (await t.http.post('/api/v1/auth/citizen/login').send({ identityNumber, password: 'Demo@2026' }).expect(200)).body.accessToken as string;
  return { tok, citizen: await citizenLogin('001099012345'), otherCitizen: await citizenLogin('079188004321') };
}

describe('e-result signed by the leader at approval and delivered at return (test CA)', () => {
  let t: TestApp;
  let pki: TestPki;
  let dir: string;
  let tok: Record<string, string>;
  let citizen: string;
  let otherCitizen: string;

  beforeAll(async () => {
    pki = createTestPki();
    dir = mkdtempSync(join(tmpdir(), 'dvc-e-result-'));
    writeFileSync(join(dir, 'agency.p12'), pki.signerP12);
    writeFileSync(join(dir, 'ca.pem'), pki.rootPem);
    // Only phường Bình Minh has a signer (SIGNING_AGENCIES, no default signer).
    env('SIGNING_MODE', 'none');
    env('SIGNING_AGENCIES', JSON.stringify({ [AGENCY]: { mode: 'pkcs12', p12Path: join(dir, 'agency.p12'), password: pki.p12Password } }));
    env('SIGNING_TRUST_STORE', join(dir, 'ca.pem'));
    env('STORAGE_DIR', join(dir, 'storage'));
    t = await startTestApp();
    ({ tok, citizen, otherCitizen } = await logins(t));
  });
  afterAll(async () => {
    await t?.close();
    restoreEnv();
    rmSync(dir, { recursive: true, force: true });
  });

  const approve = (id: string, version: number, file: Buffer, filename = 'quyet-dinh.pdf', token = tok['lanhdao.binhminh']) =>
    t.http
      .post(`/api/v1/desk/dossiers/${id}/approval`)
      .set(auth(token))
      .field('expectedVersion', String(version))
      .field('note', 'Đồng ý cấp giấy xác nhận')
      .attach('file', file, { filename, contentType: 'application/pdf' });
  const deskDetail = async (id: string, who = 'lanhdao.binhminh') =>
    (await t.http.get(`/api/v1/desk/dossiers/${id}`).set(auth(tok[who])).expect(200)).body;

  it('signs the uploaded result at approval, delivers it at return, and lets the citizen reuse it', async () => {
    const id = await toApproval(t, tok, citizen, 'e-result-1');
    const before = await deskDetail(id);
    expect(before.status).toBe('awaiting_approval');
    const original = await resultPdf();

    const approved = (await approve(id, before.rowVersion, original).expect(200)).body;
    expect(approved).toMatchObject({ status: 'result_ready', step: { id: 'return' } });
    const [leader] = await t.ds.query(`SELECT id, full_name FROM official WHERE username = 'lanhdao.binhminh'`);
    expect(approved.result).toMatchObject({
      signerName: leader.full_name,
      unitName: before.currentUnit.name,
      certificateSubject: expect.stringContaining('CN=Nguyễn Văn Ánh'),
      signatureStatus: 'valid',
      delivered: false,
      documentId: null,
      href: `/api/v1/desk/dossiers/${id}/result`,
    });
    // One transaction: the approval event, the signing event and the outbox row; the row and the file.
    const events = (await t.ds.query(`SELECT type FROM dossier_event WHERE dossier_id = $1 ORDER BY id`, [id])).map((e: { type: string }) => e.type);
    expect(events.slice(-2)).toEqual(['approved', 'result_signed']);
    // document_id is set at return (delivery): re-read then.
    const [row] = await t.ds.query(`SELECT storage_key, sha256, size_bytes, signed_by, document_id FROM dossier_result WHERE dossier_id = $1`, [id]);
    expect(row.signed_by).toBe(leader.id);
    const stored = readFileSync(join(dir, 'storage', ...String(row.storage_key).split('/')));
    expect(sha256(stored)).toBe(row.sha256.trim());
    expect(stored.length).toBe(Number(row.size_bytes));
    expect(stored.subarray(0, original.length).equals(original)).toBe(true); // incremental update: the original bytes are kept
    // The documents the applicant gave stay apart from the result.
    expect(approved.documents.map((d: { documentCode: string }) => d.documentCode)).not.toContain('KQ');

    // The desk downloads it.
    const deskPdf = (await t.http.get(`/api/v1/desk/dossiers/${id}/result`).set(auth(tok['lanhdao.binhminh'])).responseType('blob').expect(200)).body as Buffer;
    expect(deskPdf.equals(stored)).toBe(true);
    await t.http.get(`/api/v1/desk/dossiers/${id}/result`).set(auth(tok['lanhdao.stp'])).expect(404);

    // Not the citizen's yet: the dossier has not been returned.
    await t.http.get(`/api/v1/dossiers/${id}/result`).set(auth(citizen)).expect(404);
    const storeBefore = (await t.http.get('/api/v1/documents?pageSize=100').set(auth(citizen)).expect(200)).body;
    expect(storeBefore.items.filter((d: { dossier: { id: string } }) => d.dossier.id === id).map((d: { documentCode: string }) => d.documentCode)).not.toContain('KQ');
    expect((await t.http.get(`/api/v1/dossiers/${id}`).set(auth(citizen)).expect(200)).body.result).toBeNull();
    // Nor through the attachment route: the applicant owns no copy before the return.
    expect(row.document_id).toBeNull();
    const copies = await t.ds.query(
      `SELECT (SELECT count(*)::int FROM attachment WHERE dossier_id = $1 AND document_code = 'KQ') AS attachments,
              (SELECT count(*)::int FROM dossier_document WHERE dossier_id = $1 AND source = 'result') AS documents`,
      [id],
    );
    expect(copies[0]).toEqual({ attachments: 0, documents: 0 });

    // The desk returns the result: level 4 delivery.
    const v = (await deskDetail(id, 'tiepnhan.binhminh')).rowVersion;
    await t.http.post(`/api/v1/desk/dossiers/${id}/actions`).set(auth(tok['tiepnhan.binhminh'])).send({ action: 'return_result', expectedVersion: v }).expect(200);

    [row.document_id] = (await t.ds.query(`SELECT document_id FROM dossier_result WHERE dossier_id = $1`, [id])).map((r: { document_id: string }) => r.document_id);
    expect(row.document_id).toEqual(expect.any(String));
    const res = await t.http.get(`/api/v1/dossiers/${id}/result`).set(auth(citizen)).responseType('blob').expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.body as Buffer;
    expect(pdf.equals(stored)).toBe(true);
    await t.http.get(`/api/v1/dossiers/${id}/result`).set(auth(otherCitizen)).expect(404);

    const [sig, ...more] = verifyPdfSignatures(pdf, [pki.rootPem]);
    expect(more).toHaveLength(0);
    expect(sig).toMatchObject({ status: 'valid', integrity: 'valid', chain: 'trusted', coversWholeDocument: true });
    const flipped = Buffer.from(pdf);
    // A byte of the first page's content stream (inside the first signed range).
    const at = pdf.indexOf('stream\n') + 'stream\n'.length + 4;
    flipped[at] ^= 0x01;
    expect(verifyPdfSignatures(flipped, [pki.rootPem])[0].integrity).toBe('invalid');
    if (hasPdfsig) {
      const ok = pdfsig(pdf);
      expect(ok.signatures).toHaveLength(1);
      expect(ok.signatures[0].signatureValidation).toBe('Signature is Valid.');
      expect(ok.signatures[0].totalDocumentSigned).toBe(true);
      const bad = pdfsig(flipped);
      expect(bad.signatures[0].signatureValidation).not.toBe('Signature is Valid.');
    }

    // The citizen's dossier view and document store show it.
    const mine = (await t.http.get(`/api/v1/dossiers/${id}`).set(auth(citizen)).expect(200)).body;
    expect(mine.status).toBe('returned');
    expect(mine.result).toMatchObject({ delivered: true, signatureStatus: 'valid', documentId: row.document_id, href: `/api/v1/dossiers/${id}/result` });
    const store = (await t.http.get('/api/v1/documents?pageSize=100').set(auth(citizen)).expect(200)).body;
    const entry = store.items.find((d: { id: string }) => d.id === row.document_id);
    expect(entry).toMatchObject({ documentCode: 'KQ', mediaType: 'application/pdf', sha256: row.sha256.trim(), dossier: { id } });
    expect(entry.name).toMatch(/^Kết quả giải quyết: /);
    const viaAttachment = (await t.http.get(`/api/v1/attachments/${entry.attachmentId}/content`).set(auth(citizen)).responseType('blob').expect(200)).body as Buffer;
    expect(viaAttachment.equals(stored)).toBe(true);
    const otherStore = (await t.http.get('/api/v1/documents?pageSize=100').set(auth(otherCitizen)).expect(200)).body;
    expect(otherStore.items.map((d: { id: string }) => d.id)).not.toContain(row.document_id);

    // Reused in a later dossier (NĐ 45/2020: not asked twice).
    const [first, ...rest] = requiredDocuments(PROCEDURE);
    const attachments = [{ documentCode: first, documentId: row.document_id }, ...(await uploadDocuments(t, citizen, rest))];
    const next = (
      await t.http
        .post('/api/v1/dossiers')
        .set(auth(citizen))
        .set('Idempotency-Key', 'e-result-reuse')
        .send({ procedureCode: PROCEDURE, receivingAgencyCode: AGENCY, formData: maritalForm, attachments })
        .expect(201)
    ).body.id as string;
    const [reused] = await t.ds.query(`SELECT source, reused_from_document_id, sha256 FROM dossier_document WHERE dossier_id = $1 AND document_code = $2`, [next, first]);
    expect(reused).toMatchObject({ source: 'reused', reused_from_document_id: row.document_id, sha256: row.sha256 });
    // Another citizen cannot reuse it.
    await t.http
      .post('/api/v1/dossiers')
      .set(auth(otherCitizen))
      .set('Idempotency-Key', 'e-result-steal')
      .send({ procedureCode: PROCEDURE, receivingAgencyCode: AGENCY, formData: maritalForm, attachments: [{ documentCode: first, documentId: row.document_id }, ...(await uploadDocuments(t, otherCitizen, rest))] })
      .expect(400);
  });

  it('refuses a result that is not a PDF, with nothing written', async () => {
    const id = await toApproval(t, tok, citizen, 'e-result-2');
    const before = await deskDetail(id);
    const files = resultFiles(join(dir, 'storage'));
    const res = await approve(id, before.rowVersion, Buffer.from('<html><body>Quyết định</body></html>'), 'quyet-dinh.pdf').expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'ATTACHMENT_TYPE_NOT_ALLOWED', errors: [{ field: 'file' }] });
    expect(res.body.detail).toContain('không phải tệp PDF');
    // A PDF header with a broken body cannot be signed either.
    const broken = await approve(id, before.rowVersion, Buffer.from(`%PDF-1.7\n${'x'.repeat(400)}`)).expect(400);
    expect(broken.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'file' }] });
    // A specialist cannot approve through this route.
    await approve(id, before.rowVersion, await resultPdf(), 'kq.pdf', tok['chuyenvien.binhminh']).expect(403);

    const after = await deskDetail(id);
    expect(after).toMatchObject({ status: 'awaiting_approval', rowVersion: before.rowVersion, result: null });
    expect(await t.ds.query(`SELECT 1 FROM dossier_result WHERE dossier_id = $1`, [id])).toHaveLength(0);
    expect(await t.ds.query(`SELECT 1 FROM dossier_document WHERE dossier_id = $1 AND source = 'result'`, [id])).toHaveLength(0);
    expect(resultFiles(join(dir, 'storage'))).toEqual(files);
  });

  it('refuses a stale version before signing', async () => {
    const id = await toApproval(t, tok, citizen, 'e-result-3');
    const before = await deskDetail(id);
    const res = await approve(id, before.rowVersion - 1, await resultPdf()).expect(409);
    expect(res.body.code).toBe('STALE_VERSION');
    expect(await t.ds.query(`SELECT 1 FROM dossier_result WHERE dossier_id = $1`, [id])).toHaveLength(0);
  });

  it('removes the signed file when the approval transaction fails after storing it', async () => {
    const id = await toApproval(t, tok, citizen, 'e-result-4');
    const before = await deskDetail(id);
    const files = resultFiles(join(dir, 'storage'));
    // The last statement of the transaction fails: the approval rolls back and the file must go.
    await t.ds.query(`CREATE FUNCTION e_result_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'test failure'; END $$`);
    await t.ds.query(`CREATE TRIGGER e_result_fail BEFORE INSERT ON dossier_event FOR EACH ROW WHEN (NEW.type = 'result_signed') EXECUTE FUNCTION e_result_fail()`);
    try {
      await approve(id, before.rowVersion, await resultPdf()).expect(500);
    } finally {
      await t.ds.query(`DROP TRIGGER e_result_fail ON dossier_event`);
      await t.ds.query(`DROP FUNCTION e_result_fail()`);
    }
    expect(await deskDetail(id)).toMatchObject({ status: 'awaiting_approval', rowVersion: before.rowVersion, result: null });
    expect(await t.ds.query(`SELECT 1 FROM dossier_result WHERE dossier_id = $1`, [id])).toHaveLength(0);
    expect(await t.ds.query(`SELECT 1 FROM attachment WHERE dossier_id = $1 AND document_code = 'KQ'`, [id])).toHaveLength(0);
    expect(resultFiles(join(dir, 'storage'))).toEqual(files);
    // Once the fault is gone, the same approval goes through.
    await approve(id, before.rowVersion, await resultPdf()).expect(200);
    expect(resultFiles(join(dir, 'storage'))).toHaveLength(files.length + 1);
  });
});

describe('e-result without a configured signer', () => {
  let t: TestApp;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dvc-e-result-nosigner-'));
    env('SIGNING_MODE', 'none');
    env('SIGNING_AGENCIES', undefined);
    env('SIGNING_TRUST_STORE', undefined);
    env('STORAGE_DIR', join(dir, 'storage'));
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
    restoreEnv();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses the approval with a Vietnamese problem and writes nothing', async () => {
    const { tok, citizen } = await logins(t);
    const id = await toApproval(t, tok, citizen, 'e-result-nosigner');
    const before = (await t.http.get(`/api/v1/desk/dossiers/${id}`).set(auth(tok['lanhdao.binhminh'])).expect(200)).body;
    const res = await t.http
      .post(`/api/v1/desk/dossiers/${id}/approval`)
      .set(auth(tok['lanhdao.binhminh']))
      .field('expectedVersion', String(before.rowVersion))
      .attach('file', await resultPdf(), { filename: 'quyet-dinh.pdf', contentType: 'application/pdf' })
      .expect(409);
    expect(res.body).toMatchObject({ code: 'SIGNER_NOT_CONFIGURED', title: 'Đơn vị chưa được cấu hình chữ ký số để ký kết quả giải quyết' });
    expect(res.body.detail).toContain(AGENCY);
    const after = (await t.http.get(`/api/v1/desk/dossiers/${id}`).set(auth(tok['lanhdao.binhminh'])).expect(200)).body;
    expect(after).toMatchObject({ status: 'awaiting_approval', rowVersion: before.rowVersion, result: null });
    expect(await t.ds.query(`SELECT 1 FROM dossier_result`)).toHaveLength(0);
    expect(resultFiles(join(dir, 'storage'))).toEqual([]);
  });
});
