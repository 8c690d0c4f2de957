import type { FormCommon } from './form-types';
import { hasPoppler, pdfFonts, pdfText } from './pdf-inspect.testing';
import { renderRefusal } from './refusal';
import { renderSupplementRequest } from './supplement-request';

const withPoppler = hasPoppler ? it : it.skip;

const common: FormCommon = {
  dossierCode: '000.32.00.H99-260610-0007',
  agency: { parentName: 'UBND tỉnh Demo', name: 'UBND xã Tân Lập', place: 'Tân Lập' },
  applicant: { name: 'Trần Thị Bình', identityNumber: '079188004321', phone: '0987654321', email: null },
  procedure: { code: '1.000894', name: 'Đăng ký kết hôn' },
  channel: 'desk',
  issuedAt: new Date('2026-06-10T03:15:00Z'),
};

describe('Mẫu 02 and Mẫu 03', () => {
  withPoppler('Mẫu 02 lists each missing item with its reason and names the guiding officer', async () => {
    const pdf = await renderSupplementRequest({
      ...common,
      items: [
        { name: 'Giấy xác nhận tình trạng hôn nhân', reason: 'Đã quá 6 tháng kể từ ngày cấp' },
        { name: 'Bản sao giấy tờ tùy thân của bên nữ', reason: null },
      ],
      note: 'Nộp tại Bộ phận Một cửa hoặc trực tuyến',
      officer: { name: 'Lê Văn Tiếp Nhận', phone: '0203 3812 345' },
      deadline: new Date('2026-06-20T03:00:00Z'),
    });
    expect(await renderSupplementRequest({ ...common, items: [], officer: { name: 'x' } })).toBeInstanceOf(Buffer);
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(text).toContain('Mã hồ sơ: 000.32.00.H99-260610-0007');
    expect(text).toContain('Giấy xác nhận tình trạng hôn nhân');
    expect(text).toContain('Lý do: Đã quá 6 tháng kể từ ngày cấp');
    expect(text).toContain('Ghi chú: Nộp tại Bộ phận Một cửa hoặc trực tuyến');
    expect(text).toContain('trước ngày 20 tháng 06 năm 2026');
    expect(text).toContain('Lê Văn Tiếp Nhận, số điện thoại 0203 3812 345');
    expect(text).toContain('Tân Lập, ngày 10 tháng 06 năm 2026');
    expect(pdfFonts(pdf).every((r) => /\+DejaVuSans(-Bold|-Oblique)?\s.*\syes\s+yes\s+yes\s/.test(r))).toBe(true);
  });

  withPoppler('Mẫu 03 states the reason for refusal', async () => {
    const pdf = await renderRefusal({ ...common, reason: 'Hồ sơ không thuộc thẩm quyền giải quyết của UBND xã Tân Lập.', officer: { name: 'Lê Văn Tiếp Nhận' } });
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain('Của Ông/Bà: Trần Thị Bình');
    expect(text).toContain('Đăng ký kết hôn (mã thủ tục 1.000894)');
    expect(text).toContain('Hồ sơ không thuộc thẩm quyền giải quyết của UBND xã Tân Lập.');
    expect(text).toContain('Email: ……………');
  });
});
