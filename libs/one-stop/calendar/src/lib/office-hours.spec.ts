import { atLocalTime } from './local-date';
import { DEFAULT_OFFICE_HOURS, type OfficeHours, compileOfficeHours } from './office-hours';
import { OFFICIAL_SCHEDULES_2024_2026 } from './official-schedules-2024-2026';
import { WorkingCalendar } from './working-calendar';

const at = (date: string, clock: string) => atLocalTime(date, clock);
/** The provincial systems' hours (DOMAIN-REFERENCE): 07:00–11:30, 13:30–17:00. */
const PROVINCIAL: OfficeHours = {
  sessions: [
    { start: '07:00', end: '11:30' },
    { start: '13:30', end: '17:00' },
  ],
};
const standard = new WorkingCalendar(OFFICIAL_SCHEDULES_2024_2026);
const provincial = standard.withOfficeHours(PROVINCIAL);
const withSaturday = standard.withOfficeHours({
  ...DEFAULT_OFFICE_HOURS,
  saturday: [{ start: '07:30', end: '11:30' }],
});

describe('office hours', () => {
  it('defaults to 07:30–11:30 and 13:00–17:00 (8 hours)', () => {
    expect(compileOfficeHours(DEFAULT_OFFICE_HOURS)).toEqual({
      sessions: [
        [450, 690],
        [780, 1020],
      ],
      opening: 450,
      closing: 1020,
      dailyMinutes: 480,
      saturday: [],
    });
  });

  it('rejects empty, reversed or overlapping sessions', () => {
    expect(() => compileOfficeHours({ sessions: [] })).toThrow(RangeError);
    expect(() => compileOfficeHours({ sessions: [{ start: '11:00', end: '08:00' }] })).toThrow(RangeError);
    expect(() =>
      compileOfficeHours({
        sessions: [
          { start: '07:00', end: '12:00' },
          { start: '11:00', end: '17:00' },
        ],
      }),
    ).toThrow(RangeError);
  });

  it('rejects reversed or overlapping Saturday sessions', () => {
    expect(() =>
      compileOfficeHours({ ...DEFAULT_OFFICE_HOURS, saturday: [{ start: '11:30', end: '07:30' }] }),
    ).toThrow(RangeError);
  });
});

describe("received time with an agency's own office hours", () => {
  // Monday 5 January 2026 is an ordinary working day.
  it('counts a 07:15 submission as received at once when the agency opens at 07:00, at 07:30 otherwise', () => {
    expect(provincial.receivedAt(at('2026-01-05', '07:15'))).toEqual(at('2026-01-05', '07:15'));
    expect(standard.receivedAt(at('2026-01-05', '07:15'))).toEqual(at('2026-01-05', '07:30'));
    expect(provincial.receivedAt(at('2026-01-05', '06:59'))).toEqual(at('2026-01-05', '07:00'));
  });

  it("moves a lunch-time submission to the agency's afternoon opening", () => {
    expect(provincial.receivedAt(at('2026-01-05', '13:10'))).toEqual(at('2026-01-05', '13:30'));
    expect(standard.receivedAt(at('2026-01-05', '13:10'))).toEqual(at('2026-01-05', '13:10'));
    expect(provincial.receivedAt(at('2026-01-05', '11:30'))).toEqual(at('2026-01-05', '13:30'));
  });

  it('moves a submission after closing or on a day off to the next opening of the agency', () => {
    expect(provincial.receivedAt(at('2026-01-05', '17:00'))).toEqual(at('2026-01-06', '07:00'));
    // Friday evening → Monday morning.
    expect(provincial.receivedAt(at('2026-01-16', '18:00'))).toEqual(at('2026-01-19', '07:00'));
  });

  it("due time of day is the agency's closing time; working time follows its sessions", () => {
    const early = standard.withOfficeHours({
      sessions: [
        { start: '07:00', end: '11:00' },
        { start: '13:00', end: '16:30' },
      ],
    });
    expect(early.dueDate({ receivedAt: at('2026-01-05', '10:00'), workingDays: 3 })).toEqual(
      at('2026-01-08', '16:30'),
    );
    expect(provincial.workingTimeBetween(at('2026-01-05', '00:00'), at('2026-01-06', '00:00'))).toBe(
      8 * 3_600_000,
    );
    expect(early.workingTimeBetween(at('2026-01-05', '00:00'), at('2026-01-06', '00:00'))).toBe(
      7.5 * 3_600_000,
    );
  });

  it('keeps the schedules and asOf date', () => {
    const asOf = standard.asOf('2026-01-01').withOfficeHours(PROVINCIAL);
    expect(asOf.isWorkingDay('2026-02-16')).toBe(false); // Tết
    expect(asOf.officeHours).toBe(PROVINCIAL);
  });
});

describe('Saturday-morning reception', () => {
  // Saturday 17 January 2026: an ordinary Saturday (10 January is a make-up working day).
  it('receives on an ordinary Saturday morning without making it a working day', () => {
    expect(withSaturday.receivedAt(at('2026-01-17', '08:00'))).toEqual(at('2026-01-17', '08:00'));
    expect(withSaturday.receivedAt(at('2026-01-17', '07:00'))).toEqual(at('2026-01-17', '07:30'));
    expect(withSaturday.receivedAt(at('2026-01-17', '11:30'))).toEqual(at('2026-01-19', '07:30'));
    expect(withSaturday.isWorkingDay('2026-01-17')).toBe(false);
    expect(withSaturday.workingTimeBetween(at('2026-01-17', '00:00'), at('2026-01-11', '00:00'))).toBe(0);
    // Without Saturday reception the same submission is received on Monday.
    expect(standard.receivedAt(at('2026-01-17', '08:00'))).toEqual(at('2026-01-19', '07:30'));
  });

  it('counts the time limit from the next working day', () => {
    expect(withSaturday.dueDate({ receivedAt: at('2026-01-17', '08:00'), workingDays: 1 })).toEqual(
      at('2026-01-19', '17:00'),
    );
    expect(withSaturday.dueDate({ receivedAt: at('2026-01-17', '08:00'), workingDays: 0 })).toEqual(
      at('2026-01-19', '17:00'),
    );
    expect(standard.dueDate({ receivedAt: at('2026-01-17', '08:00'), workingDays: 1 })).toEqual(
      at('2026-01-20', '17:00'),
    );
  });

  it('does not receive on a Saturday that is a holiday, and uses normal hours on a make-up Saturday', () => {
    // Saturday 14 February 2026 is in the Tết break (14–22/2).
    expect(withSaturday.receivedAt(at('2026-02-14', '08:00'))).toEqual(at('2026-02-23', '07:30'));
    // Saturday 22 August 2026 is a make-up working day: the afternoon session is open too.
    expect(withSaturday.receivedAt(at('2026-08-22', '14:00'))).toEqual(at('2026-08-22', '14:00'));
  });
});
