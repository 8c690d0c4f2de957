/**
 * `@dvc/one-stop/calendar` — the pure working-day calendar of the one-stop desk.
 *
 * - Vietnamese lunar calendar (UTC+7): {@link solarToLunar}, {@link lunarToSolar}.
 * - Statutory holidays of Bộ luật Lao động 2019 art. 112 with art. 111(3) compensation:
 *   {@link statutoryHolidays}.
 * - Official per-year schedules that override the computed defaults: {@link OfficialSchedule},
 *   {@link OFFICIAL_SCHEDULES_2024_2026}.
 * - {@link WorkingCalendar}: working days, receipt time, due dates with pauses, per-step due dates.
 *
 * No I/O and no clock: instants are passed in as `Date`; calendar days are `YYYY-MM-DD` strings in
 * Vietnam time.
 */
export { type LocalDate, atLocalTime, isLocalDate, toLocalDate } from './lib/local-date';
export { type LunarDate, lunarToSolar, solarToLunar } from './lib/lunar';
export { type HolidayKind, type StatutoryHoliday, statutoryHolidays } from './lib/statutory-holidays';
export type { OfficialSchedule, ScheduleEntry } from './lib/official-schedule';
export {
  OFFICIAL_SCHEDULE_2024,
  OFFICIAL_SCHEDULE_2025,
  OFFICIAL_SCHEDULE_2026,
  OFFICIAL_SCHEDULES_2024_2026,
} from './lib/official-schedules-2024-2026';
export {
  DEFAULT_OFFICE_HOURS,
  compileOfficeHours,
  type OfficeHours,
  type OfficeSession,
} from './lib/office-hours';
export {
  type DayInfo,
  type DueDateInput,
  type Pause,
  type StepDueDate,
  type StepShare,
  WorkingCalendar,
  type WorkingCalendarOptions,
} from './lib/working-calendar';
