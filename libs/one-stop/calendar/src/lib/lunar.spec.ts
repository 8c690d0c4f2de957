import { addDays } from './local-date';
import { lunarNewYear, lunarToSolar, solarToLunar } from './lunar';

describe('Vietnamese lunar calendar (UTC+7)', () => {
  it.each([
    [2024, '2024-02-10', '2024-04-18'],
    [2025, '2025-01-29', '2025-04-07'],
    [2026, '2026-02-17', '2026-04-26'],
    [2027, '2027-02-06', '2027-04-16'],
  ])('lunar year %i: Tết %s, Giỗ Tổ (10/3) %s', (year, tet, gioTo) => {
    expect(lunarToSolar(1, 1, year)).toBe(tet);
    expect(lunarNewYear(year)).toBe(tet);
    expect(lunarToSolar(10, 3, year)).toBe(gioTo);
    expect(solarToLunar(tet)).toEqual({ day: 1, month: 1, year, leap: false });
    expect(solarToLunar(gioTo)).toEqual({ day: 10, month: 3, year, leap: false });
  });

  it('gives the last day of the lunar year (29 or 30 tháng Chạp)', () => {
    expect(solarToLunar('2024-02-09')).toEqual({ day: 30, month: 12, year: 2023, leap: false });
    expect(solarToLunar('2026-02-16')).toEqual({ day: 29, month: 12, year: 2025, leap: false });
    expect(() => lunarToSolar(30, 12, 2025)).toThrow(RangeError);
  });

  it.each([
    ['1985', 1985, '1985-01-21', '1985-02-20'],
    ['1968 (Mậu Thân)', 1968, '1968-01-29', '1968-01-30'],
    ['2007', 2007, '2007-02-17', '2007-02-18'],
  ])('Tết %s differs between Vietnam (UTC+7) and China (UTC+8)', (_label, year, vietnam, china) => {
    expect(lunarToSolar(1, 1, year)).toBe(vietnam);
    expect(lunarToSolar(1, 1, year, false, 8)).toBe(china);
  });

  it('places 1985-01-21 in month 1 in Vietnam but month 12 of 1984 in China', () => {
    expect(solarToLunar('1985-01-21')).toEqual({ day: 1, month: 1, year: 1985, leap: false });
    expect(solarToLunar('1985-01-21', 8)).toEqual({ day: 1, month: 12, year: 1984, leap: false });
  });

  it('handles leap months (tháng nhuận)', () => {
    expect(solarToLunar('2025-07-25')).toEqual({ day: 1, month: 6, year: 2025, leap: true });
    expect(lunarToSolar(1, 6, 2025, true)).toBe('2025-07-25');
    expect(solarToLunar('2023-03-22')).toEqual({ day: 1, month: 2, year: 2023, leap: true });
    expect(lunarToSolar(15, 7, 2025)).toBe('2025-09-06'); // Rằm tháng Bảy after the leap 6th month
    expect(lunarToSolar(15, 8, 2025)).toBe('2025-10-06'); // Tết Trung thu 2025
    expect(() => lunarToSolar(1, 5, 2025, true)).toThrow(RangeError);
    expect(() => lunarToSolar(1, 5, 2026, true)).toThrow(RangeError);
  });

  it('round-trips every day of 2020–2030', () => {
    for (let d = '2020-01-01'; d <= '2030-12-31'; d = addDays(d, 1)) {
      const l = solarToLunar(d);
      expect(lunarToSolar(l.day, l.month, l.year, l.leap)).toBe(d);
    }
  });

  it('rejects out-of-range input', () => {
    expect(() => lunarToSolar(1, 13, 2026)).toThrow(RangeError);
    expect(() => lunarToSolar(0, 1, 2026)).toThrow(RangeError);
    expect(() => lunarToSolar(1, 1, 1700)).toThrow(RangeError);
    expect(() => solarToLunar('2300-01-01')).toThrow(RangeError);
    expect(() => solarToLunar('2026-02-30')).toThrow(RangeError);
  });
});
