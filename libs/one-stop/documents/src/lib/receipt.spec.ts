import { hasPoppler, pdfFonts, pdfText } from './pdf-inspect.testing';
import { ReceiptData, renderReceipt } from './receipt';

const withPoppler = hasPoppler ? it : it.skip;

const sampleReceipt = (over: Partial<ReceiptData> = {}): ReceiptData => ({
  dossierCode: '000.31.00.H99-260609-0042',
  agency: { parentName: 'UBND tỉnh Demo', name: 'UBND phường Bình Minh', code: '000.31.00.H99', place: 'Bình Minh' },
  applicant: { name: 'Nguyễn Thị Ánh Tuyết', identityNumber: '001099012345', phone: '0912345678', email: 'tuyet.nguyen@example.vn' },
  procedure: { code: '1.001193', name: 'Đăng ký khai sinh' },
  channel: 'online',
  documents: [
    { name: 'Tờ khai đăng ký khai sinh', copies: 1, formLabel: 'bản chính', files: ['to-khai.pdf'] },
    { name: 'Giấy chứng sinh do cơ sở y tế cấp', copies: 1, formLabel: 'bản chính', files: ['giay-chung-sinh.jpg', 'trang-2.png'] },
  ],
  timeLimitDays: 3,
  // 08:30 on Tue 9 June 2026 and 17:00 on Fri 12 June 2026, Vietnam time.
  receivedAt: new Date('2026-06-09T01:30:00Z'),
  dueAt: new Date('2026-06-12T10:00:00Z'),
  issuedAt: new Date('2026-06-09T01:30:05Z'),
  resultDelivery: 'Trực tuyến, qua Cổng Dịch vụ công',
  officer: null,
  lookupUrl: 'https://dichvucong.demo.gov.vn/tra-cuu',
  ...over,
});

describe('renderReceipt (Mẫu 01)', () => {
  it('renders a PDF deterministically from its data', async () => {
    const a = await renderReceipt(sampleReceipt());
    const b = await renderReceipt(sampleReceipt());
    expect(a.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(a.equals(b)).toBe(true);
    const c = await renderReceipt(sampleReceipt({ issuedAt: new Date('2026-06-09T01:31:00Z') }));
    expect(c.equals(a)).toBe(false);
  });

  withPoppler('prints the Vietnamese text exactly, in Vietnam time, and can be copied as text', async () => {
    const text = pdfText(await renderReceipt(sampleReceipt()), ['-layout']);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(flat).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(flat).toContain('Giấy tiếp nhận hồ sơ và hẹn trả kết quả'.toLocaleUpperCase('vi'));
    expect(flat).toContain('UBND PHƯỜNG BÌNH MINH');
    expect(flat).toContain('Mã hồ sơ: 000.31.00.H99-260609-0042');
    expect(flat).toContain('Tiếp nhận hồ sơ của: Nguyễn Thị Ánh Tuyết');
    expect(flat).toContain('Số định danh cá nhân: 001099012345');
    expect(flat).toContain('tuyet.nguyen@example.vn');
    expect(flat).toContain('Đăng ký khai sinh (mã thủ tục 1.001193)');
    expect(flat).toContain('Giấy chứng sinh do cơ sở y tế cấp');
    expect(flat).toContain('giay-chung-sinh.jpg; trang-2.png');
    expect(flat).toContain('3 ngày làm việc');
    expect(flat).toContain('4. Thời gian nhận hồ sơ: 08 giờ 30 phút, ngày 09 tháng 06 năm 2026');
    expect(flat).toContain('5. Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 12 tháng 06 năm 2026');
    expect(flat).toContain('Hình thức nộp hồ sơ: Trực tuyến');
    expect(flat).toContain('Bình Minh, ngày 09 tháng 06 năm 2026');
    expect(flat).toMatch(/NGƯỜI TIẾP NHẬN HỒ SƠ/);
    expect(flat).toContain('Hệ thống');
  });

  withPoppler('names the officer when one received the dossier at the desk', async () => {
    const text = pdfText(await renderReceipt(sampleReceipt({ channel: 'desk', officer: { name: 'Nguyễn Thị Một Cửa' } })));
    expect(text).toContain('Nguyễn Thị Một Cửa');
    expect(text).toContain('Trực tiếp');
    expect(text).not.toContain('Tiếp nhận tự động');
  });

  withPoppler('embeds the DejaVu Sans subsets and no other font', async () => {
    const rows = pdfFonts(await renderReceipt(sampleReceipt()));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toMatch(/^[A-Z]{6}\+DejaVuSans(-Bold|-Oblique)?\s/);
      // Columns: name type encoding emb sub uni …
      expect(row).toMatch(/\s+yes\s+yes\s+yes\s+/);
    }
    expect(rows.some((r) => /\+DejaVuSans\s/.test(r))).toBe(true);
    expect(rows.some((r) => /\+DejaVuSans-Bold\s/.test(r))).toBe(true);
  });

  withPoppler('flows a long list of documents onto a second page and keeps every item', async () => {
    const documents = Array.from({ length: 30 }, (_, i) => ({ name: `Thành phần hồ sơ số ${i + 1}`, copies: 1, files: [`tep-${i + 1}.pdf`] }));
    const pdf = await renderReceipt(sampleReceipt({ documents }));
    const text = pdfText(pdf);
    for (const d of documents) expect(text).toContain(d.name);
    expect(text).toContain('NGƯỜI NỘP HỒ SƠ');
    expect(text.split('\f').filter((p) => p.trim()).length).toBeGreaterThan(1);
  });
});
