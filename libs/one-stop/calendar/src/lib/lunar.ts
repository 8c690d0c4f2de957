/**
 * The Vietnamese lunisolar calendar (âm lịch), after Hồ Ngọc Đức's well-known algorithm
 * ("Thuật toán tính âm lịch"): new moons and the sun's longitude are computed astronomically
 * (Jean Meeus, "Astronomical Algorithms", simplified) and the calendar rules are applied in the
 * time zone UTC+7. The Chinese calendar uses the same rules at UTC+8, which is why the two differ
 * on some days (e.g. Tết 1985: Vietnam 1985-01-21, China 1985-02-20).
 *
 * Rules: a month begins on the day (local time) of a new moon; month 11 contains the winter
 * solstice; a year with 13 months between two months 11 has a leap month, which is the first
 * month after month 11 that contains no major solar term (trung khí).
 *
 * Valid for Gregorian years 1800–2199 (the accuracy of the astronomical series).
 */
import { type LocalDate, epochDay, fromEpochDay } from './local-date';

/** A date of the Vietnamese lunar calendar. */
export interface LunarDate {
  /** Day of the lunar month, 1–30. */
  day: number;
  /** Lunar month, 1–12 (Giêng = 1, Chạp = 12). */
  month: number;
  /** Lunar year, numbered as the Gregorian year in which its Tết falls. */
  year: number;
  /** True in a leap month (tháng nhuận), which repeats the number of the month before it. */
  leap: boolean;
}

/** Vietnam's time zone for the lunar calendar. */
export const VIETNAM_TIME_ZONE_HOURS = 7;

const MIN_YEAR = 1800;
const MAX_YEAR = 2199;
/** Julian day number of 1970-01-01. */
const JDN_UNIX_EPOCH = 2440588;
const SYNODIC_MONTH = 29.530588853;
/** Julian day of the new moon of 1900-01-01 (k = 0 in {@link newMoon}). */
const K0_JD = 2415021.076998695;

const INT = Math.floor;
const PI = Math.PI;
const dr = PI / 180;

/** Julian day (TT, fractional) of the k-th new moon after 1900-01-01 (k may be negative). */
function newMoon(k: number): number {
  const T = k / 1236.85; // Julian centuries from 1900 January 0.5
  const T2 = T * T;
  const T3 = T2 * T;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * dr); // mean new moon
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3; // sun's mean anomaly
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3; // moon's mean anomaly
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3; // moon's argument of latitude
  let C1 = (0.1734 - 0.000393 * T) * Math.sin(M * dr) + 0.0021 * Math.sin(2 * dr * M);
  C1 = C1 - 0.4068 * Math.sin(Mpr * dr) + 0.0161 * Math.sin(dr * 2 * Mpr);
  C1 = C1 - 0.0004 * Math.sin(dr * 3 * Mpr);
  C1 = C1 + 0.0104 * Math.sin(dr * 2 * F) - 0.0051 * Math.sin(dr * (M + Mpr));
  C1 = C1 - 0.0074 * Math.sin(dr * (M - Mpr)) + 0.0004 * Math.sin(dr * (2 * F + M));
  C1 = C1 - 0.0004 * Math.sin(dr * (2 * F - M)) - 0.0006 * Math.sin(dr * (2 * F + Mpr));
  C1 = C1 + 0.001 * Math.sin(dr * (2 * F - Mpr)) + 0.0005 * Math.sin(dr * (2 * Mpr + M));
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + C1 - deltaT;
}

/** The sun's apparent longitude in radians, [0, 2π), at Julian day `jdn` (UT). */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525; // Julian centuries from J2000.0
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2; // mean anomaly
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2; // mean longitude
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(dr * M);
  DL += (0.019993 - 0.000101 * T) * Math.sin(dr * 2 * M) + 0.00029 * Math.sin(dr * 3 * M);
  let L = (L0 + DL) * dr;
  L -= PI * 2 * INT(L / (PI * 2));
  return L;
}

/** Julian day number of the local day on which the k-th new moon falls. */
function newMoonDay(k: number, tz: number): number {
  return INT(newMoon(k) + 0.5 + tz / 24);
}

/** Sector 0–11 (30° each) of the sun's longitude at local midnight starting day `dayNumber`. */
function sunLongitudeSector(dayNumber: number, tz: number): number {
  return INT((sunLongitude(dayNumber - 0.5 - tz / 24) / PI) * 6);
}

/** Julian day number of the first day of lunar month 11 that begins in (or before the end of) Gregorian `year`. */
function lunarMonth11(year: number, tz: number): number {
  const off = jdnFromEpochDay(epochDay(`${year}-12-31`)) - 2415021;
  const k = INT(off / SYNODIC_MONTH);
  let nm = newMoonDay(k, tz);
  if (sunLongitudeSector(nm, tz) >= 9) nm = newMoonDay(k - 1, tz);
  return nm;
}

