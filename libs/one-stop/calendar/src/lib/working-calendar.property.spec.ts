import fc from 'fast-check';
import { addDays, instantAtMinute } from './local-date';
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
});
