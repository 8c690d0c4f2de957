import { feedHash, mapThuTuc, ThuTucRecord } from './catalog-feed';

const record = (o: Partial<ThuTucRecord> = {}): ThuTucRecord => ({
  MATTHC: '1.004222',
  TENTTHC: 'Đăng ký thường trú',
  LINHVUCTHUCHIEN: [{ MALINHVUC: 'CU', TENLINHVUC: 'Đăng ký, quản lý cư trú' }],
  CAPTHUCHIEN: 'Cấp Xã',
  MUCDO: 'Toàn trình',
  THOIGIANGIAIQUYET: 7,
  GHICHUTHOIGIAN: '  ',
  PHILEPHI: [{ MAPHILEPHI: 'LP01', TENPHILEPHI: 'Lệ phí đăng ký cư trú', MUCPHI: 20000, MOTA: 'Nộp trực tuyến: 10.000 đồng' }],
  THANHPHANHOSO: [
    { MATHANHPHAN: 'TP01', TENTHANHPHAN: 'Tờ khai thay đổi thông tin cư trú', SOLUONG: 1, LOAIBAN: 'Bản chính', BATBUOC: 1 },
    { MATHANHPHAN: 'TP02', TENTHANHPHAN: 'Giấy tờ chứng minh chỗ ở hợp pháp', SOLUONG: 1, LOAIBAN: 'Bản sao chứng thực', BATBUOC: false, GHICHU: 'Trừ khi đã có trong CSDL' },
  ],
  COQUANTHUCHIEN: 'Công an cấp xã',
  KETQUATHUCHIEN: 'Thông báo kết quả đăng ký thường trú',
  CANCUPHAPLY: 'Luật Cư trú 2020',
  NGAYCAPNHAT: '20251015090000',
  ...o,
});

describe('catalog feed mapping (LayThuTuc → catalog terms)', () => {
  it('maps the portal record to the neutral item', () => {
    const r = mapThuTuc(record());
    expect(r).toEqual({
      ok: true,
      item: {
        nationalCode: '1.004222',
        name: 'Đăng ký thường trú',
        field: { code: 'CU', name: 'Đăng ký, quản lý cư trú' },
        level: 'commune',
        onlineLevel: 'toan_trinh',
        timeLimitDays: 7,
        fees: [{ code: 'LP01', name: 'Lệ phí đăng ký cư trú', amount: 20000, note: 'Nộp trực tuyến: 10.000 đồng' }],
        documents: [
          { code: 'TP01', name: 'Tờ khai thay đổi thông tin cư trú', copies: 1, form: 'original', required: true },
          { code: 'TP02', name: 'Giấy tờ chứng minh chỗ ở hợp pháp', copies: 1, form: 'certified_copy', required: false, note: 'Trừ khi đã có trong CSDL' },
        ],
        implementingAgencyName: 'Công an cấp xã',
        resultName: 'Thông báo kết quả đăng ký thường trú',
        legalBasis: 'Luật Cư trú 2020',
        // 09:00 in Hà Nội is 02:00 UTC.
        updatedAt: '2025-10-15T02:00:00.000Z',
      },
    });
  });

  it('names every problem of a bad record in Vietnamese', () => {
    const r = mapThuTuc(record({ MATTHC: '1004222', THOIGIANGIAIQUYET: -1, CAPTHUCHIEN: 'Cấp Huyện', NGAYCAPNHAT: '15/10/2025' }));
    expect(r.ok).toBe(false);
    const errors = (r as { errors: string[] }).errors.join('\n');
    expect(errors).toContain('MATTHC: mã TTHC không đúng định dạng');
    expect(errors).toContain('THOIGIANGIAIQUYET: không được âm');
    expect(errors).toContain('CAPTHUCHIEN: phải là một trong: Cấp Bộ, Cấp Tỉnh, Cấp Xã');
    expect(errors).toContain('NGAYCAPNHAT: phải có dạng yyyyMMddHHmmss');
    expect(mapThuTuc(null)).toMatchObject({ ok: false });
    expect(mapThuTuc(record({ THANHPHANHOSO: [{ MATHANHPHAN: 'TP01', TENTHANHPHAN: 'Tờ khai', SOLUONG: 0, LOAIBAN: 'Bản chính', BATBUOC: 1 }] }))).toMatchObject({ ok: false });
  });

  it('fingerprints the content, not the date it was published', () => {
    const a = mapThuTuc(record());
    const b = mapThuTuc(record({ NGAYCAPNHAT: '20251201080000' }));
    const c = mapThuTuc(record({ THOIGIANGIAIQUYET: 5 }));
    if (!a.ok || !b.ok || !c.ok) throw new Error('valid records expected');
    expect(feedHash(a.item)).toMatch(/^[0-9a-f]{64}$/);
    expect(feedHash(b.item)).toBe(feedHash(a.item));
    expect(feedHash(c.item)).not.toBe(feedHash(a.item));
  });
});
