/**
 * The working-day calendar: statutory holidays (computed) + official per-year schedules (data) +
 * an agency's office hours. All day arithmetic is in Vietnam time (UTC+7).
 */
import {
  type LocalDate,
  MS_PER_MINUTE,
  addDays,
  epochDay,
  fromEpochDay,
  instantAtMinute,
  isLocalDate,
  isWeekend,
  isoDayOfWeek,
  localDate,
  msOfLocalDay,
  parseClock,
  toLocalDate,
  yearOf,
} from './local-date';
import {
  type CompiledOfficeHours,
  DEFAULT_OFFICE_HOURS,
  type OfficeHours,
  compileOfficeHours,
} from './office-hours';
import type { OfficialSchedule, ScheduleEntry } from './official-schedule';
import { type HolidayKind, statutoryHolidays } from './statutory-holidays';

/** A paused interval of a dossier's clock (e.g. from a supplement request to the completed supplement). */
export interface Pause {
  from: Date;
  to: Date;
}

/** Input of {@link WorkingCalendar.dueDate}. */
export interface DueDateInput {
  /** When the dossier was submitted or received; normalised with {@link WorkingCalendar.receivedAt}. */
  receivedAt: Date;
  /** The time limit in working days; 0 = same working day. */
  workingDays: number;
  /** Paused intervals; their working time pushes the due time forward. */
  pauses?: readonly Pause[];
  /**
   * For same-day procedures (`workingDays` 0) only: a receipt after this `HH:MM` time (e.g. `'15:00'`)
   * is due at the close of the next working day.
   */
  sameDayCutoff?: string;
}

/** A step's share of a dossier's time limit (any non-negative weights; they are normalised). */
export interface StepShare {
  stepId: string;
  share: number;
}

/** Start and due time of one step. */
export interface StepDueDate {
  stepId: string;
  startAt: Date;
  dueAt: Date;
}

/** Why a day is working or not. */
export interface DayInfo {
  date: LocalDate;
  working: boolean;
  /** Labels that decided the outcome, e.g. `['Chủ nhật']`, `['Làm bù cho ngày nghỉ thứ Hai 29/4']`. */
  reasons: string[];
}

/** Options of a {@link WorkingCalendar}. */
export interface WorkingCalendarOptions {
  /**
   * Only schedule entries with `effectiveFrom` on or before this date apply. Omitted: every entry
   * applies (the latest knowledge).
   */
  asOf?: LocalDate;
}

const HOLIDAY_KINDS: readonly HolidayKind[] = [
  'new_year',
  'tet',
  'hung_kings',
  'victory_day',
  'labour_day',
  'national_day',
];
/** A calendar in which no working day appears for this long is misconfigured. */
const MAX_SEARCH_DAYS = 3660;

/**
 * Working days and due times of a one-stop desk.
 *
 * A day D is off when
 *   (an official entry in force says `day_off`)
 *   ∨ (a statutory default — not replaced by that year's schedule — says off ∧ no entry says `working_day`)
 *   ∨ (D is Saturday/Sunday ∧ no entry says `working_day`);
 * otherwise it is a working day. Immutable; pure (no clock, no I/O).
 */
export class WorkingCalendar {
  private readonly hours: CompiledOfficeHours;
  private readonly entries = new Map<LocalDate, ScheduleEntry[]>();
  private readonly replaced = new Map<number, Set<HolidayKind>>();
  private readonly defaultsByYear = new Map<number, Map<LocalDate, string[]>>();
  private readonly cumulative = new Map<number, Int32Array>();
  private readonly schedules: readonly OfficialSchedule[];
  private readonly options: WorkingCalendarOptions;
  /** The office hours this calendar uses. */
  readonly officeHours: OfficeHours;

