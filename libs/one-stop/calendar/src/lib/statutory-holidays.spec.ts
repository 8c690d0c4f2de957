import { defaultNationalDayAdjacent, statutoryHolidays } from './statutory-holidays';

const days = (
  year: number,
  filter: (h: ReturnType<typeof statutoryHolidays>[number]) => boolean = () => true,
) =>
  statutoryHolidays(year)
    .filter(filter)
    .map((h) => h.date);

describe('statutoryHolidays (BLLĐ 2019 art. 112 defaults)', () => {
  it('computes 2026: Tết = last day of the year + mùng 1–4, Giỗ Tổ on Sunday compensated on Monday', () => {
    expect(statutoryHolidays(2026).map((h) => [h.date, h.kind, h.compensatory])).toEqual([
      ['2026-01-01', 'new_year', false],
      ['2026-02-16', 'tet', false],
      ['2026-02-17', 'tet', false],
      ['2026-02-18', 'tet', false],
      ['2026-02-19', 'tet', false],
      ['2026-02-20', 'tet', false],
      ['2026-04-26', 'hung_kings', false],
      ['2026-04-27', 'hung_kings', true],
      ['2026-04-30', 'victory_day', false],
      ['2026-05-01', 'labour_day', false],
      ['2026-09-01', 'national_day', false],
      ['2026-09-02', 'national_day', false],
    ]);
  });

  it('uses Vietnamese names', () => {
    const names = statutoryHolidays(2026).map((h) => h.name);
    expect(names).toContain('Giỗ Tổ Hùng Vương (10/3 Âm lịch)');
    expect(names).toContain('Nghỉ bù Giỗ Tổ Hùng Vương (10/3 Âm lịch)');
    expect(names).toContain('Tết Nguyên đán (mùng 1 Tết)');
    expect(names).toContain('Quốc khánh (ngày liền kề 1/9)');
  });

  it('compensates Tết days falling on a weekend after the Tết block (2024 default)', () => {
    expect(days(2024, (h) => h.kind === 'tet')).toEqual([
      '2024-02-09',
      '2024-02-10',
      '2024-02-11',
      '2024-02-12',
      '2024-02-13',
      '2024-02-14',
      '2024-02-15',
    ]);
  });

  it('chains compensation past other holidays (2023: Giỗ Tổ Sat 29/4, 30/4 Sun → off 2/5 and 3/5)', () => {
    expect(days(2023, (h) => h.compensatory)).toEqual(expect.arrayContaining(['2023-05-02', '2023-05-03']));
    expect(days(2022, (h) => h.kind === 'new_year')).toEqual(['2022-01-01', '2022-01-03']);
  });

  it.each([
    [2021, '2021-09-03'], // 2/9 Thu → Thu–Sun
    [2022, '2022-09-01'], // 2/9 Fri → Thu–Sun
    [2024, '2024-09-03'], // 2/9 Mon → Sat–Tue (3/9 is a weekday)
    [2025, '2025-09-01'], // 2/9 Tue → Sat–Tue
    [2026, '2026-09-01'], // 2/9 Wed → tie, 1/9
  ])('picks the day adjacent to 2/9 in %i: %s (matches the official choice)', (year, expected) => {
    expect(defaultNationalDayAdjacent(year)).toBe(expected);
  });

  it('returns copies of a memoised list', () => {
    const a = statutoryHolidays(2025);
    a.pop();
    expect(statutoryHolidays(2025)).toHaveLength(a.length + 1);
    expect(() => statutoryHolidays(2025.5)).toThrow(RangeError);
  });
});
