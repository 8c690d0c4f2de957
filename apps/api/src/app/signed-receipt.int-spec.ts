import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyPdfSignatures } from '@dvc/platform/signature';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createTestPki, TestPki } from '../../../../libs/platform/signature/src/lib/__fixtures__/test-pki';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { pdfsig } from '../../../../libs/platform/signature/src/lib/__fixtures__/pdfsig';
import { startTestApp, TestApp } from './test-app';

jest.setTimeout(120_000);
const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const hasPdfsig = spawnSync('pdfsig', ['-v']).status === 0;

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

describe('signed receipt Mẫu 01 (SIGNING_MODE=pkcs12, test CA)', () => {
  let t: TestApp;
  let pki: TestPki;
  let dir: string;
  const saved: Record<string, string | undefined> = {};
  const env = (k: string, v: string) => {
    saved[k] = process.env[k];
    process.env[k] = v;
  };

  beforeAll(async () => {
    pki = createTestPki();
    dir = mkdtempSync(join(tmpdir(), 'dvc-signing-'));
    writeFileSync(join(dir, 'agency.p12'), pki.signerP12);
    writeFileSync(join(dir, 'ca.pem'), pki.rootPem);
    env('SIGNING_MODE', 'pkcs12');
    env('SIGNING_P12_PATH', join(dir, 'agency.p12'));
    env('SIGNING_P12_PASSWORD', pki.p12Password);
    env('SIGNING_TRUST_STORE', join(dir, 'ca.pem'));
    env('STORAGE_DIR', join(dir, 'storage'));
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the receipt PAdES-signed by the agency certificate, valid for our verifier and pdfsig', async () => {
    const citizen = (await t.http.post('/api/v1/auth/citizen/login').send({ identityNumber: '001099012345', password: 'Demo@2026' }).expect(200)).body
      .accessToken as string;
    const upload = async (code: string, name: string) =>
      (
        await t.http
          .post('/api/v1/attachments')
          .set(auth(citizen))
          .field('documentCode', code)
          .attach('file', Buffer.from(`%PDF-1.7\n% ${code}\n${' '.repeat(512)}`), { filename: name, contentType: 'application/pdf' })
          .expect(201)
      ).body.id as string;
    const attachments = [
      { documentCode: 'TP01', attachmentId: await upload('TP01', 'to-khai.pdf') },
      { documentCode: 'TP02', attachmentId: await upload('TP02', 'giay-chung-sinh.pdf') },
    ];
    const dossier = (
      await t.http
        .post('/api/v1/dossiers')
        .set(auth(citizen))
        .set('Idempotency-Key', 'signed-receipt-1')
        .send({ procedureCode: '1.001193', receivingAgencyCode: '000.31.00.H99', formData: birthForm, attachments })
        .expect(201)
    ).body as { id: string };
    const res = await t.http.get(`/api/v1/dossiers/${dossier.id}/receipt.pdf`).responseType('blob').set(auth(citizen)).expect(200);
    const pdf = res.body as Buffer;
    expect(res.headers['content-type']).toBe('application/pdf');

    const [sig, ...more] = verifyPdfSignatures(pdf, [pki.rootPem]);
    expect(more).toHaveLength(0);
    expect(sig.integrity).toBe('valid');
    expect(sig.chain).toBe('trusted');
    expect(sig.status).toBe('valid');
    expect(sig.coversWholeDocument).toBe(true);

    if (hasPdfsig) {
      const out = pdfsig(pdf);
      expect(out.signatures).toHaveLength(1);
      expect(out.signatures[0].signatureValidation).toBe('Signature is Valid.');
      expect(out.signatures[0].totalDocumentSigned).toBe(true);
    }
  });
});
