import { Body, Controller, Get, Headers, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AppError } from '@dvc/shared/contracts';
import { CheckPolicies, CitizenPrincipal, CurrentPrincipal, JwtAuthGuard, PoliciesGuard, Principal } from '@dvc/platform/identity';
import { DossierService } from './dossier.service';
import { MyDossiersQueryDto, SubmitDossierDto } from './dto/submit-dossier.dto';

const citizen = (p: Principal) => p as CitizenPrincipal;

function idempotencyKey(raw: string | undefined): string {
  const key = raw?.trim();
  if (!key || key.length > 100) {
    const message = 'Thiếu tiêu đề Idempotency-Key (1–100 ký tự) để tránh nộp trùng hồ sơ';
    throw new AppError('VALIDATION_FAILED', message, [{ field: 'Idempotency-Key', message }]);
  }
  return key;
}

/** The citizen's own dossiers: submit online, list, detail with history. */
@ApiTags('dossiers')
@ApiBearerAuth()
@Controller('dossiers')
@UseGuards(JwtAuthGuard, PoliciesGuard)
@CheckPolicies((_a, p) => p.kind === 'citizen')
export class DossierController {
  constructor(private readonly dossiers: DossierService) {}

  @Post()
  @ApiOperation({ summary: 'Nộp hồ sơ trực tuyến (201; gửi lại cùng Idempotency-Key trả về hồ sơ đã nộp, 200)' })
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: '1–100 ký tự, mỗi lần nộp một khóa mới' })
  async submit(
    @CurrentPrincipal() p: Principal,
    @Headers('idempotency-key') key: string | undefined,
    @Body() dto: SubmitDossierDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { dossier, created } = await this.dossiers.submit(citizen(p), idempotencyKey(key), dto);
    res.status(created ? 201 : 200);
    if (created) res.location(`/api/v1/dossiers/${dossier.id}`);
    return dossier;
  }

  @Get()
  @ApiOperation({ summary: 'Hồ sơ của tôi (mới nhất trước)' })
  mine(@CurrentPrincipal() p: Principal, @Query() q: MyDossiersQueryDto) {
    return this.dossiers.mine(citizen(p), q.page, q.pageSize);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Chi tiết hồ sơ của tôi và quá trình xử lý' })
  detail(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.dossiers.mineById(citizen(p), id);
  }
}
