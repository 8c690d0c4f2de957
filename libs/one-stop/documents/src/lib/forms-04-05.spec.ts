import { renderApology } from './apology';
import { ControlSheetRow, handOverResult, renderControlSheet } from './control-sheet';
import type { FormCommon } from './form-types';
import { hasPoppler, pdfText } from './pdf-inspect.testing';

const withPoppler = hasPoppler ? it : it.skip;

const common: FormCommon = {
  dossierCode: '000.31.00.H99-260609-0042',
  agency: { parentName: 'UBND tỉnh Demo', name: 'UBND phường Bình Minh', place: 'Bình Minh' },
  applicant: { name: 'Nguyễn Thị Ánh Tuyết', identityNumber: '001099012345', phone: '0912345678', email: null },
  procedure: { code: '1.004873', name: 'Cấp Giấy xác nhận tình trạng hôn nhân' },
  channel: 'online',
  issuedAt: new Date('2026-06-16T02:00:00Z'),
};

const at = (iso: string) => new Date(iso);

describe('Mẫu 04 and Mẫu 05', () => {
  withPoppler('Mẫu 04 apologises with the reason, the missed and the new appointment', async () => {
    const pdf = await renderApology({
      ...common,
      receivedAt: at('2026-06-09T01:30:00Z'),
      originalDueAt: at('2026-06-12T10:00:00Z'),
      reason: 'Cần xác minh thêm thông tin cư trú tại địa phương khác',
      newDueAt: at('2026-06-19T09:00:00Z'),
      signer: { name: 'Phạm Lãnh Đạo' },
    });
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(text).toContain('Kính gửi: Ông/Bà Nguyễn Thị Ánh Tuyết');
    expect(text).toContain('Ngày 09 tháng 06 năm 2026, UBND phường Bình Minh tiếp nhận');
    expect(text).toContain('Cấp Giấy xác nhận tình trạng hôn nhân (mã thủ tục 1.004873)');
    expect(text).toContain('Mã hồ sơ: 000.31.00.H99-260609-0042');
    expect(text).toContain('Thời gian hẹn trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 12 tháng 06 năm 2026');
    expect(text).toContain('Lý do: Cần xác minh thêm thông tin cư trú tại địa phương khác');
    expect(text).toContain('UBND phường Bình Minh xin lỗi Ông/Bà');
    expect(text).toContain('16 giờ 00 phút, ngày 19 tháng 06 năm 2026');
    expect(text).toContain('THỦ TRƯỞNG UBND PHƯỜNG BÌNH MINH');
    expect(text).toContain('Phạm Lãnh Đạo');
    expect(text).not.toContain('Dự thảo');
    const draft = pdfText(
      await renderApology({ ...common, receivedAt: common.issuedAt, originalDueAt: common.issuedAt, reason: 'x', newDueAt: common.issuedAt, draft: true }),
    );
    expect(draft).toContain('(Dự thảo — chưa phát hành)');
  });

  it('grades a hand-over before, on or after its due time (Vietnam days)', () => {
    const due = at('2026-06-12T10:00:00Z'); // 17:00 Fri 12/6 in Vietnam
    expect(handOverResult(null, due, null)).toBe('Đang xử lý');
    expect(handOverResult(at('2026-06-11T03:00:00Z'), due, true)).toBe('Trước hạn');
    expect(handOverResult(at('2026-06-12T01:00:00Z'), due, true)).toBe('Đúng hạn');
    expect(handOverResult(at('2026-06-12T10:30:00Z'), due, null)).toBe('Quá hạn');
    expect(handOverResult(at('2026-06-12T01:00:00Z'), due, false)).toBe('Quá hạn');
    expect(handOverResult(at('2026-06-12T01:00:00Z'), null, true)).toBe('Đúng hạn');
  });

  withPoppler('Mẫu 05 lists every hand-over with its times and result, over several pages with the header repeated', async () => {
    const rows: ControlSheetRow[] = [
      { stepName: 'Tiếp nhận hồ sơ', from: null, to: 'UBND phường Bình Minh — Lê Văn Tiếp Nhận', handedOverAt: at('2026-06-09T01:30:00Z'), dueAt: at('2026-06-09T10:00:00Z'), finishedAt: at('2026-06-09T02:00:00Z'), onTime: true },
      { stepName: 'Thẩm định hồ sơ', from: 'UBND phường Bình Minh — Lê Văn Tiếp Nhận', to: 'UBND phường Bình Minh — Trần Chuyên Viên', handedOverAt: at('2026-06-09T02:00:00Z'), dueAt: at('2026-06-10T10:00:00Z'), finishedAt: at('2026-06-11T02:00:00Z'), onTime: false, note: 'Thiếu giấy tờ' },
      { stepName: 'Phê duyệt', from: 'UBND phường Bình Minh — Trần Chuyên Viên', to: 'UBND phường Bình Minh', handedOverAt: at('2026-06-11T02:00:00Z'), dueAt: at('2026-06-12T10:00:00Z'), finishedAt: null, onTime: null },
    ];
    const short = pdfText(await renderControlSheet({ ...common, receivedAt: at('2026-06-09T01:30:00Z'), dueAt: at('2026-06-12T10:00:00Z'), rows }));
    const flat = short.replace(/\s+/g, ' ');
    expect(flat).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    expect(flat).toContain('Mã hồ sơ: 000.31.00.H99-260609-0042');
    expect(flat).toContain('Giao: Người nộp hồ sơ Nguyễn Thị Ánh Tuyết');
    expect(flat).toContain('Nhận: UBND phường Bình Minh — Trần Chuyên Viên');
    expect(flat).toContain('Thiếu giấy tờ');
    expect(flat).toMatch(/Tiếp nhận hồ sơ.*08:30 09\/06\/2026.*Đúng hạn.*Thẩm định hồ sơ.*Quá hạn.*Phê duyệt.*Đang xử lý/);
    expect(short.split('\f').filter((p) => p.trim())).toHaveLength(1);

    // 40 hand-overs run onto more pages; each page starts the table with its header row again.
    const many = Array.from({ length: 40 }, (_, i) => ({ ...rows[1]!, stepName: `Bước số ${i + 1}` }));
    const long = pdfText(
      await renderControlSheet({ ...common, receivedAt: at('2026-06-09T01:30:00Z'), dueAt: at('2026-06-12T10:00:00Z'), rows: many, returnedAt: at('2026-06-15T03:00:00Z') }),
    );
    const pages = long.split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(1);
    const tablePages = pages.filter((p) => p.includes('Bước số'));
    expect(tablePages.length).toBeGreaterThan(1);
    for (const p of tablePages) expect(p.replace(/\s+/g, ' ')).toContain('Ký giao, nhận');
    const flatLong = long.replace(/\s+/g, ' ');
    for (let i = 1; i <= 40; i++) expect(flatLong).toContain(`Bước số ${i} `);
    expect(flatLong).toMatch(/Trả kết quả cho người nộp hồ sơ Giao: UBND phường Bình Minh — Trần Chuyên Viên Nhận: Người nộp hồ sơ Nguyễn Thị Ánh Tuyết.*Quá hạn/);
  });
});
