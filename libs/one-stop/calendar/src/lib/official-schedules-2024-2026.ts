/**
 * Official civil-servant holiday schedules 2024–2026, transcribed from DOMAIN-REFERENCE.md §8.
 * Days the computed defaults already give correctly (1/1, Giỗ Tổ and its compensatory day, 30/4,
 * 1/5) are not repeated; Tết and Quốc khánh periods are listed in full (weekends included) and
 * replace the computed defaults. Re-check against the government's notices before relying on them.
 */
import { type LocalDate, addDays, epochDay } from './local-date';
import type { OfficialSchedule, ScheduleEntry } from './official-schedule';

function range(from: LocalDate, to: LocalDate, name: string, source: string): ScheduleEntry[] {
  const entries: ScheduleEntry[] = [];
  for (let d = from; epochDay(d) <= epochDay(to); d = addDays(d, 1)) {
    entries.push({ date: d, kind: 'day_off', name, source });
  }
  return entries;
}

const REF = 'DOMAIN-REFERENCE §8';

function frozen(schedule: OfficialSchedule): OfficialSchedule {
  return Object.freeze({
    ...schedule,
    replacesDefaults: Object.freeze([...(schedule.replacesDefaults ?? [])]),
    entries: Object.freeze(schedule.entries.map((e) => Object.freeze({ ...e }))),
  });
}

/** 2024 (Giáp Thìn): Tết 8–14/2; 27/4–1/5 with Mon 29/4 swapped for Sat 4/5; Quốc khánh 31/8–3/9. */
export const OFFICIAL_SCHEDULE_2024: OfficialSchedule = frozen({
  year: 2024,
  replacesDefaults: ['tet', 'national_day'],
  entries: [
    ...range(
      '2024-02-08',
      '2024-02-14',
      'Nghỉ Tết Nguyên đán Giáp Thìn (29 tháng Chạp – mùng 5 Tết)',
      `${REF} [S35] Tết Giáp Thìn 2024 holiday plan, vietnaminsider.vn`,
    ),
    {
      date: '2024-04-29',
      kind: 'day_off',
      name: 'Nghỉ hoán đổi dịp 30/4–1/5 (làm bù thứ Bảy 4/5)',
      source: `${REF} [S36] swap approved for 30/4–1/5/2024, vntravellive.com`,
    },
    {
      date: '2024-05-04',
      kind: 'working_day',
      name: 'Làm bù cho ngày nghỉ thứ Hai 29/4',
      source: `${REF} [S36] swap approved for 30/4–1/5/2024, vntravellive.com`,
    },
    ...range(
      '2024-08-31',
      '2024-09-03',
      'Nghỉ Quốc khánh (lễ 2/9 và 3/9)',
      `${REF} [S35, S45] National Day 2024: holidays 2/9 and 3/9, news.baokhanhhoa.vn`,
    ),
  ],
});

/** 2025 (Ất Tỵ): Tết 25/1–2/2 (holidays 27–31/1); 30/4–4/5 with Fri 2/5 swapped for Sat 26/4; Quốc khánh 30/8–2/9. */
export const OFFICIAL_SCHEDULE_2025: OfficialSchedule = frozen({
  year: 2025,
  replacesDefaults: ['tet', 'national_day'],
  entries: [
    ...range(
      '2025-01-25',
      '2025-02-02',
      'Nghỉ Tết Nguyên đán Ất Tỵ (lễ 27–31/1, tức 28 tháng Chạp – mùng 3 Tết)',
      `${REF} [S38] Prime Minister approves 9-day Tết break for 2025, en.sggp.org.vn`,
    ),
    {
      date: '2025-05-02',
      kind: 'day_off',
      name: 'Nghỉ hoán đổi dịp 30/4–1/5 (làm bù thứ Bảy 26/4)',
      source: `${REF} [S37] en.baochinhphu.vn, 30/4–1/5/2025 swap`,
    },
    {
      date: '2025-04-26',
      kind: 'working_day',
      name: 'Làm bù cho ngày nghỉ thứ Sáu 2/5',
      source: `${REF} [S37] en.baochinhphu.vn, 30/4–1/5/2025 swap`,
    },
    ...range(
      '2025-08-30',
      '2025-09-02',
      'Nghỉ Quốc khánh (lễ 1/9 và 2/9)',
      `${REF} [S39] National Day holiday to last four days, vietnamnews.vn`,
    ),
  ],
});

/**
 * 2026 (Bính Ngọ): Fri 2/1 swapped for Sat 10/1; Tết 14–22/2 (holidays 16–20/2); Giỗ Tổ Sun 26/4 →
 * compensatory Mon 27/4 (computed); 30/4–3/5 (computed); Quốc khánh 29/8–2/9 with Mon 31/8 swapped
 * for Sat 22/8. 24/11 (Ngày Văn hóa Việt Nam) is not included: not yet law at the last source; an
 * administrator adds it with its effective date.
 */
export const OFFICIAL_SCHEDULE_2026: OfficialSchedule = frozen({
  year: 2026,
  replacesDefaults: ['tet', 'national_day'],
  entries: [
    {
      date: '2026-01-02',
      kind: 'day_off',
      name: 'Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/1)',
      source: `${REF} [S41] VB 12729/VPCP-KGVX`,
    },
    {
      date: '2026-01-10',
      kind: 'working_day',
      name: 'Làm bù cho ngày nghỉ thứ Sáu 2/1',
      source: `${REF} [S41] VB 12729/VPCP-KGVX`,
    },
    ...range(
      '2026-02-14',
      '2026-02-22',
      'Nghỉ Tết Nguyên đán Bính Ngọ (lễ 16–20/2, tức 29 tháng Chạp – mùng 4 Tết)',
      `${REF} [S40, S42] TB 9441/TB-BNV; VPCP 9859`,
    ),
    ...range(
      '2026-08-29',
      '2026-09-02',
      'Nghỉ Quốc khánh (lễ 1/9 và 2/9; thứ Hai 31/8 hoán đổi)',
      `${REF} [S40] Ministry of Home Affairs 2026 holiday schedule, vietnamnews.vn`,
    ),
    {
      date: '2026-08-22',
      kind: 'working_day',
      name: 'Làm bù cho ngày nghỉ thứ Hai 31/8',
      source: `${REF} [S40] Ministry of Home Affairs 2026 holiday schedule, vietnamnews.vn`,
    },
  ],
});

/** The shipped official schedules, 2024–2026. */
export const OFFICIAL_SCHEDULES_2024_2026: readonly OfficialSchedule[] = Object.freeze([
  OFFICIAL_SCHEDULE_2024,
  OFFICIAL_SCHEDULE_2025,
  OFFICIAL_SCHEDULE_2026,
]);
