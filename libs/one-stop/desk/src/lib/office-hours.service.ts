import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { compileOfficeHours, DEFAULT_OFFICE_HOURS } from '@dvc/one-stop/calendar';
import type { OfficialPrincipal } from '@dvc/platform/identity';
import {
  AppError,
  type AgencyOfficeHoursDto,
  type OfficeSessionDto,
  type PutAgencyOfficeHoursRequest,
} from '@dvc/shared/contracts';
import { CalendarService, OFFICE_HOURS_COLUMNS, type OfficeHoursRow } from './calendar.service';

const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
/** Saturday reception is a morning one. */
const NOON = 12 * 60;

/**
 * Office hours of an agency (giờ làm việc): what decides when an online or inbound dossier counts as
 * received and the time of day a dossier is due. An agency administrator manages the units they
 * serve; a system administrator every agency.
 */
@Injectable()
export class OfficeHoursService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendars: CalendarService,
  ) {}

  async get(p: OfficialPrincipal, code: string): Promise<AgencyOfficeHoursDto> {
    const agency = await this.agency(p, code);
    const [row]: OfficeHoursRow[] = await this.db.query(
      `SELECT ${OFFICE_HOURS_COLUMNS} FROM agency_office_hours h WHERE h.agency_id = $1`,
      [agency.id],
    );
    return toDto(agency, row);
  }

  async put(
    p: OfficialPrincipal,
    code: string,
    body: PutAgencyOfficeHoursRequest,
  ): Promise<AgencyOfficeHoursDto> {
    const agency = await this.agency(p, code);
    const errors = officeHoursErrors(body);
    if (errors.length) throw new AppError('VALIDATION_FAILED', errors[0]!.message, errors);
    const saturday = body.saturdayMorning ?? null;
    await this.db.query(
      `INSERT INTO agency_office_hours (agency_id, morning_start, morning_end, afternoon_start, afternoon_end, saturday_start, saturday_end, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())
       ON CONFLICT (agency_id) DO UPDATE SET morning_start = $2, morning_end = $3, afternoon_start = $4,
         afternoon_end = $5, saturday_start = $6, saturday_end = $7, updated_by = $8, updated_at = now()`,
      [
        agency.id,
        body.morning.start,
        body.morning.end,
        body.afternoon.start,
        body.afternoon.end,
        saturday?.start ?? null,
        saturday?.end ?? null,
        p.id,
      ],
    );
    this.calendars.invalidate();
    return this.get(p, code);
  }

  /** The agency, if the administrator may manage it: 404 when unknown, 403 when not theirs. */
  private async agency(
    p: OfficialPrincipal,
    code: string,
  ): Promise<{ id: string; code: string; name: string }> {
    const [agency]: { id: string; code: string; name: string }[] = await this.db.query(
      `SELECT id, code, name FROM agency_unit WHERE code = $1`,
      [code],
    );
    if (!agency) throw new AppError('AGENCY_NOT_FOUND', `Mã cơ quan ${code}`);
    if (!p.roles.includes('system_admin') && !p.unitIds.includes(agency.id))
      throw new AppError(
        'FORBIDDEN',
        'Quản trị cơ quan chỉ xem và sửa giờ làm việc của cơ quan, đơn vị mình',
      );
    return agency;
  }
}

/**
 * Field errors of office hours in Vietnamese: `HH:mm` times (checked by the DTO too), each session
 * ending after it starts, the morning before the afternoon without overlap, Saturday reception in the
 * morning.
 */
export function officeHoursErrors(b: PutAgencyOfficeHoursRequest): { field: string; message: string }[] {
  const errors: { field: string; message: string }[] = [];
  const clock = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
  const sessions: [string, string, OfficeSessionDto | null | undefined][] = [
    ['morning', 'buổi sáng', b.morning],
    ['afternoon', 'buổi chiều', b.afternoon],
    ['saturdayMorning', 'sáng thứ Bảy', b.saturdayMorning],
  ];
  for (const [field, label, s] of sessions) {
    if (s == null) {
      if (field !== 'saturdayMorning') errors.push({ field, message: `Vui lòng nhập giờ làm việc ${label}` });
      continue;
    }
    const bad = (['start', 'end'] as const).filter((k) => typeof s[k] !== 'string' || !clock.test(s[k]));
    for (const k of bad)
      errors.push({ field: `${field}.${k}`, message: `Giờ ${label} theo định dạng HH:mm (vd. 07:30)` });
    if (!bad.length && minutes(s.start) >= minutes(s.end))
      errors.push({ field: `${field}.end`, message: `Giờ kết thúc ${label} phải sau giờ bắt đầu` });
  }
  if (errors.length) return errors;
  if (minutes(b.morning.end) > minutes(b.afternoon.start))
    errors.push({
      field: 'afternoon.start',
      message: 'Buổi chiều phải bắt đầu sau khi buổi sáng kết thúc (hai buổi không được chồng lấn)',
    });
  if (b.saturdayMorning && minutes(b.saturdayMorning.end) > NOON)
    errors.push({
      field: 'saturdayMorning.end',
      message: 'Tiếp nhận thứ Bảy chỉ trong buổi sáng (kết thúc trước 12:00)',
    });
  if (!errors.length) {
    // The calendar lib's own rules, as a last check.
    compileOfficeHours({
      sessions: [b.morning, b.afternoon],
      saturday: b.saturdayMorning ? [b.saturdayMorning] : [],
    });
  }
  return errors;
}

function toDto(agency: { code: string; name: string }, r: OfficeHoursRow | undefined): AgencyOfficeHoursDto {
  if (!r) {
    const [morning, afternoon] = DEFAULT_OFFICE_HOURS.sessions;
    return {
      agencyCode: agency.code,
      agencyName: agency.name,
      morning: { start: morning!.start, end: morning!.end },
      afternoon: { start: afternoon!.start, end: afternoon!.end },
      saturdayMorning: null,
      isDefault: true,
      updatedAt: null,
    };
  }
  return {
    agencyCode: agency.code,
    agencyName: agency.name,
    morning: { start: r.morning_start, end: r.morning_end },
    afternoon: { start: r.afternoon_start, end: r.afternoon_end },
    saturdayMorning:
      r.saturday_start && r.saturday_end ? { start: r.saturday_start, end: r.saturday_end } : null,
    isDefault: false,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}
