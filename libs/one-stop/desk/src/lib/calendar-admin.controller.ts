import { Body, Controller, Get, Param, ParseIntPipe, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CheckPolicies,
  CurrentPrincipal,
  JwtAuthGuard,
  PoliciesGuard,
  Principal,
} from '@dvc/platform/identity';
import type { CalendarYearDto } from '@dvc/shared/contracts';
import { CalendarService } from './calendar.service';
import { PutCalendarYearDto } from './dto/desk.dto';

/**
 * The official schedule (lịch nghỉ lễ, làm bù) maintained by administrators, e.g. a newly declared
 * holiday with its effective date. Officials read it; administrators replace a year's days.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/calendar')
@UseGuards(JwtAuthGuard, PoliciesGuard)
@CheckPolicies((_a, p) => p.kind === 'official')
export class CalendarAdminController {
  constructor(private readonly calendars: CalendarService) {}

  @Get(':year')
  @ApiOperation({ summary: 'Lịch làm việc của một năm: ngày do quản trị nhập, lịch chính thức, kết quả' })
  get(@Param('year', ParseIntPipe) year: number): Promise<CalendarYearDto> {
    return this.calendars.year(year);
  }

  @Put(':year')
  @CheckPolicies(
    (_a, p) => p.kind === 'official' && p.roles.some((r) => r === 'agency_admin' || r === 'system_admin'),
  )
  @ApiOperation({ summary: 'Thay các ngày nghỉ/làm bù do quản trị nhập của một năm' })
  put(
    @CurrentPrincipal() p: Principal,
    @Param('year', ParseIntPipe) year: number,
    @Body() dto: PutCalendarYearDto,
  ): Promise<CalendarYearDto> {
    return this.calendars.putYear(year, dto.days, p.id);
  }
}
