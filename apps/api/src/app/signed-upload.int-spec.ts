import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { Pkcs12Signer, signPdf } from '@dvc/platform/signature';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createTestPki, TestPki } from '../../../../libs/platform/signature/src/lib/__fixtures__/test-pki';
import { startTestApp, TestApp } from './test-app';

jest.setTimeout(120_000);
const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

const birthForm = {
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

async function simplePdf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText(text, { x: 50, y: 780, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

describe('verification of signed PDF uploads (test CA as trust store)', () => {
  let t: TestApp;
  let pki: TestPki;
  let dir: string;
  let citizen: string;
  let signed: Buffer;
  let unsigned: Buffer;
  const saved: Record<string, string | undefined> = {};
  const env = (k: string, v: string) => {
    saved[k] = process.env[k];
    process.env[k] = v;
  };
  const upload = (bytes: Buffer, filename: string, code?: string) => {
    const req = t.http.post('/api/v1/attachments').set(auth(citizen));
    if (code) req.field('documentCode', code);
    return req.attach('file', bytes, { filename, contentType: 'application/pdf' });
  };

  beforeAll(async () => {
    pki = createTestPki();
    dir = mkdtempSync(join(tmpdir(), 'dvc-signed-upload-'));
    writeFileSync(join(dir, 'ca.pem'), pki.rootPem);
    env('SIGNING_MODE', 'none');
    env('SIGNING_TRUST_STORE', join(dir, 'ca.pem'));
    env('STORAGE_DIR', join(dir, 'storage'));
    t = await startTestApp();
    citizen = (await t.http.post('/api/v1/auth/citizen/login').send({ identityNumber: '001099012345', password: 'Demo@2026' }).expect(200)).body
      .accessToken as string;
    unsigned = await simplePdf('To khai dang ky khai sinh');
    signed = await signPdf(unsigned, new Pkcs12Signer(pki.signerP12, pki.p12Password), { signerName: 'Nguyễn Văn An', reason: 'Ký tờ khai' });
  });
  afterAll(async () => {
    await t?.close();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores valid / invalid / none on the attachment and shows it to the desk', async () => {
    const ok = await upload(signed, 'to-khai-ky-so.pdf', 'TP01').expect(201);
    expect(ok.body.signatureStatus).toBe('valid');
    expect(ok.body.signatureInfo).toEqual([expect.objectContaining({ status: 'valid', integrity: 'valid', chain: 'trusted', coversWholeDocument: true })]);

    // One byte flipped inside the signed range (the binary comment after the header): the digest no longer matches.
    const tampered = Buffer.from(signed);
    expect(tampered[9]).toBe(0x25); // '%'
    tampered[10] ^= 0x01;
    const bad = await upload(tampered, 'to-khai-sua.pdf').expect(201);
    expect(bad.body.signatureStatus).toBe('invalid');
    expect(bad.body.signatureInfo[0]).toMatchObject({ status: 'invalid', integrity: 'invalid' });

    const none = await upload(unsigned, 'giay-chung-sinh.pdf', 'TP02').expect(201);
    expect(none.body).toMatchObject({ signatureStatus: 'none', signatureInfo: null });

    const rows = await t.ds.query(`SELECT id, signature_status FROM attachment WHERE id = ANY($1) ORDER BY created_at`, [[ok.body.id, bad.body.id, none.body.id]]);
    expect(Object.fromEntries(rows.map((r: { id: string; signature_status: string }) => [r.id, r.signature_status]))).toEqual({
      [ok.body.id]: 'valid',
      [bad.body.id]: 'invalid',
      [none.body.id]: 'none',
    });

    // Submitted with the dossier, the status shows next to the document in the desk's detail.
    const dossier = await t.http
      .post('/api/v1/dossiers')
      .set(auth(citizen))
      .set('Idempotency-Key', 'signed-upload-1')
      .send({
        procedureCode: '1.001193',
        receivingAgencyCode: '000.31.00.H99',
        formData: birthForm,
        attachments: [
          { documentCode: 'TP01', attachmentId: ok.body.id },
          { documentCode: 'TP02', attachmentId: none.body.id },
        ],
      })
      .expect(201);
    const officer = await t.login('tiepnhan.binhminh');
    const detail = await t.http.get(`/api/v1/desk/dossiers/${dossier.body.id}`).set(auth(officer)).expect(200);
    const byCode = Object.fromEntries((detail.body.documents as { documentCode: string; signatureStatus?: string }[]).map((d) => [d.documentCode, d]));
    expect(byCode['TP01']).toMatchObject({ signatureStatus: 'valid', signatureInfo: [expect.objectContaining({ chain: 'trusted' })] });
    expect(byCode['TP02']).toMatchObject({ signatureStatus: 'none' });
  });
});
