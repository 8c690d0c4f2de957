import { DOSSIER_STATUSES, DOSSIER_STATUS_PORTAL_CODE } from '@dvc/shared/contracts';
import { syncBackoffDelay } from './backoff';
import { buildDongBoHoSoRecord, DossierSyncSnapshot } from './dong-bo-ho-so';
import { parsePortalDate, portalDate } from './portal-date';

const snapshot = (o: Partial<DossierSyncSnapshot> = {}): DossierSyncSnapshot => ({
  id: '0b6f3f7e-4d2a-4a53-9a43-3c7b0e6d9a11',
  code: '000.31.00.H99-260609-0001',
  status: 'processing',
  channel: 'online',
  procedureCode: '1.001193',
  procedureName: 'Đăng ký khai sinh',
  fieldCode: 'HT',
  fieldName: 'Hộ tịch',
  agencyCode: '000.31.00.H99',
  agencyName: 'UBND xã Bình Minh',
  applicantName: 'Nguyễn Văn An',
  applicantIdentityNumber: '001099012345',
  applicantPhone: '0912345678',
  applicantEmail: null,
  submittedAt: new Date('2026-06-09T01:30:00Z'),
  receivedAt: new Date('2026-06-09T02:00:00Z'),
  dueAt: new Date('2026-06-12T10:00:00Z'),
  finishedAt: null,
  returnedAt: null,
  refusedAt: null,
  version: 3,
  eventAt: new Date('2026-06-10T03:04:05Z'),
  ...o,
});

describe('portal dates (yyyyMMddHHmmss, Asia/Ho_Chi_Minh)', () => {
  it('formats in Vietnam time, across midnight and year end', () => {
    expect(portalDate(new Date('2026-06-09T01:30:00Z'))).toBe('20260609083000');
    expect(portalDate(new Date('2025-12-31T17:00:01Z'))).toBe('20260101000001');
    expect(portalDate(null)).toBe('');
  });
  it('parses back and refuses impossible dates', () => {
    expect(parsePortalDate('20260609083000')?.toISOString()).toBe('2026-06-09T01:30:00.000Z');
    expect(parsePortalDate('20260231083000')).toBeNull();
    expect(parsePortalDate('2026-06-09 08:30')).toBeNull();
    expect(parsePortalDate('20260609246000')).toBeNull();
  });
});

describe('DongBoHoSoMC record', () => {
  it('uses the exact field names, the contracts mapping and our version', () => {
    const r = buildDongBoHoSoRecord(snapshot());
    expect(r).toEqual({
      MaHoSo: '000.31.00.H99-260609-0001',
      MaTTHC: '1.001193',
      TenTTHC: 'Đăng ký khai sinh',
      MaLinhVuc: 'HT',
      TenLinhVuc: 'Hộ tịch',
      KenhThucHien: 2,
      ChuHoSo: 'Nguyễn Văn An',
      LoaiDoiTuong: 1,
      SoDinhDanh: '001099012345',
      SoDienThoai: '0912345678',
      Email: '',
      NgayNopHoSo: '20260609083000',
      NgayTiepNhan: '20260609090000',
      NgayHenTra: '20260612170000',
      TrangThaiHoSo: 4,
      NgayTra: '',
      NgayKetThucXuLy: '',
      NgayTuChoi: '',
      DonViXuLy: 'UBND xã Bình Minh',
      PhienBan: 3,
      NgayCapNhat: '20260610100405',
    });
  });
  it('maps every internal status through DOSSIER_STATUS_PORTAL_CODE', () => {
    for (const status of DOSSIER_STATUSES) {
      expect(buildDongBoHoSoRecord(snapshot({ status })).TrangThaiHoSo).toBe(DOSSIER_STATUS_PORTAL_CODE[status]);
    }
  });
  it('has no receipt for status 1 and 3, and end dates once finished', () => {
    expect(buildDongBoHoSoRecord(snapshot({ status: 'submitted' }))).toMatchObject({ NgayTiepNhan: '', NgayHenTra: '', TrangThaiHoSo: 1 });
    const refused = buildDongBoHoSoRecord(snapshot({ status: 'refused', refusedAt: new Date('2026-06-09T03:00:00Z'), finishedAt: new Date('2026-06-09T03:00:00Z') }));
    expect(refused).toMatchObject({ NgayTiepNhan: '', NgayTuChoi: '20260609100000', NgayKetThucXuLy: '20260609100000', TrangThaiHoSo: 3 });
    const returned = buildDongBoHoSoRecord(snapshot({ status: 'returned', channel: 'post', finishedAt: new Date('2026-06-11T02:00:00Z'), returnedAt: new Date('2026-06-11T08:00:00Z') }));
    expect(returned).toMatchObject({ KenhThucHien: 3, NgayKetThucXuLy: '20260611090000', NgayTra: '20260611150000', TrangThaiHoSo: 10 });
  });
});

describe('sync backoff', () => {
  it('grows exponentially with equal jitter and stays under the cap', () => {
    expect(syncBackoffDelay(1, 1000, 60_000, () => 0)).toBe(500);
    expect(syncBackoffDelay(1, 1000, 60_000, () => 1)).toBe(1000);
    expect(syncBackoffDelay(4, 1000, 60_000, () => 0)).toBe(4000);
    expect(syncBackoffDelay(4, 1000, 60_000, () => 1)).toBe(8000);
    for (let n = 1; n < 80; n++) {
      const d = syncBackoffDelay(n, 1000, 60_000);
      expect(d).toBeGreaterThanOrEqual(Math.min(60_000, 1000 * 2 ** (n - 1)) / 2);
      expect(d).toBeLessThanOrEqual(60_000);
    }
  });
});
