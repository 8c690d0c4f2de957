import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  atLocalTime,
  isLocalDate,
  type OfficeHours,
  type OfficialSchedule,
  OFFICIAL_SCHEDULES_2024_2026,
  type ScheduleEntry,
  toLocalDate,
  WorkingCalendar,
} from '@dvc/one-stop/calendar';
import { AppError, type CalendarDayDto, type CalendarYearDto } from '@dvc/shared/contracts';
import { CalendarDay } from './entities/calendar-day.entity';

/** A row of `agency_office_hours` with `HH:MM` times. */
export interface OfficeHoursRow {
  agency_id: string;
  morning_start: string;
  morning_end: string;
  afternoon_start: string;
  afternoon_end: string;
  saturday_start: string | null;
  saturday_end: string | null;
  updated_at: Date;
}

export const OFFICE_HOURS_COLUMNS = `h.agency_id, to_char(morning_start, 'HH24:MI') AS morning_start,
  to_char(morning_end, 'HH24:MI') AS morning_end, to_char(afternoon_start, 'HH24:MI') AS afternoon_start,
  to_char(afternoon_end, 'HH24:MI') AS afternoon_end, to_char(saturday_start, 'HH24:MI') AS saturday_start,
  to_char(saturday_end, 'HH24:MI') AS saturday_end, h.updated_at`;

/** The calendar lib's office hours of a row. */
export function officeHoursOf(r: OfficeHoursRow): OfficeHours {
  return {
    sessions: [
      { start: r.morning_start, end: r.morning_end },
      { start: r.afternoon_start, end: r.afternoon_end },
    ],
    saturday: r.saturday_start && r.saturday_end ? [{ start: r.saturday_start, end: r.saturday_end }] : [],
  };
}

/** Other replicas see an administrator's change after at most this long. */
const CACHE_MS = 30_000;

/**
 * The working calendar of the desk: the official schedules shipped with the calendar lib plus the
 * days administrators maintain in `calendar_day` (which win: a `day_off` entry beats everything).
 */
@Injectable()
export class CalendarService {
  private cached?: {
    at: number;
    calendar: WorkingCalendar;
    /** Calendars with an agency's own office hours, by agency id; built on first use. */
    byAgency: Map<string, WorkingCalendar>;
    hours: Map<string, OfficeHours>;
    /** Agency id by code, for the agencies with hours of their own. */
    codes: Map<string, string>;
  };

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The calendar with every entry known now and the default office hours; use `.asOf(receiptDay)` for a dossier. */
  async calendar(now = Date.now()): Promise<WorkingCalendar> {
    return (await this.load(now)).calendar;
  }

  /**
   * The calendar of a receiving agency: the same days, with the agency's own office hours
   * (`agency_office_hours`) or the default ones. Received times and due times of day come from it.
   */
  async forAgency(agencyId: string | null | undefined, now = Date.now()): Promise<WorkingCalendar> {
    const c = await this.load(now);
    const hours = agencyId ? c.hours.get(agencyId) : undefined;
    if (!agencyId || !hours) return c.calendar;
    let calendar = c.byAgency.get(agencyId);
    if (!calendar) c.byAgency.set(agencyId, (calendar = c.calendar.withOfficeHours(hours)));
    return calendar;
  }

  /** {@link forAgency} by the agency's code (QCVN 102), e.g. a submission's receiving agency. */
  async forAgencyCode(code: string, now = Date.now()): Promise<WorkingCalendar> {
    return this.forAgency((await this.load(now)).codes.get(code), now);
  }

  /**
   * The calendar a dossier received at `receivedAt` (by `agencyId`) keeps: entries that took effect
   * later are ignored; the receiving agency's office hours apply.
   */
  async forDossier(receivedAt: Date, agencyId?: string | null): Promise<WorkingCalendar> {
    return (await this.forAgency(agencyId)).asOf(toLocalDate(receivedAt));
  }

  /** Forgets what was read, e.g. after an administrator's change. */
  invalidate(): void {
    this.cached = undefined;
  }

  private async load(now: number) {
    if (this.cached && now - this.cached.at < CACHE_MS) return this.cached;
    // Plain SQL: the worker's data source does not map the desk's entities.
    const [rows, hours]: [
      Pick<CalendarDay, 'date' | 'kind' | 'name' | 'effectiveFrom' | 'source'>[],
      (OfficeHoursRow & { agency_code: string })[],
    ] = await Promise.all([
      this.db.query(
        `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name, to_char(effective_from, 'YYYY-MM-DD') AS "effectiveFrom", source
         FROM calendar_day ORDER BY date`,
      ),
      this.db.query(
        `SELECT ${OFFICE_HOURS_COLUMNS}, a.code AS agency_code FROM agency_office_hours h JOIN agency_unit a ON a.id = h.agency_id`,
      ),
    ]);
    const calendar = new WorkingCalendar([...OFFICIAL_SCHEDULES_2024_2026, ...toSchedules(rows)]);
    this.cached = {
      at: now,
      calendar,
      byAgency: new Map(),
      hours: new Map(hours.map((h) => [h.agency_id, officeHoursOf(h)])),
      codes: new Map(hours.map((h) => [h.agency_code, h.agency_id])),
    };
    return this.cached;
  }

