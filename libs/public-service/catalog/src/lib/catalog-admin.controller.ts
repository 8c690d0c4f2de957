import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CatalogExport } from '@dvc/shared/contracts';
import { AppError } from '@dvc/shared/contracts';
import { CheckPolicies, CurrentPrincipal, isOfficial, JwtAuthGuard, PoliciesGuard, Principal } from '@dvc/platform/identity';
import { CatalogAdminService } from './catalog-admin.service';
import { CreateProcedureDto, UpdateVersionDto } from './dto/procedure.dto';

function official(p: Principal) {
  if (!isOfficial(p)) throw new AppError('FORBIDDEN');
  return p;
}

/** Desk: agency admins maintain procedures of the units they serve. */
@ApiTags('catalog-admin')
@ApiBearerAuth()
@Controller('admin')
@UseGuards(JwtAuthGuard, PoliciesGuard)
export class CatalogAdminController {
  constructor(private readonly admin: CatalogAdminService) {}

  @Get('procedures')
  @CheckPolicies((a) => a.can('update', 'Procedure'))
  list(@CurrentPrincipal() p: Principal, @Query('q') q?: string) {
    return this.admin.list(official(p), q);
  }

  @Get('procedures/:id')
  @CheckPolicies((a) => a.can('update', 'Procedure'))
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.admin.get(official(p), id);
  }

  @Post('procedures')
  @CheckPolicies((a) => a.can('create', 'Procedure'))
  @ApiOperation({ summary: 'Tạo thủ tục mới (bản nháp phiên bản 1)' })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateProcedureDto) {
    return this.admin.create(official(p), dto);
  }

  @Post('procedures/:id/versions')
  @CheckPolicies((a) => a.can('update', 'Procedure'))
  @ApiOperation({ summary: 'Tạo phiên bản nháp mới từ phiên bản gần nhất' })
  newVersion(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.admin.newVersion(official(p), id);
  }

  @Put('procedure-versions/:versionId')
  @CheckPolicies((a) => a.can('update', 'Procedure'))
  @ApiOperation({ summary: 'Sửa bản nháp (gửi kèm rowVersion)' })
  update(@CurrentPrincipal() p: Principal, @Param('versionId') id: string, @Body() dto: UpdateVersionDto) {
    return this.admin.updateDraft(official(p), id, dto);
  }

  @Post('procedure-versions/:versionId/publish')
  @HttpCode(200)
  @CheckPolicies((a) => a.can('publish', 'Procedure'))
  @ApiOperation({ summary: 'Công bố phiên bản; phiên bản đang áp dụng trước đó ngừng áp dụng' })
  publish(@CurrentPrincipal() p: Principal, @Param('versionId') id: string) {
    return this.admin.publish(official(p), id);
  }

  @Post('procedure-versions/:versionId/retire')
  @HttpCode(200)
  @CheckPolicies((a) => a.can('retire', 'Procedure'))
  @ApiOperation({ summary: 'Ngừng áp dụng phiên bản đang áp dụng' })
  retire(@CurrentPrincipal() p: Principal, @Param('versionId') id: string) {
    return this.admin.retire(official(p), id);
  }

  @Get('catalog/export')
  @CheckPolicies((a) => a.can('export', 'Procedure'))
  @ApiOperation({ summary: 'Xuất danh mục thủ tục (JSON)' })
  export(@CurrentPrincipal() p: Principal) {
    return this.admin.export(official(p));
  }

  @Post('catalog/import')
  @HttpCode(200)
  @CheckPolicies((a) => a.can('import', 'Procedure'))
  @ApiOperation({ summary: 'Nhập danh mục thủ tục (JSON); nội dung khác sẽ tạo bản nháp mới' })
  import(@CurrentPrincipal() p: Principal, @Body() body: CatalogExport) {
    return this.admin.import(official(p), body);
  }
}
