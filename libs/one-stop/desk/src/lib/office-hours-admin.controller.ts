import { Body, Controller, Get, Param, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CheckPolicies,
  CurrentPrincipal,
  JwtAuthGuard,
  OfficialPrincipal,
  PoliciesGuard,
  Principal,
} from '@dvc/platform/identity';
import type { AgencyOfficeHoursDto } from '@dvc/shared/contracts';
import { PutAgencyOfficeHoursDto } from './dto/desk.dto';
import { OfficeHoursService } from './office-hours.service';

/**
 * An agency's office hours (giờ làm việc), which decide when a dossier counts as received and the
 * time of day it is due. Agency administrators manage their own agency (and the units below it);
 * system administrators every agency.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/agencies/:code/office-hours')
@UseGuards(JwtAuthGuard, PoliciesGuard)
@CheckPolicies(
  (_a, p) => p.kind === 'official' && p.roles.some((r) => r === 'agency_admin' || r === 'system_admin'),
)
export class OfficeHoursAdminController {
  constructor(private readonly hours: OfficeHoursService) {}

  @Get()
  @ApiOperation({ summary: 'Giờ làm việc của cơ quan (mặc định của hệ thống nếu cơ quan chưa đặt)' })
  get(@CurrentPrincipal() p: Principal, @Param('code') code: string): Promise<AgencyOfficeHoursDto> {
    return this.hours.get(p as OfficialPrincipal, code);
  }

  @Put()
  @ApiOperation({ summary: 'Đặt giờ làm việc buổi sáng, buổi chiều và tiếp nhận sáng thứ Bảy của cơ quan' })
  put(
    @CurrentPrincipal() p: Principal,
    @Param('code') code: string,
    @Body() dto: PutAgencyOfficeHoursDto,
  ): Promise<AgencyOfficeHoursDto> {
    return this.hours.put(p as OfficialPrincipal, code, dto);
  }
}
