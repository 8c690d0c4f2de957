import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SlaService } from '@dvc/one-stop/desk';
import { hashPassword } from '@dvc/platform/identity';
import { Pkcs12Signer, SignerRegistry, verifyPdfSignatures } from '@dvc/platform/signature';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createTestPki } from '../../../../libs/platform/signature/src/lib/__fixtures__/test-pki';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { pdfsig } from '../../../../libs/platform/signature/src/lib/__fixtures__/pdfsig';
import { documentsFor } from './test-documents';
import { startTestApp, TestApp } from './test-app';

jest.setTimeout(120_000);
const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;
const withPoppler = hasPoppler ? it : it.skip;

/** The text a PDF viewer shows (poppler's pdftotext), whitespace folded. */
function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'dvc-forms-'));
  try {
    writeFileSync(join(dir, 'f.pdf'), pdf);
    return execFileSync('pdftotext', [join(dir, 'f.pdf'), '-'], { encoding: 'utf8' })
      .normalize('NFC')
      .replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

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

/**
 * The one-stop forms as PDFs at the desk (Mẫu 01–05), on real PostgreSQL: each form rebuilt from the
 * stored events and letters of a dossier driven through the workflow, the forms that do not apply
 * refused with the reason, the desk's scope, and the agency's signature on the forms issued to the citizen.
 */
describe('desk forms Mẫu 01–05 (real PostgreSQL)', () => {
  let t: TestApp;
  let storageDir: string;
  let citizen: string;
  let keySeq = 0;
  const tok: Record<string, string> = {};

  const submit = async () =>
    (
      await t.http
        .post('/api/v1/dossiers')
        .set(auth(citizen))
        .set('Idempotency-Key', `forms-${++keySeq}`)
        .send({
          procedureCode: '1.004873',
          receivingAgencyCode: '000.31.00.H99',
          formData: maritalForm,
          attachments: await documentsFor(t, citizen, '1.004873'),
        })
        .expect(201)
    ).body as { id: string; code: string };
  const get = (who: string, url: string) => t.http.get(url).set(auth(tok[who]));
  const step = async (who: string, id: string, action: string, extra: object = {}) => {
    const v = (await get(who, `/api/v1/desk/dossiers/${id}`).expect(200)).body.rowVersion;
    const res = await t.http
      .post(`/api/v1/desk/dossiers/${id}/actions`)
      .set(auth(tok[who]))
      .send({ action, expectedVersion: v, ...extra });
    if (res.status !== 200) throw new Error(`${who} ${action}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const form = (who: string, id: string, f: string, q = '') =>
    get(who, `/api/v1/desk/dossiers/${id}/forms/${f}${q}`).responseType('blob');
  const problem = (res: { body: Buffer }) => JSON.parse(res.body.toString('utf8'));
  const forms = async (who: string, id: string) =>
    (await get(who, `/api/v1/desk/dossiers/${id}/forms`).expect(200)).body as {
      form: string;
      href: string;
      signed: boolean;
      draft?: boolean;
    }[];

  beforeAll(async () => {
    storageDir = mkdtempSync(join(tmpdir(), 'dvc-forms-storage-'));
    process.env['STORAGE_DIR'] = storageDir;
    t = await startTestApp();
    const passwordHash = await hashPassword('Demo@2026');
    await t.ds.query(
      `INSERT INTO official (username, password_hash, full_name, agency_unit_id, roles)
       SELECT 'tiepnhan.tanlap', $1, 'Cán bộ một cửa Tân Lập', id, ARRAY['intake_officer'] FROM agency_unit WHERE code = '000.32.00.H99'`,
      [passwordHash],
    );
    for (const u of ['tiepnhan.binhminh', 'chuyenvien.binhminh', 'lanhdao.binhminh', 'tiepnhan.tanlap'])
      tok[u] = await t.login(u);
    citizen = (
      await t.http
        .post('/api/v1/auth/citizen/login')
        .send({ identityNumber: '001099012345', password: 'Demo@2026' })
        .expect(200)
    ).body.accessToken;
  });
  afterAll(async () => {
    await t?.close();
    rmSync(storageDir, { recursive: true, force: true });
  });

  withPoppler(
    'accept → supplement → supplied → late step → approve → return: Mẫu 01, 02 and 05 from the stored history',
    async () => {
      const { id, code } = await submit();
      // Before intake decides, only the control sheet exists.
      expect((await forms('tiepnhan.binhminh', id)).map((f) => f.form)).toEqual(['mau-05']);
      const early = await form('tiepnhan.binhminh', id, 'mau-01').expect(409);
      expect(problem(early)).toMatchObject({
        code: 'FORM_NOT_APPLICABLE',
        status: 409,
        title: 'Biểu mẫu không áp dụng cho hồ sơ này',
      });
      expect(problem(early).detail).toContain('chưa được tiếp nhận');

      await step('tiepnhan.binhminh', id, 'accept');
      await step('chuyenvien.binhminh', id, 'assign');
      await step('chuyenvien.binhminh', id, 'request_supplement', {
        note: 'Bổ sung trong 05 ngày làm việc',
        items: [
          { name: 'Bản sao trích lục bản án ly hôn', note: 'Bản có chứng thực' },
          { name: 'Giấy xác nhận nơi cư trú' },
        ],
      });
      await t.http
        .post(`/api/v1/dossiers/${id}/supplement`)
        .set(auth(citizen))
        .send({ note: 'Đã bổ sung' })
        .expect(200);
      // The specialist's step ran past its own due time before it was handed on.
      await t.ds.query(
        `UPDATE dossier_step SET due_at = now() - interval '1 hour' WHERE dossier_id = $1 AND finished_at IS NULL`,
        [id],
      );
      await step('chuyenvien.binhminh', id, 'submit_for_approval', { note: 'Đủ điều kiện cấp' });
      await step('lanhdao.binhminh', id, 'approve');
      await step('tiepnhan.binhminh', id, 'return_result');

      const list = await forms('tiepnhan.binhminh', id);
      expect(list.map((f) => f.form)).toEqual(['mau-01', 'mau-02', 'mau-05']);
      expect(list.every((f) => !f.signed)).toBe(true);

      const m01 = await form('tiepnhan.binhminh', id, 'mau-01').expect(200);
      expect(m01.headers['content-type']).toBe('application/pdf');
      expect(m01.headers['cache-control']).toBe('private, no-store');
      expect(m01.headers['content-disposition']).toBe(
        `inline; filename="Mau-01_${code}.pdf"; filename*=UTF-8''${encodeURIComponent(`Mẫu 01 - Giấy tiếp nhận hồ sơ và hẹn trả kết quả - ${code}.pdf`)}`,
      );
      const receipt = pdfText(m01.body);
      expect(receipt).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
      expect(receipt).toContain(`Mã hồ sơ: ${code}`);
      expect(receipt).toContain('Tiếp nhận hồ sơ của: Nguyễn Văn An');
      expect(receipt).toContain('Nguyễn Thị Một Cửa');

      const supplement = pdfText((await form('chuyenvien.binhminh', id, 'mau-02').expect(200)).body);
      expect(supplement).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
      expect(supplement).toContain(`Mã hồ sơ: ${code}`);
      expect(supplement).toContain('1. Bản sao trích lục bản án ly hôn Lý do: Bản có chứng thực');
      expect(supplement).toContain('2. Giấy xác nhận nơi cư trú');
      expect(supplement).toContain('Ghi chú: Bổ sung trong 05 ngày làm việc');

      const sheet = pdfText((await form('lanhdao.binhminh', id, 'mau-05').expect(200)).body);
      expect(sheet).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
      expect(sheet).toContain(`Mã hồ sơ: ${code}`);
      expect(sheet).toContain('Đủ điều kiện cấp');
      // Rows in order: the applicant to the desk, the desk to processing, the specialist (late), approval, return.
      expect(sheet).toMatch(
        new RegExp(
          [
            '1 Tiếp nhận hồ sơ Giao: Người nộp hồ sơ Nguyễn Văn An Nhận: UBND phường Bình Minh .*Đúng hạn',
            '2 Thẩm định, xử lý hồ sơ Giao: UBND phường Bình Minh — Nguyễn Thị Một Cửa Nhận: UBND phường Bình Minh .*(Trước|Đúng) hạn',
            '3 Thẩm định, xử lý hồ sơ Giao: UBND phường Bình Minh — Vũ Văn Hộ Tịch Nhận: UBND phường Bình Minh — Vũ Văn Hộ Tịch [0-9:/ ]+ Quá hạn',
            '4 Lãnh đạo phê duyệt Giao: UBND phường Bình Minh — Vũ Văn Hộ Tịch .*(Trước|Đúng) hạn',
            '5 Trả kết quả Giao: UBND phường Bình Minh — Bùi Văn Chủ Tịch',
            '6 Trả kết quả cho người nộp hồ sơ Giao: UBND phường Bình Minh Nhận: Người nộp hồ sơ Nguyễn Văn An [0-9:/ ]+ (Trước|Đúng) hạn',
          ].join('.*'),
        ),
      );

      for (const f of ['mau-03', 'mau-04']) {
        const res = await form('tiepnhan.binhminh', id, f).expect(409);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(problem(res).code).toBe('FORM_NOT_APPLICABLE');
      }
      expect(problem(await form('tiepnhan.binhminh', id, 'mau-03').expect(409)).detail).toContain(
        'không bị từ chối',
      );
      expect(problem(await form('tiepnhan.binhminh', id, 'mau-04').expect(409)).detail).toContain(
        'chưa có phiếu xin lỗi',
      );
      expect(problem(await form('tiepnhan.binhminh', id, 'mau-09').expect(404)).code).toBe('NOT_FOUND');

      // Another commune's desk does not see the dossier: 404, whatever the form.
      await get('tiepnhan.tanlap', `/api/v1/desk/dossiers/${id}/forms`).expect(404);
      for (const f of ['mau-01', 'mau-02', 'mau-05'])
        expect(problem(await form('tiepnhan.tanlap', id, f).expect(404)).code).toBe('DOSSIER_NOT_FOUND');
      await t.http.get(`/api/v1/desk/dossiers/${id}/forms/mau-01`).expect(401);
      await t.http.get(`/api/v1/desk/dossiers/${id}/forms/mau-01`).set(auth(citizen)).expect(403);
    },
  );

  withPoppler('refusal: Mẫu 03 states the stored reason; there is no receipt', async () => {
    const { id, code } = await submit();
    await step('tiepnhan.binhminh', id, 'refuse', {
      note: 'Hồ sơ không thuộc thẩm quyền giải quyết của UBND phường Bình Minh',
    });
    expect((await forms('tiepnhan.binhminh', id)).map((f) => f.form)).toEqual(['mau-03', 'mau-05']);
    const refusal = pdfText((await form('tiepnhan.binhminh', id, 'mau-03').expect(200)).body);
    expect(refusal).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(refusal).toContain(`Mã hồ sơ: ${code}`);
    expect(refusal).toContain('Hồ sơ không thuộc thẩm quyền giải quyết của UBND phường Bình Minh');
    expect(problem(await form('tiepnhan.binhminh', id, 'mau-01').expect(409)).code).toBe(
      'FORM_NOT_APPLICABLE',
    );
  });

  withPoppler(
    'overdue: Mẫu 04 as a draft, then as issued with the reason and the new date; signed when the agency has a signer',
    async () => {
      const { id, code } = await submit();
      await step('tiepnhan.binhminh', id, 'accept');
      await t.ds.query(`UPDATE dossier SET due_at = now() - interval '2 days' WHERE id = $1`, [id]);
      await t.app.get(SlaService).run();
      const [draftEntry] = (await forms('tiepnhan.binhminh', id)).filter((f) => f.form === 'mau-04');
      expect(draftEntry).toMatchObject({ draft: true, signed: false });
      const draft = pdfText(
        (
          await t.http
            .get(draftEntry!.href)
            .set(auth(tok['tiepnhan.binhminh']))
            .responseType('blob')
            .expect(200)
        ).body,
      );
      expect(draft).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
      expect(draft).toContain('(Dự thảo — chưa phát hành)');

      const [letter] = (await get('tiepnhan.binhminh', `/api/v1/desk/dossiers/${id}/apologies`).expect(200))
        .body;
      const newDue = new Date(Date.now() + 5 * 86_400_000);
      newDue.setUTCHours(9, 0, 0, 0); // 16:00 Vietnam time
      await t.http
        .post(`/api/v1/desk/dossiers/${id}/apologies/${letter.id}/issue`)
        .set(auth(tok['lanhdao.binhminh']))
        .send({ reason: 'Cần xác minh thêm thông tin cư trú', proposedDueAt: newDue.toISOString() })
        .expect(200);
      // The citizen's history shows the issued letter, not the desk's alerts and drafts.
      const mine = (await t.http.get(`/api/v1/dossiers/${id}`).set(auth(citizen)).expect(200)).body;
      const types = mine.events.map((e: { type: string }) => e.type);
      expect(types).toContain('apology_issued');
      expect(types).not.toContain('apology_drafted');
      expect(types).not.toContain('sla_overdue');
      const issued = pdfText((await form('tiepnhan.binhminh', id, 'mau-04').expect(200)).body);
      expect(issued).not.toContain('Dự thảo');
      expect(issued).toContain(`Mã hồ sơ: ${code}`);
      expect(issued).toContain('Kính gửi: Ông/Bà Nguyễn Văn An');
      expect(issued).toContain('Lý do: Cần xác minh thêm thông tin cư trú');
      const vn = new Date(newDue.getTime() + 7 * 3600_000);
      const two = (n: number) => String(n).padStart(2, '0');
      expect(issued).toContain(
        `16 giờ 00 phút, ngày ${two(vn.getUTCDate())} tháng ${two(vn.getUTCMonth() + 1)} năm ${vn.getUTCFullYear()}`,
      );
      expect(issued).toContain('THỦ TRƯỞNG UBND PHƯỜNG BÌNH MINH');
      expect(issued).toContain('Bùi Văn Chủ Tịch');
      await form('tiepnhan.binhminh', id, 'mau-04', '?apologyId=00000000-0000-4000-8000-000000000000').expect(
        404,
      );

      // The agency gets a signer: the forms issued to the citizen are PAdES-signed, the control sheet is not.
      const pki = createTestPki();
      t.app.get(SignerRegistry).register('000.31.00.H99', new Pkcs12Signer(pki.signerP12, pki.p12Password));
      const list = await forms('tiepnhan.binhminh', id);
      expect(list.map((f) => [f.form, f.signed])).toEqual([
        ['mau-01', true],
        ['mau-04', true],
        ['mau-05', false],
      ]);
      for (const f of ['mau-01', 'mau-04']) {
        const pdf = (await form('tiepnhan.binhminh', id, f).expect(200)).body;
        const [sig, ...more] = verifyPdfSignatures(pdf, [pki.rootPem]);
        expect(more).toHaveLength(0);
        expect(sig).toMatchObject({ integrity: 'valid', chain: 'trusted', coversWholeDocument: true });
        const out = pdfsig(pdf);
        expect(out.signatures).toHaveLength(1);
        expect(out.signatures[0]!.signatureValidation).toBe('Signature is Valid.');
      }
      expect(
        verifyPdfSignatures((await form('tiepnhan.binhminh', id, 'mau-05').expect(200)).body, [pki.rootPem]),
      ).toHaveLength(0);
    },
  );
});