  async year(year: number): Promise<CalendarYearDto> {
    checkYear(year);
    const rows = await this.db
      .getRepository(CalendarDay)
      .createQueryBuilder('c')
      .where('c.date BETWEEN :from AND :to', { from: `${year}-01-01`, to: `${year}-12-31` })
      .orderBy('c.date')
      .getMany();
    const calendar = await this.calendar();
    const builtIn = OFFICIAL_SCHEDULES_2024_2026.filter((s) => s.year === year).flatMap((s) =>
      s.entries.map(entryDto),
    );
    const resolved: CalendarYearDto['resolved'] = [];
    for (let t = atLocalTime(`${year}-01-01`, '12:00').getTime(); ; t += 86_400_000) {
      const date = toLocalDate(new Date(t));
      if (!date.startsWith(`${year}-`)) break;
      const info = calendar.dayInfo(date);
      const weekday = ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
      if (info.working !== weekday) resolved.push(info);
    }
    return { year, days: rows.map(rowDto), builtIn, resolved };
  }

  /** Replaces the administrator-maintained days of `year`. */
  async putYear(
    year: number,
    days: CalendarDayDto[],
    actorId: string,
    now = new Date(),
  ): Promise<CalendarYearDto> {
    checkYear(year);
    const today = toLocalDate(now);
    const seen = new Set<string>();
    const errors: { field: string; message: string }[] = [];
    days.forEach((d, i) => {
      if (!isLocalDate(d.date) || !d.date.startsWith(`${year}-`))
        errors.push({ field: `days[${i}].date`, message: `Ngày phải thuộc năm ${year} (YYYY-MM-DD)` });
      else if (seen.has(d.date))
        errors.push({ field: `days[${i}].date`, message: `Ngày ${d.date} bị trùng` });
      seen.add(d.date);
      if (d.effectiveFrom != null && !isLocalDate(d.effectiveFrom))
        errors.push({
          field: `days[${i}].effectiveFrom`,
          message: 'Ngày hiệu lực không hợp lệ (YYYY-MM-DD)',
        });
    });
    if (errors.length) throw new AppError('VALIDATION_FAILED', errors[0].message, errors);
    const rows = days.map((d) => ({
      date: d.date,
      kind: d.kind,
      name: d.name.trim(),
      effectiveFrom: d.effectiveFrom ?? today,
      source: d.source?.trim() || null,
      updatedBy: actorId,
    }));
    // The calendar lib refuses inconsistent schedules: check before writing.
    new WorkingCalendar([...OFFICIAL_SCHEDULES_2024_2026, ...toSchedules(rows)]);
    await this.db.transaction(async (tx) => {
      await tx
        .createQueryBuilder()
        .delete()
        .from(CalendarDay)
        .where('date BETWEEN :from AND :to', { from: `${year}-01-01`, to: `${year}-12-31` })
        .execute();
      if (rows.length) await tx.insert(CalendarDay, rows);
    });
    this.invalidate();
    return this.year(year);
  }
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new AppError('BAD_REQUEST', 'Năm không hợp lệ (2000–2100)');
}

function toSchedules(
  rows: Pick<CalendarDay, 'date' | 'kind' | 'name' | 'effectiveFrom' | 'source'>[],
): OfficialSchedule[] {
  const byYear = new Map<number, ScheduleEntry[]>();
  for (const r of rows) {
    const year = Number(r.date.slice(0, 4));
    const entry: ScheduleEntry = { date: r.date, kind: r.kind, name: r.name };
    if (r.effectiveFrom) entry.effectiveFrom = r.effectiveFrom;
    if (r.source) entry.source = r.source;
    byYear.set(year, [...(byYear.get(year) ?? []), entry]);
  }
  return [...byYear].map(([year, entries]) => ({ year, entries }));
}

function entryDto(e: ScheduleEntry): CalendarDayDto {
  return {
    date: e.date,
    kind: e.kind,
    name: e.name,
    effectiveFrom: e.effectiveFrom ?? null,
    source: e.source ?? null,
  };
}

function rowDto(r: CalendarDay): CalendarDayDto {
  return { date: r.date, kind: r.kind, name: r.name, effectiveFrom: r.effectiveFrom, source: r.source };
}
