import fc from 'fast-check';
import { addDays, epochDay, instantAtMinute, localDate, type LocalDate } from './local-date';
import type { OfficialSchedule, ScheduleEntry } from './official-schedule';
import { OFFICIAL_SCHEDULES_2024_2026 } from './official-schedules-2024-2026';
import { WorkingCalendar } from './working-calendar';

const cal = new WorkingCalendar(OFFICIAL_SCHEDULES_2024_2026);
// 2023-06-01 … 2027-12-31: official 2024–2026 tables plus computed-only years on both sides.
const anyDay = fc.integer({ min: 0, max: 1674 }).map((i) => addDays('2023-06-01', i));

describe('WorkingCalendar properties', () => {
  it('addWorkingDays(d, n) is a working day n working days after a working day d', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 0, max: 60 }), (day, n) => {
        const d = cal.addWorkingDays(day, 0); // the day itself or the next working day
        const r = cal.addWorkingDays(d, n);
        return cal.isWorkingDay(d) && cal.isWorkingDay(r) && cal.workingDaysBetween(d, r) === n;
      }),
    );
  });

  it('workingTimeBetween inverts addWorkingTime from a receipt time', () => {
    fc.assert(
      fc.property(
        anyDay,
        fc.integer({ min: 0, max: 24 * 60 - 1 }),
        fc.integer({ min: 0, max: 40 * 8 * 60 }),
        (day, minute, worked) => {
          const start = cal.receivedAt(instantAtMinute(day, minute));
          const end = cal.addWorkingTime(start, worked * 60_000);
          return end >= start && cal.workingTimeBetween(start, end) === worked * 60_000;
        },
      ),
    );
  });

  it('workingDaysBetween equals the day-by-day count over random ranges', () => {
    // 2019-01-01 … 2031-12-31: ranges up to 13 years, official 2024–2026 swaps in the middle.
    const wideDay = fc.integer({ min: 0, max: 4747 }).map((i) => addDays('2019-01-01', i));
    fc.assert(
      fc.property(wideDay, wideDay, (a, b) => cal.workingDaysBetween(a, b) === dayByDay(cal, a, b)),
      { numRuns: 300 },
    );
  });

  it('workingDaysBetween equals the day-by-day count with administrator-added days', () => {
    // Random day_off / working_day entries (some effective later) on top of the official schedules,
    // viewed with every entry or as of a random day; ranges start and end near and across year ends.
    const entry = fc.record({
      day: fc.integer({ min: 0, max: 2190 }),
      kind: fc.constantFrom<ScheduleEntry['kind']>('day_off', 'working_day'),
      effective: fc.option(fc.integer({ min: 0, max: 2190 }), { nil: undefined }),
    });
    const near = fc.integer({ min: -10, max: 10 });
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 40 }),
        fc.option(fc.integer({ min: 0, max: 2190 }), { nil: undefined }),
        fc.integer({ min: 0, max: 2190 }),
        fc.integer({ min: 0, max: 2190 }),
        fc.boolean(),
        near,
        near,
        (entries, asOf, i, j, atYearEnds, di, dj) => {
          const schedules: OfficialSchedule[] = [...OFFICIAL_SCHEDULES_2024_2026];
          for (const e of entries) {
            const date = addDays('2023-01-01', e.day);
            schedules.push({
              year: Number(date.slice(0, 4)),
              entries: [
                {
                  date,
                  kind: e.kind,
                  name: 'Thêm bởi quản trị',
                  ...(e.effective === undefined ? {} : { effectiveFrom: addDays('2023-01-01', e.effective) }),
                },
              ],
            });
          }
          const base = new WorkingCalendar(schedules);
          const c = asOf === undefined ? base : base.asOf(addDays('2023-01-01', asOf));
          const yearEnd = (k: number, d: number) => addDays(localDate(2023 + (k % 6), 1, 1), d);
          const a = atYearEnds ? yearEnd(i, di) : addDays('2023-01-01', i);
          const b = atYearEnds ? yearEnd(j, dj) : addDays('2023-01-01', j);
          // Twice: the second call reads the tables the first one built.
          const expected = dayByDay(c, a, b);
          return c.workingDaysBetween(a, b) === expected && c.workingDaysBetween(a, b) === expected;
        },
      ),
      { numRuns: 200 },
    );
  });
});

/** The straightforward count of working days in `(a, b]` (negative when `b` is before `a`). */
function dayByDay(c: WorkingCalendar, a: LocalDate, b: LocalDate): number {
  if (epochDay(b) < epochDay(a)) return -dayByDay(c, b, a);
  let count = 0;
  for (let d = addDays(a, 1); epochDay(d) <= epochDay(b); d = addDays(d, 1)) if (c.isWorkingDay(d)) count++;
  return count;
}
