import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vnDateTime } from '@dvc/one-stop/documents';
import { documentsFor } from './test-documents';
import { startTestApp, TestApp } from './test-app';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;

/** The text a citizen's PDF viewer shows (poppler's pdftotext), whitespace folded. */
function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'dvc-receipt-'));
  try {
    writeFileSync(join(dir, 'r.pdf'), pdf);
    return execFileSync('pdftotext', [join(dir, 'r.pdf'), '-'], { encoding: 'utf8' }).normalize('NFC').replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

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

describe('receipt Mẫu 01 download (real PostgreSQL)', () => {
  let t: TestApp;
  let citizen: string;
  let other: string;
  let dossier: { id: string; code: string; receivedAt: string; dueAt: string };

  const citizenLogin = async (identityNumber: string) =>
    (await t.http.post('/api/v1/auth/citizen/login').send({ identityNumber, password: 'Demo@2026' }).expect(200)).body.accessToken as string;
  const download = (id: string, token?: string) => {
    const req = t.http.get(`/api/v1/dossiers/${id}/receipt.pdf`).responseType('blob');
    return token ? req.set(auth(token)) : req;
  };

  beforeAll(async () => {
    t = await startTestApp();
    citizen = await citizenLogin('001099012345');
    other = await citizenLogin('079188004321');
    const res = await t.http
      .post('/api/v1/dossiers')
      .set(auth(citizen))
      .set('Idempotency-Key', 'receipt-1')
      .send({ procedureCode: '1.001193', receivingAgencyCode: '000.31.00.H99', formData: birthForm, attachments: await documentsFor(t, citizen, '1.001193') })
      .expect(201);
    dossier = res.body;
  });
  afterAll(() => t.close());

  it('refuses without a token (401) and to an official (403)', async () => {
    await download(dossier.id).expect(401);
    const officer = await t.login('tiepnhan.binhminh');
    await download(dossier.id, officer).expect(403);
  });

  it('gives the citizen the receipt of their dossier as a PDF named after the dossier code', async () => {
    const res = await download(dossier.id, citizen).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="giay-tiep-nhan-${dossier.code}.pdf"`);
    expect(res.headers['cache-control']).toBe('private, no-store');
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(Number(res.headers['content-length'])).toBe(pdf.length);
    // Rebuilt from stored data only: the same bytes on every download.
    const again = await download(dossier.id, citizen).expect(200);
    expect((again.body as Buffer).equals(pdf)).toBe(true);
  });

  (hasPoppler ? it : it.skip)('prints the code, the applicant, the required documents and the dates in Vietnam time', async () => {
    const text = pdfText((await download(dossier.id, citizen).expect(200)).body);
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain(`Mã hồ sơ: ${dossier.code}`);
    expect(text).toContain('UBND TỈNH DEMO');
    expect(text).toContain('UBND PHƯỜNG BÌNH MINH');
    expect(text).toContain('Tiếp nhận hồ sơ của: Nguyễn Văn An');
    expect(text).toContain('Số định danh cá nhân: 001099012345');
    expect(text).toContain('0912345678');
    expect(text).toContain('an.nguyen@example.vn');
    expect(text).toContain('Đăng ký khai sinh (mã thủ tục 1.001193)');
    expect(text).toContain('Tờ khai đăng ký khai sinh');
    expect(text).toContain('Giấy chứng sinh do cơ sở y tế cấp');
    // Optional components the applicant did not need are not listed as received.
    expect(text).not.toContain('Biên bản xác nhận việc trẻ bị bỏ rơi');
    expect(text).toContain(`Thời gian nhận hồ sơ: ${vnDateTime(new Date(dossier.receivedAt))}`);
    expect(text).toContain(`Thời gian trả kết quả giải quyết hồ sơ: ${vnDateTime(new Date(dossier.dueAt))}`);
    expect(text).toContain('Hình thức nộp hồ sơ: Trực tuyến');
    expect(text).toContain('Hệ thống');
  });

  (hasPoppler ? it : it.skip)('lists the files received for each component (dossier_document)', async () => {
    const [{ id: citizenId }] = await t.ds.query(`SELECT id FROM citizen WHERE identity_number = '001099012345'`);
    const files = [
      { code: 'TP02', name: 'Giấy chứng sinh do cơ sở y tế cấp', file: 'Giấy chứng sinh.jpg' },
      { code: 'TP02', name: 'Giấy chứng sinh do cơ sở y tế cấp', file: 'Giấy chứng sinh (trang 2).jpg' },
      { code: 'TP09', name: 'Văn bản ủy quyền (được chứng thực) trường hợp ủy quyền thực hiện thủ tục', file: 'uy-quyen.pdf' },
    ];
    for (const [i, f] of files.entries()) {
      const sha = String(i).repeat(64);
      const [a] = await t.ds.query(
        `INSERT INTO attachment (id, owner_citizen_id, file_name, media_type, size_bytes, sha256, storage_key, document_code, dossier_id)
         VALUES (gen_random_uuid(), $1, $2, 'image/jpeg', 1000, $3, $4, $5, $6) RETURNING id`,
        [citizenId, f.file, sha, `receipt-test/${i}`, f.code, dossier.id],
      );
      await t.ds.query(
        `INSERT INTO dossier_document (dossier_id, document_code, name, attachment_id, file_name, media_type, size_bytes, sha256, source)
         VALUES ($1, $2, $3, $4, $5, 'image/jpeg', 1000, $6, 'upload')`,
        [dossier.id, f.code, f.name, a.id, f.file, sha],
      );
    }
    const text = pdfText((await download(dossier.id, citizen).expect(200)).body);
    // TP02.pdf: the file uploaded with the submission (required documents).
    expect(text).toContain('Tệp: TP02.pdf; Giấy chứng sinh.jpg; Giấy chứng sinh (trang 2).jpg');
    // An optional component appears once files were attached to it.
    expect(text).toContain('Văn bản ủy quyền (được chứng thực)');
    expect(text).toContain('uy-quyen.pdf');
  });

  it("reports another citizen's dossier, an unknown id and a malformed id as not found (404)", async () => {
    const theirs = await download(dossier.id, other).expect(404);
    expect(theirs.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(Buffer.from(theirs.body).toString('utf8')).code).toBe('DOSSIER_NOT_FOUND');
    await download('00000000-0000-4000-8000-000000000000', citizen).expect(404);
    await download('not-a-uuid', citizen).expect(404);
  });
});