  /**
   * @param schedules - official schedules (e.g. `OFFICIAL_SCHEDULES_2024_2026` plus administrator
   *   additions); several schedules of the same year are merged.
   * @param officeHours - the agency's office hours; {@link DEFAULT_OFFICE_HOURS} by default.
   * @param options - see {@link WorkingCalendarOptions}.
   * @throws RangeError on invalid schedules or office hours.
   */
  constructor(
    schedules: readonly OfficialSchedule[],
    officeHours: OfficeHours = DEFAULT_OFFICE_HOURS,
    options: WorkingCalendarOptions = {},
  ) {
    if (options.asOf !== undefined) epochDay(options.asOf);
    this.schedules = schedules;
    this.options = { ...options };
    this.officeHours = officeHours;
    this.hours = compileOfficeHours(officeHours);
    for (const schedule of schedules) {
      if (!Number.isInteger(schedule.year)) throw new RangeError(`Bad schedule year: ${schedule.year}`);
      const kinds = this.replaced.get(schedule.year) ?? new Set<HolidayKind>();
      for (const kind of schedule.replacesDefaults ?? []) {
        if (!HOLIDAY_KINDS.includes(kind)) throw new RangeError(`Unknown holiday kind: ${kind}`);
        kinds.add(kind);
      }
      this.replaced.set(schedule.year, kinds);
      for (const entry of schedule.entries) {
        if (!isLocalDate(entry.date) || yearOf(entry.date) !== schedule.year) {
          throw new RangeError(`Entry ${entry.date} does not lie in schedule year ${schedule.year}`);
        }
        if (entry.kind !== 'day_off' && entry.kind !== 'working_day') {
          throw new RangeError(`Bad entry kind for ${entry.date}: ${String(entry.kind)}`);
        }
        if (entry.effectiveFrom !== undefined) {
          epochDay(entry.effectiveFrom);
          if (options.asOf !== undefined && entry.effectiveFrom > options.asOf) continue;
        }
        const list = this.entries.get(entry.date) ?? [];
        list.push(entry);
        this.entries.set(entry.date, list);
      }
    }
  }

  /**
   * The same calendar as known on `date`: schedule entries whose `effectiveFrom` is later are ignored.
   * Use the receipt date to keep a dossier on the calendar in force when it was received.
   */
  asOf(date: LocalDate): WorkingCalendar {
    return new WorkingCalendar(this.schedules, this.officeHours, { ...this.options, asOf: date });
  }

  /** The same calendar (schedules, `asOf`) with another agency's office hours. */
  withOfficeHours(officeHours: OfficeHours): WorkingCalendar {
    return new WorkingCalendar(this.schedules, officeHours, this.options);
  }

  /** Whether `date` is a working day, with the labels that decided it. */
  dayInfo(date: LocalDate): DayInfo {
    const entries = this.entries.get(date) ?? [];
    const offEntries = entries.filter((e) => e.kind === 'day_off');
    const workEntries = entries.filter((e) => e.kind === 'working_day');
    if (offEntries.length > 0) return { date, working: false, reasons: offEntries.map((e) => e.name) };
    const defaults = this.defaultsOf(date);
    const weekend = isWeekend(date);
    if (workEntries.length > 0) return { date, working: true, reasons: workEntries.map((e) => e.name) };
    if (defaults.length > 0) return { date, working: false, reasons: defaults };
    if (weekend)
      return { date, working: false, reasons: [isoDayOfWeek(date) === 6 ? 'Thứ Bảy' : 'Chủ nhật'] };
    return { date, working: true, reasons: [] };
  }

  /** True when `date` is a working day. */
  isWorkingDay(date: LocalDate): boolean {
    return this.dayInfo(date).working;
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: LocalDate): LocalDate {
    let d = date;
    for (let i = 0; i < MAX_SEARCH_DAYS; i++) {
      d = addDays(d, 1);
      if (this.isWorkingDay(d)) return d;
    }
    throw new Error(`No working day within ${MAX_SEARCH_DAYS} days after ${date}`);
  }

  /**
   * The `n`-th working day after `from` (`from` itself does not count). `n` = 0 gives `from` when it
   * is a working day, else the next working day.
   * @throws RangeError unless `n` is a non-negative integer.
   */
  addWorkingDays(from: LocalDate, n: number): LocalDate {
    checkCount(n, 'n');
    if (n === 0) return this.isWorkingDay(from) ? from : this.nextWorkingDay(from);
    let d = from;
    for (let i = 0; i < n; i++) d = this.nextWorkingDay(d);
    return d;
  }

  /**
   * The number of working days in `(a, b]` — after `a`, up to and including `b`; negative when `b`
   * is before `a`. For a working day `a`, `workingDaysBetween(a, addWorkingDays(a, n)) === n`.
   */
  workingDaysBetween(a: LocalDate, b: LocalDate): number {
    const ea = epochDay(a);
    const eb = epochDay(b);
    if (eb < ea) return -this.workingDaysBetween(b, a);
    if (eb === ea) return 0;
    // Working days of [first, b] from the per-year cumulative tables: O(years in the range).
    const first = addDays(a, 1);
    const [y1, y2] = [yearOf(first), yearOf(b)];
    const index = (d: LocalDate) => epochDay(d) - epochDay(localDate(yearOf(d), 1, 1));
    const before = this.cumulativeOf(y1)[index(first)]!;
    let count = 0;
    for (let y = y1; y < y2; y++) count += this.cumulativeOf(y).at(-1)!;
    return count + this.cumulativeOf(y2)[index(b) + 1]! - before;
  }

