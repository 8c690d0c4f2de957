import { PortalStore, validateRecord } from './portal-store';
import { seededRandom } from './rng';

const rec = (o: Record<string, unknown> = {}) => ({ MaHoSo: 'H99-1', MaTTHC: '1.001193', TrangThaiHoSo: 2, KenhThucHien: 2, PhienBan: 1, NgayTiepNhan: '20260609083000', ...o });

describe('simulated portal store', () => {
  it('validates required fields, codes and the date format', () => {
    expect(validateRecord(rec())).toEqual([]);
    expect(validateRecord(rec({ MaHoSo: '' }))).toContain('MaHoSo là bắt buộc');
    expect(validateRecord(rec({ TrangThaiHoSo: 11 }))).toHaveLength(1);
    expect(validateRecord(rec({ KenhThucHien: 4 }))).toHaveLength(1);
    expect(validateRecord(rec({ PhienBan: 0 }))).toHaveLength(1);
    expect(validateRecord(rec({ NgayTiepNhan: '2026-06-09' }))).toEqual(['NgayTiepNhan phải có dạng yyyyMMddHHmmss']);
    expect(validateRecord(rec({ NgayHenTra: '20260230120000' }))).toEqual(['NgayHenTra phải có dạng yyyyMMddHHmmss']);
    expect(validateRecord(rec({ NgayTra: '' }))).toEqual([]);
  });

  it('keeps the newest version, and counts duplicates and out-of-order arrivals', () => {
    const s = new PortalStore();
    expect(s.receive('X', rec({ PhienBan: 1 }), false)).toBe('accepted');
    expect(s.receive('X', rec({ PhienBan: 3, TrangThaiHoSo: 4 }), true)).toBe('accepted');
    expect(s.receive('X', rec({ PhienBan: 2, TrangThaiHoSo: 9 }), true)).toBe('out_of_order');
    expect(s.receive('X', rec({ PhienBan: 3, TrangThaiHoSo: 4 }), true)).toBe('duplicate');
    expect(s.dossiers.get('H99-1')).toMatchObject({ version: 3, status: 4, receivedCount: 4 });
    expect(s.counts).toMatchObject({ received: 4, accepted: 2, duplicates: 1, outOfOrder: 1, isUpdatingMismatch: 0 });
  });

  it('draws the same faults for the same seed', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