/** Offset (in months after month 11 starting at `a11`) of the leap month of a 13-month year. */
function leapMonthOffset(a11: number, tz: number): number {
  const k = INT((a11 - K0_JD) / SYNODIC_MONTH + 0.5);
  let last: number;
  let i = 1;
  let arc = sunLongitudeSector(newMoonDay(k + i, tz), tz);
  do {
    last = arc;
    i++;
    arc = sunLongitudeSector(newMoonDay(k + i, tz), tz);
  } while (arc !== last && i < 14);
  return i - 1;
}

function jdnFromEpochDay(day: number): number {
  return day + JDN_UNIX_EPOCH;
}

function checkTimeZone(tz: number): void {
  if (!Number.isFinite(tz) || tz < -12 || tz > 14) throw new RangeError(`Bad time zone offset: ${tz}`);
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`Lunar calendar supported for years ${MIN_YEAR}–${MAX_YEAR}, got ${year}`);
  }
}

/**
 * Converts a Gregorian local date to the Vietnamese lunar calendar.
 *
 * @param date - a `YYYY-MM-DD` day (1800–2199).
 * @param timeZoneHours - UTC offset of the calendar; 7 (Vietnam) by default. Use 8 only to compare
 *   with the Chinese calendar.
 * @throws RangeError for a malformed date or a year out of range.
 */
export function solarToLunar(date: LocalDate, timeZoneHours: number = VIETNAM_TIME_ZONE_HOURS): LunarDate {
  checkTimeZone(timeZoneHours);
  const tz = timeZoneHours;
  const yy = Number(date.slice(0, 4));
  const dayNumber = jdnFromEpochDay(epochDay(date));
  checkYear(yy);
  const k = INT((dayNumber - K0_JD) / SYNODIC_MONTH);
  let monthStart = newMoonDay(k + 1, tz);
  if (monthStart > dayNumber) monthStart = newMoonDay(k, tz);
  let a11 = lunarMonth11(yy, tz);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = yy;
    a11 = lunarMonth11(yy - 1, tz);
  } else {
    lunarYear = yy + 1;
    b11 = lunarMonth11(yy + 1, tz);
  }
  const day = dayNumber - monthStart + 1;
  const diff = INT((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11, tz);
    if (diff >= leapDiff) {
      month = diff + 10;
      if (diff === leapDiff) leap = true;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) lunarYear -= 1;
  return { day, month, year: lunarYear, leap };
}

/**
 * Converts a Vietnamese lunar date to the Gregorian local date.
 *
 * @param day - day of the lunar month, 1–30.
 * @param month - lunar month, 1–12.
 * @param year - lunar year (the Gregorian year of its Tết), 1800–2199.
 * @param leap - true for the leap month of that number.
 * @param timeZoneHours - 7 (Vietnam) by default; 8 only to compare with the Chinese calendar.
 * @throws RangeError when the date does not exist (no such leap month, or day 30 of a 29-day month).
 */
export function lunarToSolar(
  day: number,
  month: number,
  year: number,
  leap = false,
  timeZoneHours: number = VIETNAM_TIME_ZONE_HOURS,
): LocalDate {
  checkTimeZone(timeZoneHours);
  checkYear(year);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`Bad lunar month: ${month}`);
  if (!Number.isInteger(day) || day < 1 || day > 30) throw new RangeError(`Bad lunar day: ${day}`);
  const tz = timeZoneHours;
  let a11: number;
  let b11: number;
  if (month < 11) {
    a11 = lunarMonth11(year - 1, tz);
    b11 = lunarMonth11(year, tz);
  } else {
    a11 = lunarMonth11(year, tz);
    b11 = lunarMonth11(year + 1, tz);
  }
  const k = INT(0.5 + (a11 - K0_JD) / SYNODIC_MONTH);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11, tz);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) {
      throw new RangeError(`Lunar year ${year} has no leap month ${month}`);
    } else if (leap || off >= leapOff) {
      off += 1;
    }
  } else if (leap) {
    throw new RangeError(`Lunar year ${year} has no leap month`);
  }
  const monthStart = newMoonDay(k + off, tz);
  const nextMonthStart = newMoonDay(k + off + 1, tz);
  if (day > nextMonthStart - monthStart) {
    throw new RangeError(
      `Lunar month ${month}${leap ? ' (leap)' : ''} of ${year} has only ${nextMonthStart - monthStart} days`,
    );
  }
  return fromEpochDay(monthStart + day - 1 - JDN_UNIX_EPOCH);
}

/** Gregorian date of Tết Nguyên đán (1/1 lunar) of lunar year `year`. */
export function lunarNewYear(year: number): LocalDate {
  return lunarToSolar(1, 1, year);
}
