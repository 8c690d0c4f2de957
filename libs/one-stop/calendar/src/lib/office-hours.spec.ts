import { DEFAULT_OFFICE_HOURS, compileOfficeHours } from './office-hours';

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
});