  /**
   * When a submission counts as received: itself during office hours of a working day; the start of
   * the next session if submitted before it on a working day (early morning, lunch break); otherwise
   * the opening of the next working day (after closing time, or on a day off). On a plain Saturday
   * (off only for being a Saturday) the agency's Saturday reception sessions, if any, receive the
   * same way; the Saturday still counts as a day off.
   */
  receivedAt(submittedAt: Date): Date {
    checkInstant(submittedAt, 'submittedAt');
    const day = toLocalDate(submittedAt);
    const ms = msOfLocalDay(submittedAt);
    for (const [start, end] of this.receptionSessions(day)) {
      if (ms < start * MS_PER_MINUTE) return instantAtMinute(day, start);
      if (ms < end * MS_PER_MINUTE) return new Date(submittedAt.getTime());
    }
    return instantAtMinute(this.nextWorkingDay(day), this.hours.opening);
  }

  /** Sessions in which dossiers are received on `date`: office hours on a working day, Saturday reception on a plain Saturday. */
  private receptionSessions(date: LocalDate): readonly (readonly [number, number])[] {
    const info = this.dayInfo(date);
    if (info.working) return this.hours.sessions;
    const plainSaturday =
      isoDayOfWeek(date) === 6 && info.reasons.length === 1 && info.reasons[0] === 'Thứ Bảy';
    return plainSaturday ? this.hours.saturday : [];
  }

  /** Working time in milliseconds between two instants: the overlap of `[from, to)` with office sessions of working days. */
  workingTimeBetween(from: Date, to: Date): number {
    checkInstant(from, 'from');
    checkInstant(to, 'to');
    const a = from.getTime();
    const b = to.getTime();
    if (b <= a) return 0;
    let total = 0;
    const last = epochDay(toLocalDate(to));
    for (let d = toLocalDate(from); epochDay(d) <= last; d = addDays(d, 1)) {
      if (!this.isWorkingDay(d)) continue;
      for (const [start, end] of this.hours.sessions) {
        const s = Math.max(a, instantAtMinute(d, start).getTime());
        const e = Math.min(b, instantAtMinute(d, end).getTime());
        if (e > s) total += e - s;
      }
    }
    return total;
  }

  /**
   * The instant reached after `ms` milliseconds of working time from `from` (office sessions of
   * working days only). Landing exactly on a session end gives that end, not the next opening.
   * `ms` = 0 returns `from`.
   */
  addWorkingTime(from: Date, ms: number): Date {
    checkInstant(from, 'from');
    if (!Number.isFinite(ms) || ms < 0)
      throw new RangeError(`Working time must be a non-negative number, got ${ms}`);
    if (ms === 0) return new Date(from.getTime());
    let remaining = ms;
    let cursor = from.getTime();
    let day = toLocalDate(from);
    for (;;) {
      if (this.isWorkingDay(day)) {
        for (const [start, end] of this.hours.sessions) {
          const s = Math.max(cursor, instantAtMinute(day, start).getTime());
          const e = instantAtMinute(day, end).getTime();
          if (e <= s) continue;
          if (remaining <= e - s) return new Date(s + remaining);
          remaining -= e - s;
        }
      }
      day = this.nextWorkingDay(day);
      cursor = instantAtMinute(day, 0).getTime();
    }
  }

  /**
   * The due time (hạn trả kết quả) of a dossier:
   * 1. receipt = {@link receivedAt}(`receivedAt`) — outside office hours moves to the next opening;
   * 2. due day = the `workingDays`-th working day after the day of receipt (0 = that day; with
   *    `sameDayCutoff`, a same-day receipt after the cutoff moves to the next working day);
   * 3. due = closing time of the due day;
   * 4. pauses: the working time inside the union of the paused intervals (clipped to start no
   *    earlier than the receipt) is added to the due time as working time — partial days count
   *    to the minute, so a 2-hour pause moves a 17:00 due time to 09:30 of the next working day
   *    with default office hours.
   */
  dueDate(input: DueDateInput): Date {
    checkCount(input.workingDays, 'workingDays');
    const receipt = this.receivedAt(input.receivedAt);
    let day = toLocalDate(receipt);
    if (input.workingDays === 0 && input.sameDayCutoff !== undefined) {
      if (msOfLocalDay(receipt) > parseClock(input.sameDayCutoff) * MS_PER_MINUTE)
        day = this.nextWorkingDay(day);
    }
    const base = instantAtMinute(this.addWorkingDays(day, input.workingDays), this.hours.closing);
    const paused = this.pausedWorkingTime(input.pauses ?? [], receipt);
    return paused > 0 ? this.addWorkingTime(base, paused) : base;
  }

