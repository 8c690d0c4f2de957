import type { OfficialSchedule } from './official-schedule';
import { OFFICIAL_SCHEDULES_2024_2026 } from './official-schedules-2024-2026';
import { WorkingCalendar } from './working-calendar';

/** An instant given as Vietnam wall-clock time. */
const vn = (local: string) => new Date(`${local}:00+07:00`);
const iso = (d: Date) => d.toISOString();
const HOUR = 3600_000;

const cal = new WorkingCalendar(OFFICIAL_SCHEDULES_2024_2026);

describe('WorkingCalendar', () => {
  describe('working days', () => {
    it('adds working days across Tết 2026: receipt Fri 13/2 + 3 → Wed 25/2', () => {
      // 14–22/2 off; Mon 23/2 = 1, Tue 24/2 = 2, Wed 25/2 = 3.
      expect(cal.addWorkingDays('2026-02-13', 3)).toBe('2026-02-25');
      expect(cal.workingDaysBetween('2026-02-13', '2026-02-25')).toBe(3);
      expect(cal.workingDaysBetween('2026-02-25', '2026-02-13')).toBe(-3);
      expect(cal.nextWorkingDay('2026-02-13')).toBe('2026-02-23');
    });

    it('counts a make-up Saturday and treats n = 0 as "this working day or the next"', () => {
      expect(cal.addWorkingDays('2026-08-21', 1)).toBe('2026-08-22'); // Sat 22/8 worked
      expect(cal.addWorkingDays('2026-08-28', 1)).toBe('2026-09-03');
      expect(cal.addWorkingDays('2026-02-16', 0)).toBe('2026-02-23');
      expect(cal.addWorkingDays('2026-02-13', 0)).toBe('2026-02-13');
      expect(() => cal.addWorkingDays('2026-02-13', -1)).toThrow(RangeError);
      expect(() => cal.addWorkingDays('2026-02-13', 1.5)).toThrow(RangeError);
    });

    it('lets a day_off entry beat a working_day entry and a working_day entry cancel a default', () => {
      const c = new WorkingCalendar([
        {
          year: 2027,
          entries: [
            { date: '2027-03-01', kind: 'day_off', name: 'A' },
            { date: '2027-03-01', kind: 'working_day', name: 'B' },
            { date: '2027-01-01', kind: 'working_day', name: 'Không nghỉ (thử)' },
          ],
        },
      ]);
      expect(c.isWorkingDay('2027-03-01')).toBe(false);
      expect(c.isWorkingDay('2027-01-01')).toBe(true);
    });

    it('validates schedules', () => {
      const bad = (s: OfficialSchedule) => () => new WorkingCalendar([s]);
      expect(bad({ year: 2027, entries: [{ date: '2026-12-31', kind: 'day_off', name: 'x' }] })).toThrow(
        RangeError,
      );
      expect(bad({ year: 2027, entries: [{ date: '2027-02-30', kind: 'day_off', name: 'x' }] })).toThrow(
        RangeError,
      );
      expect(bad({ year: 2027, replacesDefaults: ['xmas' as never], entries: [] })).toThrow(RangeError);
      expect(bad({ year: 2027, entries: [{ date: '2027-01-04', kind: 'off' as never, name: 'x' }] })).toThrow(
        RangeError,
      );
    });
  });

  describe('receivedAt', () => {
    it('moves a Saturday-night submission to Monday 07:30', () => {
      expect(iso(cal.receivedAt(vn('2026-01-03T22:00')))).toBe(iso(vn('2026-01-05T07:30')));
    });

    it('moves a Friday-evening submission to the make-up Saturday 07:30', () => {
      expect(iso(cal.receivedAt(vn('2026-01-09T18:00')))).toBe(iso(vn('2026-01-10T07:30')));
      expect(iso(cal.receivedAt(vn('2026-01-10T22:00')))).toBe(iso(vn('2026-01-12T07:30')));
    });

    it('keeps office-hour submissions; early morning → opening; lunch → 13:00; 17:00 → next morning', () => {
      expect(iso(cal.receivedAt(vn('2026-03-02T09:15')))).toBe(iso(vn('2026-03-02T09:15')));
      expect(iso(cal.receivedAt(vn('2026-03-02T06:00')))).toBe(iso(vn('2026-03-02T07:30')));
      expect(iso(cal.receivedAt(vn('2026-03-02T11:30')))).toBe(iso(vn('2026-03-02T13:00')));
      expect(iso(cal.receivedAt(vn('2026-03-02T16:59')))).toBe(iso(vn('2026-03-02T16:59')));
      expect(iso(cal.receivedAt(vn('2026-03-02T17:00')))).toBe(iso(vn('2026-03-03T07:30')));
      expect(iso(cal.receivedAt(vn('2026-02-13T20:00')))).toBe(iso(vn('2026-02-23T07:30')));
    });

    it('uses the agency office hours', () => {
      const c = new WorkingCalendar(OFFICIAL_SCHEDULES_2024_2026, {
        sessions: [
          { start: '07:00', end: '11:30' },
          { start: '13:30', end: '17:00' },
        ],
      });
      expect(iso(c.receivedAt(vn('2026-03-02T06:00')))).toBe(iso(vn('2026-03-02T07:00')));
      expect(iso(c.receivedAt(vn('2026-03-02T13:00')))).toBe(iso(vn('2026-03-02T13:30')));
      expect(iso(c.dueDate({ receivedAt: vn('2026-03-02T09:00'), workingDays: 1 }))).toBe(
        iso(vn('2026-03-03T17:00')),
      );
    });
  });

  describe('dueDate', () => {
    it('is the close of the N-th working day after the day of receipt', () => {
      expect(iso(cal.dueDate({ receivedAt: vn('2026-02-13T10:00'), workingDays: 3 }))).toBe(
        iso(vn('2026-02-25T17:00')),
      );
      expect(iso(cal.dueDate({ receivedAt: vn('2026-03-02T09:00'), workingDays: 5 }))).toBe(
        iso(vn('2026-03-09T17:00')),
      );
      // Submitted on Saturday night: received Monday, so Monday does not count.
      expect(iso(cal.dueDate({ receivedAt: vn('2026-03-07T22:00'), workingDays: 1 }))).toBe(
        iso(vn('2026-03-10T17:00')),
      );
    });

    it('same-day procedures: after the 15:00 cutoff → next working day', () => {
      const at = (t: string) =>
        iso(cal.dueDate({ receivedAt: vn(t), workingDays: 0, sameDayCutoff: '15:00' }));
      expect(at('2026-03-02T14:00')).toBe(iso(vn('2026-03-02T17:00')));
      expect(at('2026-03-02T15:00')).toBe(iso(vn('2026-03-02T17:00')));
      expect(at('2026-03-02T15:30')).toBe(iso(vn('2026-03-03T17:00')));
      expect(at('2026-02-13T16:00')).toBe(iso(vn('2026-02-23T17:00')));
      expect(at('2026-03-07T10:00')).toBe(iso(vn('2026-03-09T17:00'))); // Saturday → Monday morning
      expect(iso(cal.dueDate({ receivedAt: vn('2026-03-02T15:30'), workingDays: 0 }))).toBe(
        iso(vn('2026-03-02T17:00')),
      );
    });

    it('extends the due time by the working time inside pauses', () => {
      const base = { receivedAt: vn('2026-03-02T09:00'), workingDays: 5 };
      // Tue 3/3 09:00 → Wed 4/3 11:00 = 2.5 h + 4 h + 3.5 h = 10 h of working time:
      // due Mon 9/3 17:00 + 10 h → Tue 10/3 full day (8 h) + 2 h → Wed 11/3 09:30.
      const pause = { from: vn('2026-03-03T09:00'), to: vn('2026-03-04T11:00') };
      const pauses = [pause];
      expect(cal.workingTimeBetween(pause.from, pause.to)).toBe(10 * HOUR);
      expect(iso(cal.dueDate({ ...base, pauses }))).toBe(iso(vn('2026-03-11T09:30')));
      // A full working day of pause moves the due date by one working day.
      const fullDay = [{ from: vn('2026-03-03T07:30'), to: vn('2026-03-04T07:30') }];
      expect(iso(cal.dueDate({ ...base, pauses: fullDay }))).toBe(iso(vn('2026-03-10T17:00')));
      // A pause over a weekend costs nothing.
      const weekend = [{ from: vn('2026-03-06T17:00'), to: vn('2026-03-09T07:30') }];
      expect(iso(cal.dueDate({ ...base, pauses: weekend }))).toBe(iso(vn('2026-03-09T17:00')));
    });

    it('merges overlapping pauses and ignores time before receipt', () => {
      const base = { receivedAt: vn('2026-03-02T09:00'), workingDays: 5 };
      const overlapping = [
        { from: vn('2026-03-03T09:00'), to: vn('2026-03-03T12:00') },
        { from: vn('2026-03-03T11:00'), to: vn('2026-03-03T14:00') },
      ]; // union 09:00–14:00 = 2.5 h + 1 h
      expect(iso(cal.dueDate({ ...base, pauses: overlapping }))).toBe(iso(vn('2026-03-10T11:00')));
      const early = [{ from: vn('2026-02-27T09:00'), to: vn('2026-03-02T10:00') }]; // only 09:00–10:00 counts
      expect(iso(cal.dueDate({ ...base, pauses: early }))).toBe(iso(vn('2026-03-10T08:30')));
      expect(() =>
        cal.dueDate({ ...base, pauses: [{ from: vn('2026-03-03T09:00'), to: vn('2026-03-03T08:00') }] }),
      ).toThrow(RangeError);
    });

    it('pushes the due time past a pause that spans Tết 2026', () => {
      const due = cal.dueDate({
        receivedAt: vn('2026-02-10T08:00'),
        workingDays: 5,
        pauses: [{ from: vn('2026-02-12T07:30'), to: vn('2026-02-24T07:30') }], // 12, 13, 23/2 = 3 working days
      });
      // Without the pause: 11, 12, 13, 23, 24/2 → 24/2 17:00; plus 3 working days → 27/2 17:00.
      expect(iso(due)).toBe(iso(vn('2026-02-27T17:00')));
    });

    it('a newly declared day off (24/11/2026) moves due dates from its effective date', () => {
      const withCultureDay = new WorkingCalendar([
        ...OFFICIAL_SCHEDULES_2024_2026,
        {
          year: 2026,
          entries: [
            {
              date: '2026-11-24',
              kind: 'day_off',
              name: 'Ngày Văn hóa Việt Nam',
              effectiveFrom: '2026-11-10',
              source: 'test fixture (not yet law at the last source)',
            },
          ],
        },
      ]);
      const input = { receivedAt: vn('2026-11-23T09:00'), workingDays: 3 };
      expect(iso(cal.dueDate(input))).toBe(iso(vn('2026-11-26T17:00')));
      expect(iso(withCultureDay.dueDate(input))).toBe(iso(vn('2026-11-27T17:00')));
      expect(withCultureDay.dayInfo('2026-11-24').reasons).toEqual(['Ngày Văn hóa Việt Nam']);
      // Viewed as of a date before the decision, the entry does not apply.
      const before = withCultureDay.asOf('2026-11-01');
      expect(before.isWorkingDay('2026-11-24')).toBe(true);
      expect(iso(before.dueDate(input))).toBe(iso(vn('2026-11-26T17:00')));
      expect(withCultureDay.asOf('2026-11-10').isWorkingDay('2026-11-24')).toBe(false);
    });
  });

  describe('working time', () => {
    it('adds working time across lunch, nights and days off', () => {
      expect(iso(cal.addWorkingTime(vn('2026-03-02T11:00'), HOUR))).toBe(iso(vn('2026-03-02T13:30')));
      expect(iso(cal.addWorkingTime(vn('2026-03-02T07:30'), 4 * HOUR))).toBe(iso(vn('2026-03-02T11:30')));
      expect(iso(cal.addWorkingTime(vn('2026-02-13T16:00'), 2 * HOUR))).toBe(iso(vn('2026-02-23T08:30')));
      expect(iso(cal.addWorkingTime(vn('2026-03-02T20:00'), 0))).toBe(iso(vn('2026-03-02T20:00')));
      expect(cal.workingTimeBetween(vn('2026-02-13T07:00'), vn('2026-02-23T12:00'))).toBe(12 * HOUR);
      expect(cal.workingTimeBetween(vn('2026-03-03T07:00'), vn('2026-03-02T12:00'))).toBe(0);
      expect(() => cal.addWorkingTime(vn('2026-03-02T07:30'), -1)).toThrow(RangeError);
    });
  });

  describe('stepDueDates', () => {
    it('splits the working time of the limit by cumulative shares', () => {
      // Mon 07:30 + 2 working days → Wed 4/3 17:00; 24 h of working time split 1:2:1 → 6 h, 18 h, 24 h.
      const steps = cal.stepDueDates(vn('2026-03-02T07:30'), 2, [
        { stepId: 'tiep-nhan', share: 1 },
        { stepId: 'tham-dinh', share: 2 },
        { stepId: 'phe-duyet', share: 1 },
      ]);
      expect(steps.map((s) => [s.stepId, iso(s.startAt), iso(s.dueAt)])).toEqual([
        ['tiep-nhan', iso(vn('2026-03-02T07:30')), iso(vn('2026-03-02T15:00'))],
        ['tham-dinh', iso(vn('2026-03-02T15:00')), iso(vn('2026-03-04T09:30'))],
        ['phe-duyet', iso(vn('2026-03-04T09:30')), iso(vn('2026-03-04T17:00'))],
      ]);
    });

    it('floors each cumulative due time to the minute; the last step ends at the overall due time', () => {
      // 07:31 → 17:00 = 479 working minutes; thirds at 159.67 → 159 and 319.33 → 319 minutes.
      const steps = cal.stepDueDates(vn('2026-03-02T07:31'), 0, [
        { stepId: 'a', share: 1 },
        { stepId: 'b', share: 1 },
        { stepId: 'c', share: 1 },
      ]);
      expect(steps.map((s) => iso(s.dueAt))).toEqual([
        iso(vn('2026-03-02T10:10')),
        iso(vn('2026-03-02T14:20')),
        iso(vn('2026-03-02T17:00')),
      ]);
    });

    it('normalises a submission outside office hours first and validates shares', () => {
      const steps = cal.stepDueDates(vn('2026-02-14T10:00'), 1, [
        { stepId: 'a', share: 50 },
        { stepId: 'b', share: 50 },
      ]);
      expect(steps.map((s) => [iso(s.startAt), iso(s.dueAt)])).toEqual([
        [iso(vn('2026-02-23T07:30')), iso(vn('2026-02-23T17:00'))],
        [iso(vn('2026-02-23T17:00')), iso(vn('2026-02-24T17:00'))],
      ]);
      expect(() => cal.stepDueDates(vn('2026-03-02T09:00'), 1, [])).toThrow(RangeError);
      expect(() => cal.stepDueDates(vn('2026-03-02T09:00'), 1, [{ stepId: 'a', share: -1 }])).toThrow(
        RangeError,
      );
      expect(() => cal.stepDueDates(vn('2026-03-02T09:00'), 1, [{ stepId: 'a', share: 0 }])).toThrow(
        RangeError,
      );
    });
  });
});
