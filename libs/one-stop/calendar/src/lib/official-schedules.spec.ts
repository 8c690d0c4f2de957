import { OFFICIAL_SCHEDULES_2024_2026 } from './official-schedules-2024-2026';
import { WorkingCalendar } from './working-calendar';

const cal = new WorkingCalendar(OFFICIAL_SCHEDULES_2024_2026);
const offDays = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = from; d <= to; d = new Date(Date.parse(d) + 86400000).toISOString().slice(0, 10)) {
    if (!cal.isWorkingDay(d)) out.push(d);
  }
  return out;
};

describe('official schedules 2024–2026 (DOMAIN-REFERENCE §8)', () => {
  it('ships a source note for every entry, each entry in its own year, frozen', () => {
    for (const s of OFFICIAL_SCHEDULES_2024_2026) {
      expect(Object.isFrozen(s)).toBe(true);
      for (const e of s.entries) {
        expect(e.date.startsWith(`${s.year}-`)).toBe(true);
        expect(e.source).toMatch(/DOMAIN-REFERENCE §8 \[S\d+/);
      }
    }
  });

  describe('2024', () => {
    it('Tết 8–14/2 off, and the computed default does not add 15/2', () => {
      expect(offDays('2024-02-05', '2024-02-18')).toEqual([
        '2024-02-08',
        '2024-02-09',
        '2024-02-10',
        '2024-02-11',
        '2024-02-12',
        '2024-02-13',
        '2024-02-14',
        '2024-02-17',
        '2024-02-18',
      ]);
    });

    it('Mon 29/4 swapped off, Sat 4/5 worked; Giỗ Tổ Thu 18/4; Quốc khánh 31/8–3/9', () => {
      expect(cal.isWorkingDay('2024-04-29')).toBe(false);
      expect(cal.isWorkingDay('2024-05-04')).toBe(true);
      expect(cal.dayInfo('2024-05-04').reasons).toEqual(['Làm bù cho ngày nghỉ thứ Hai 29/4']);
      expect(offDays('2024-04-15', '2024-05-05')).toEqual([
        '2024-04-18',
        '2024-04-20',
        '2024-04-21',
        '2024-04-27',
        '2024-04-28',
        '2024-04-29',
        '2024-04-30',
        '2024-05-01',
        '2024-05-05',
      ]);
      expect(offDays('2024-08-30', '2024-09-05')).toEqual([
        '2024-08-31',
        '2024-09-01',
        '2024-09-02',
        '2024-09-03',
      ]);
      expect(cal.isWorkingDay('2024-01-01')).toBe(false);
    });
  });

  describe('2025', () => {
    it('Tết 25/1–2/2 off', () => {
      expect(offDays('2025-01-20', '2025-02-07')).toEqual([
        '2025-01-25',
        '2025-01-26',
        '2025-01-27',
        '2025-01-28',
        '2025-01-29',
        '2025-01-30',
        '2025-01-31',
        '2025-02-01',
        '2025-02-02',
      ]);
    });

    it('Fri 2/5 swapped off, Sat 26/4 worked; Giỗ Tổ Mon 7/4; Quốc khánh 30/8–2/9', () => {
      expect(cal.isWorkingDay('2025-05-02')).toBe(false);
      expect(cal.isWorkingDay('2025-04-26')).toBe(true);
      expect(offDays('2025-04-05', '2025-04-08')).toEqual(['2025-04-05', '2025-04-06', '2025-04-07']);
      expect(offDays('2025-04-28', '2025-05-05')).toEqual([
        '2025-04-30',
        '2025-05-01',
        '2025-05-02',
        '2025-05-03',
        '2025-05-04',
      ]);
      expect(offDays('2025-08-29', '2025-09-04')).toEqual([
        '2025-08-30',
        '2025-08-31',
        '2025-09-01',
        '2025-09-02',
      ]);
    });
  });

  describe('2026', () => {
    it('Tết Dương lịch 1–4/1: Fri 2/1 off, Sat 10/1 worked', () => {
      expect(offDays('2026-01-01', '2026-01-11')).toEqual([
        '2026-01-01',
        '2026-01-02',
        '2026-01-03',
        '2026-01-04',
        '2026-01-11',
      ]);
    });

    it('Tết 14–22/2 off', () => {
      expect(offDays('2026-02-12', '2026-02-24')).toEqual([
        '2026-02-14',
        '2026-02-15',
        '2026-02-16',
        '2026-02-17',
        '2026-02-18',
        '2026-02-19',
        '2026-02-20',
        '2026-02-21',
        '2026-02-22',
      ]);
    });

    it('Giỗ Tổ on Sunday 26/4 → Mon 27/4 off; 30/4–3/5 without swap', () => {
      expect(cal.dayInfo('2026-04-27')).toEqual({
        date: '2026-04-27',
        working: false,
        reasons: ['Nghỉ bù Giỗ Tổ Hùng Vương (10/3 Âm lịch)'],
      });
      expect(offDays('2026-04-25', '2026-05-04')).toEqual([
        '2026-04-25',
        '2026-04-26',
        '2026-04-27',
        '2026-04-30',
        '2026-05-01',
        '2026-05-02',
        '2026-05-03',
      ]);
    });

    it('Quốc khánh 29/8–2/9: Mon 31/8 off, Sat 22/8 worked, Thu 3/9 worked', () => {
      expect(cal.isWorkingDay('2026-08-31')).toBe(false);
      expect(cal.isWorkingDay('2026-08-22')).toBe(true);
      expect(offDays('2026-08-28', '2026-09-04')).toEqual([
        '2026-08-29',
        '2026-08-30',
        '2026-08-31',
        '2026-09-01',
        '2026-09-02',
      ]);
    });
  });

  it('falls back to the computed defaults for a year without a schedule (2027)', () => {
    // Tết 6/2/2027 (Sat): default days 5–9/2, weekend days 6–7/2 compensated on 10–11/2.
    expect(offDays('2027-02-04', '2027-02-12')).toEqual([
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
      '2027-02-11',
    ]);
  });
});
