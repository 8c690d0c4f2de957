import {
  addDays,
  atLocalTime,
  epochDay,
  isLocalDate,
  isoDayOfWeek,
  msOfLocalDay,
  parseClock,
  toLocalDate,
} from './local-date';

describe('local dates in Vietnam time (UTC+7)', () => {
  it('takes the calendar day of an instant in UTC+7', () => {
    expect(toLocalDate(new Date('2026-02-16T16:59:59Z'))).toBe('2026-02-16');
    expect(toLocalDate(new Date('2026-02-16T17:00:00Z'))).toBe('2026-02-17');
    expect(msOfLocalDay(new Date('2026-02-16T17:00:00Z'))).toBe(0);
  });

  it('builds instants from local wall-clock times', () => {
    expect(atLocalTime('2026-02-23', '07:30').toISOString()).toBe('2026-02-23T00:30:00.000Z');
    expect(atLocalTime('2026-01-01', '00:00').toISOString()).toBe('2025-12-31T17:00:00.000Z');
    expect(atLocalTime('2026-01-01', '24:00').toISOString()).toBe('2026-01-01T17:00:00.000Z');
  });

  it('does day arithmetic and weekdays', () => {
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(isoDayOfWeek('2026-02-17')).toBe(2); // Tuesday
    expect(isoDayOfWeek('2026-04-26')).toBe(7); // Sunday
    expect(isoDayOfWeek('1969-12-29')).toBe(1); // before the epoch
  });

  it('rejects malformed and impossible dates and times', () => {
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2026-2-1')).toBe(false);
    expect(isLocalDate(20260201)).toBe(false);
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(() => epochDay('2026-13-01')).toThrow(RangeError);
    expect(() => parseClock('7:30')).toThrow(RangeError);
    expect(() => parseClock('24:01')).toThrow(RangeError);
    expect(() => toLocalDate(new Date('nope'))).toThrow(RangeError);
  });
});
