/**
 * Statutory public holidays (ngày nghỉ lễ, tết) of Bộ luật Lao động 2019, art. 112(1), computed for a
 * year, with the compensatory days of art. 111(3).
 *
 * These are *defaults*: art. 112(3) lets the Prime Minister fix the exact Tết and National Day days
 * each year, and the government also swaps working days. The per-year official schedule
 * (see `official-schedule.ts`) overrides them.
 */
import { type LocalDate, addDays, isWeekend, localDate } from './local-date';
import { lunarToSolar } from './lunar';

/** Which statutory holiday a day belongs to. */
export type HolidayKind =
  /** Tết Dương lịch, 1/1. */
  | 'new_year'
  /** Tết Nguyên đán (Tết Âm lịch), 5 days. */
  | 'tet'
  /** Giỗ Tổ Hùng Vương, 10/3 lunar. */
  | 'hung_kings'
  /** Ngày Chiến thắng, 30/4. */
  | 'victory_day'
  /** Ngày Quốc tế lao động, 1/5. */
  | 'labour_day'
  /** Quốc khánh, 2/9 plus one adjacent day. */
  | 'national_day';

/** A computed public holiday or compensatory day. */
export interface StatutoryHoliday {
  date: LocalDate;
  /** Vietnamese name, e.g. "Giỗ Tổ Hùng Vương (10/3 Âm lịch)" or "Nghỉ bù Giỗ Tổ Hùng Vương (10/3 Âm lịch)". */
  name: string;
  kind: HolidayKind;
  /** True for a day off given because the holiday fell on a Saturday or Sunday (art. 111(3)). */
  compensatory: boolean;
}

const NAMES = {
  new_year: 'Tết Dương lịch',
  tet_eve: 'Tết Nguyên đán (ngày cuối năm Âm lịch)',
  tet_day: (n: number) => `Tết Nguyên đán (mùng ${n} Tết)`,
  hung_kings: 'Giỗ Tổ Hùng Vương (10/3 Âm lịch)',
  victory_day: 'Ngày Chiến thắng (30/4)',
  labour_day: 'Ngày Quốc tế lao động (1/5)',
  national_day: 'Quốc khánh (2/9)',
  national_day_adjacent: (d: string) => `Quốc khánh (ngày liền kề ${d})`,
} as const;

type Base = Omit<StatutoryHoliday, 'compensatory'>;

/**
 * Adds one compensatory day for each distinct weekend date holding a holiday: the next day after it
 * that is neither a weekend day nor a holiday nor already a compensatory day.
 */
function withCompensation(base: readonly Base[]): StatutoryHoliday[] {
  const sorted = [...base].sort((a, b) => a.date.localeCompare(b.date));
  const taken = new Set(sorted.map((h) => h.date));
  const compensatedDates = new Set<LocalDate>();
  const result: StatutoryHoliday[] = sorted.map((h) => ({ ...h, compensatory: false }));
  for (const h of sorted) {
    if (!isWeekend(h.date) || compensatedDates.has(h.date)) continue;
    compensatedDates.add(h.date);
    let d = addDays(h.date, 1);
    while (isWeekend(d) || taken.has(d)) d = addDays(d, 1);
    taken.add(d);
    result.push({ date: d, name: `Nghỉ bù ${h.name}`, kind: h.kind, compensatory: true });
  }
  return result.sort(
    (a, b) => a.date.localeCompare(b.date) || Number(a.compensatory) - Number(b.compensatory),
  );
}

/** Length in days of the continuous run of days off (weekends + `off`) containing `day`. */
function breakLength(day: LocalDate, off: ReadonlySet<LocalDate>): number {
  const isOff = (d: LocalDate) => isWeekend(d) || off.has(d);
  let n = 1;
  for (let d = addDays(day, -1); isOff(d); d = addDays(d, -1)) n++;
  for (let d = addDays(day, 1); isOff(d); d = addDays(d, 1)) n++;
  return n;
}

/**
 * The default day adjacent to 2/9 (art. 112(1)(đ) lets it be 1/9 or 3/9; the Prime Minister decides).
 * Default rule: the candidate giving the longer continuous break (weekends and compensatory days
 * included); on a tie the one that falls on a weekday; then 1/9.
 * This reproduces the official choices of 2021–2026 (e.g. 2024: 2/9 Mon → 3/9; 2025: 2/9 Tue → 1/9;
 * 2026: 2/9 Wed → 1/9).
 */
export function defaultNationalDayAdjacent(year: number): LocalDate {
  const nd = localDate(year, 9, 2);
  const candidates = [localDate(year, 9, 1), localDate(year, 9, 3)];
  const scored = candidates.map((c) => {
    const days = withCompensation([
      { date: nd, name: '', kind: 'national_day' },
      { date: c, name: '', kind: 'national_day' },
    ]);
    return { c, length: breakLength(nd, new Set(days.map((d) => d.date))), weekday: !isWeekend(c) };
  });
  const [a, b] = scored as [(typeof scored)[0], (typeof scored)[0]];
  if (a.length !== b.length) return a.length > b.length ? a.c : b.c;
  if (a.weekday !== b.weekday) return a.weekday ? a.c : b.c;
  return a.c;
}

const cache = new Map<number, readonly StatutoryHoliday[]>();

/**
 * The statutory holidays of Gregorian `year` with the default rules, sorted by date:
 * - 1/1 Tết Dương lịch;
 * - Tết Nguyên đán, 5 days: the last day of the lunar year and mùng 1–4 (the government fixes the
 *   exact days each year; the official schedule overrides this default);
 * - Giỗ Tổ Hùng Vương, 10/3 lunar (Vietnamese lunar calendar, UTC+7);
 * - 30/4 and 1/5;
 * - Quốc khánh 2/9 and one adjacent day (see {@link defaultNationalDayAdjacent});
 * - compensatory days (art. 111(3)): each holiday date falling on a Saturday or Sunday gives one day
 *   off on the next day that is not a weekend day, a holiday or another compensatory day.
 *
 * Pure and memoised; years 1800–2199.
 */
export function statutoryHolidays(year: number): StatutoryHoliday[] {
  if (!Number.isInteger(year)) throw new RangeError(`Bad year: ${year}`);
  let list = cache.get(year);
  if (!list) {
    const tet = lunarToSolar(1, 1, year);
    const adjacent = defaultNationalDayAdjacent(year);
    const base: Base[] = [
      { date: localDate(year, 1, 1), name: NAMES.new_year, kind: 'new_year' },
      { date: addDays(tet, -1), name: NAMES.tet_eve, kind: 'tet' },
      ...[1, 2, 3, 4].map((n): Base => ({ date: addDays(tet, n - 1), name: NAMES.tet_day(n), kind: 'tet' })),
      { date: lunarToSolar(10, 3, year), name: NAMES.hung_kings, kind: 'hung_kings' },
      { date: localDate(year, 4, 30), name: NAMES.victory_day, kind: 'victory_day' },
      { date: localDate(year, 5, 1), name: NAMES.labour_day, kind: 'labour_day' },
      { date: localDate(year, 9, 2), name: NAMES.national_day, kind: 'national_day' },
      {
        date: adjacent,
        name: NAMES.national_day_adjacent(adjacent.endsWith('01') ? '1/9' : '3/9'),
        kind: 'national_day',
      },
    ];
    list = Object.freeze(withCompensation(base).map((h) => Object.freeze(h)));
    cache.set(year, list);
  }
  return [...list];
}
