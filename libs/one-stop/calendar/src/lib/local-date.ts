/**
 * Local dates and times in Vietnam (UTC+7, no daylight saving time).
 *
 * A {@link LocalDate} is a `YYYY-MM-DD` string naming a calendar day in Vietnam. Internally days are
 * handled as "epoch days" (whole days since 1970-01-01), which makes day arithmetic exact.
 */

/** A calendar day in Vietnam, `YYYY-MM-DD` (e.g. `2026-02-17`). */
export type LocalDate = string;

/** Vietnam's offset from UTC in milliseconds (UTC+7, no DST). */
export const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
export const MS_PER_MINUTE = 60 * 1000;
export const MS_PER_DAY = 24 * 60 * 60 * 1000;

const LOCAL_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a valid local date; throws `RangeError` on a malformed or impossible date. */
export function epochDay(date: LocalDate): number {
  const m = LOCAL_DATE_RE.exec(date);
  if (!m) throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
    throw new RangeError(`Impossible date: ${date}`);
  }
  return ms / MS_PER_DAY;
}

/** The local date of an epoch day. */
export function fromEpochDay(day: number): LocalDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** True when `value` is a well-formed, existing `YYYY-MM-DD` date. */
export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  try {
    epochDay(value);
    return true;
  } catch {
    return false;
  }
}

/** Builds a local date from its parts (month 1–12). */
export function localDate(year: number, month: number, day: number): LocalDate {
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  epochDay(date);
  return date;
}

/** `date` shifted by `days` calendar days (may be negative). */
export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(epochDay(date) + days);
}

/** ISO day of week: 1 = Monday … 6 = Saturday, 7 = Sunday. */
export function isoDayOfWeek(date: LocalDate): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((epochDay(date) + 3) % 7) + 7) % 7) + 1;
}

/** True on Saturday and Sunday. */
export function isWeekend(date: LocalDate): boolean {
  return isoDayOfWeek(date) >= 6;
}

/** Gregorian year of a local date. */
export function yearOf(date: LocalDate): number {
  epochDay(date);
  return Number(date.slice(0, 4));
}

/** The Vietnam-time calendar day of an instant. */
export function toLocalDate(instant: Date): LocalDate {
  const t = instant.getTime();
  if (!Number.isFinite(t)) throw new RangeError('Invalid Date');
  return new Date(t + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** Milliseconds since local (Vietnam) midnight of an instant. */
export function msOfLocalDay(instant: Date): number {
  const t = instant.getTime() + VN_OFFSET_MS;
  return ((t % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
}

/** The instant at `minutes` after local (Vietnam) midnight of `date`. */
export function instantAtMinute(date: LocalDate, minutes: number): Date {
  return new Date(epochDay(date) * MS_PER_DAY - VN_OFFSET_MS + minutes * MS_PER_MINUTE);
}

/** Parses a `HH:MM` wall-clock time (00:00–24:00) into minutes after midnight. */
export function parseClock(clock: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(clock);
  if (!m) throw new RangeError(`Not a HH:MM time: ${JSON.stringify(clock)}`);
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  if (Number(m[2]) > 59 || minutes > 24 * 60) throw new RangeError(`Impossible time: ${clock}`);
  return minutes;
}

/**
 * The instant of a Vietnam wall-clock time on a local date, e.g. `atLocalTime('2026-02-23', '07:30')`
 * is 2026-02-23T00:30:00Z.
 */
export function atLocalTime(date: LocalDate, clock: string): Date {
  return instantAtMinute(date, parseClock(clock));
}
