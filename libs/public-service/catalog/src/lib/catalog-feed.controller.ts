import { Controller, Get, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AppError } from '@dvc/shared/contracts';
import { CheckPolicies, CurrentPrincipal, isOfficial, JwtAuthGuard, PoliciesGuard, Principal } from '@dvc/platform/identity';
import { CatalogFeedService } from './catalog-feed.service';

/** Desk: refresh of the catalog from the national portal (Cổng DVC quốc gia) and its recent runs. */
@ApiTags('catalog-admin')
@ApiBearerAuth()
@Controller('admin/catalog')
@UseGuards(JwtAuthGuard, PoliciesGuard)
export class CatalogFeedController {
  constructor(private readonly feed: CatalogFeedService) {}

  @Post('refresh')
  @HttpCode(200)
  @CheckPolicies((a) => a.can('import', 'Procedure'))
  @ApiOperation({ summary: 'Cập nhật danh mục từ Cổng DVC quốc gia: thủ tục mới và nội dung thay đổi thành bản nháp để xem xét, công bố' })
  async refresh(@CurrentPrincipal() p: Principal) {
    if (!isOfficial(p)) throw new AppError('FORBIDDEN');
    await this.feed.assertMayRefresh(p);
    return this.feed.refresh('manual', p);
  }

  @Get('refresh')
  @CheckPolicies((a) => a.can('import', 'Procedure'))
  @ApiOperation({ summary: 'Các lượt cập nhật danh mục từ Cổng DVC quốc gia gần đây' })
  runs(@Query('limit') limit?: string) {
    return this.feed.runs(Number(limit) || 10);
  }
}