  /**
   * Per-step due times for a dossier whose steps run in the given order and share its time limit.
   * The working time W from receipt to the overall due time (see {@link dueDate}, no pauses) is split by
   * the normalised shares; step i is due at receipt + floor(W × (share₁ + … + shareᵢ) / Σshares), floored
   * to the whole minute of working time (cumulative, so rounding never accumulates); the last step is
   * due exactly at the overall due time. Each step starts when the previous one is due.
   * @throws RangeError when `shares` is empty, a share is negative or not finite, or all are zero.
   */
  stepDueDates(receivedAt: Date, workingDays: number, shares: readonly StepShare[]): StepDueDate[] {
    if (shares.length === 0) throw new RangeError('At least one step share is required');
    for (const s of shares) {
      if (!Number.isFinite(s.share) || s.share < 0)
        throw new RangeError(`Bad share for step ${s.stepId}: ${s.share}`);
    }
    const totalShare = shares.reduce((sum, s) => sum + s.share, 0);
    if (totalShare <= 0) throw new RangeError('Step shares must not all be zero');
    const receipt = this.receivedAt(receivedAt);
    const due = this.dueDate({ receivedAt: receipt, workingDays });
    const window = this.workingTimeBetween(receipt, due);
    const result: StepDueDate[] = [];
    let cumulative = 0;
    let start = receipt;
    shares.forEach((s, i) => {
      cumulative += s.share;
      const dueAt =
        i === shares.length - 1
          ? due
          : this.addWorkingTime(
              receipt,
              Math.floor((window * cumulative) / totalShare / MS_PER_MINUTE) * MS_PER_MINUTE,
            );
      result.push({ stepId: s.stepId, startAt: start, dueAt });
      start = dueAt;
    });
    return result;
  }

  /** Working time inside the union of the pauses, each clipped to start no earlier than `notBefore`. */
  private pausedWorkingTime(pauses: readonly Pause[], notBefore: Date): number {
    const intervals: [number, number][] = [];
    for (const p of pauses) {
      checkInstant(p.from, 'pause.from');
      checkInstant(p.to, 'pause.to');
      if (p.to.getTime() < p.from.getTime()) throw new RangeError('A pause must not end before it starts');
      const from = Math.max(p.from.getTime(), notBefore.getTime());
      if (p.to.getTime() > from) intervals.push([from, p.to.getTime()]);
    }
    intervals.sort((x, y) => x[0] - y[0]);
    let total = 0;
    let current: [number, number] | undefined;
    for (const iv of intervals) {
      if (current && iv[0] <= current[1]) {
        current[1] = Math.max(current[1], iv[1]);
        continue;
      }
      if (current) total += this.workingTimeBetween(new Date(current[0]), new Date(current[1]));
      current = [iv[0], iv[1]];
    }
    if (current) total += this.workingTimeBetween(new Date(current[0]), new Date(current[1]));
    return total;
  }

  /** Entry `i` is the number of working days among the first `i` days of `year` (built once per year). */
  private cumulativeOf(year: number): Int32Array {
    let table = this.cumulative.get(year);
    if (!table) {
      const start = epochDay(localDate(year, 1, 1));
      const days = epochDay(localDate(year + 1, 1, 1)) - start;
      table = new Int32Array(days + 1);
      for (let i = 0; i < days; i++)
        table[i + 1] = table[i]! + (this.isWorkingDay(fromEpochDay(start + i)) ? 1 : 0);
      this.cumulative.set(year, table);
    }
    return table;
  }

  /** Names of the computed statutory days off on `date`, minus the kinds the year's schedule replaces. */
  private defaultsOf(date: LocalDate): string[] {
    const year = yearOf(date);
    let byDate = this.defaultsByYear.get(year);
    if (!byDate) {
      byDate = new Map<LocalDate, string[]>();
      const replaced = this.replaced.get(year);
      for (const h of statutoryHolidays(year)) {
        if (replaced?.has(h.kind)) continue;
        byDate.set(h.date, [...(byDate.get(h.date) ?? []), h.name]);
      }
      this.defaultsByYear.set(year, byDate);
    }
    return byDate.get(date) ?? [];
  }
}

function checkCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative integer, got ${n}`);
}

function checkInstant(d: Date, what: string): void {
  if (!(d instanceof Date) || !Number.isFinite(d.getTime()))
    throw new RangeError(`${what} must be a valid Date`);
}
