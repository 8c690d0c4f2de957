/**
 * The official per-year schedule (lịch nghỉ lễ, tết chính thức): what the government actually
 * decided — Tết and National Day days, bridge days, swapped working Saturdays (ngày làm bù), newly
 * declared holidays. It is data, editable by an administrator, and it wins over the computed
 * statutory defaults.
 *
 * Resolution of a day D (see `WorkingCalendar`), using only entries in force (`effectiveFrom` ≤ the
 * calendar's as-of date):
 *   D is a day off ⇔ (an entry says `day_off`)
 *                   ∨ (a statutory default says off ∧ no entry says `working_day`)
 *                   ∨ (D is Saturday/Sunday ∧ no entry says `working_day`).
 * A `day_off` entry therefore beats a `working_day` entry for the same date.
 *
 * `replacesDefaults` keeps computed defaults from adding days beyond the official schedule: for each
 * listed holiday kind, the computed default days of that kind in that year — and the compensatory
 * days they generate — are ignored, and only the table's entries count. Example: the 2024 default
 * Tết (9–13/2 + compensatory 14–15/2) is replaced by the official 8–14/2, so 15/2 stays a working day.
 */
import type { LocalDate } from './local-date';
import type { HolidayKind } from './statutory-holidays';

/** One day in an official schedule. */
export interface ScheduleEntry {
  /** The day concerned. Must lie in the schedule's year. */
  date: LocalDate;
  /**
   * `day_off`: the day is off (a Tết day fixed by the government, a bridge day, a newly declared
   * holiday). `working_day`: the day is worked although it would be off (a make-up Saturday, or
   * cancelling a computed default).
   */
  kind: 'day_off' | 'working_day';
  /** Vietnamese label shown to users, e.g. "Làm bù cho ngày nghỉ thứ Hai 29/4". */
  name: string;
  /**
   * The date the decision took effect. A calendar viewed as of an earlier date ignores the entry
   * (a dossier keeps the calendar in force when it was received unless it opts in to a recompute).
   * Omit for the baseline schedule.
   */
  effectiveFrom?: LocalDate;
  /** Where the decision comes from (document number, notice, URL). */
  source?: string;
}

/** The official schedule of one Gregorian year. */
export interface OfficialSchedule {
  year: number;
  /** Holiday kinds whose computed defaults are replaced by this table for the year. */
  replacesDefaults?: readonly HolidayKind[];
  entries: readonly ScheduleEntry[];
}
