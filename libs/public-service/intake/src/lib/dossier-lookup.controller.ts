import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DossierService } from './dossier.service';
import { DossierLookupQueryDto } from './dto/submit-dossier.dto';
import { LookupRateLimitGuard } from './lookup-rate-limit.guard';

/** Public lookup (tra cứu hồ sơ): code plus phone or identity number; no login, no personal data. */
@ApiTags('dossiers')
@Controller('public/dossiers')
export class DossierLookupController {
  constructor(private readonly dossiers: DossierService) {}

  @Get('lookup')
  @ApiOperation({ summary: 'Tra cứu tình trạng hồ sơ bằng mã hồ sơ và số điện thoại hoặc số định danh' })
  // Rate limited per client IP and per code (429 + Retry-After); a wrong code and a wrong factor
  // get the same answer, so neither the limit nor the answer tells which one was wrong.
  @UseGuards(LookupRateLimitGuard)
  lookup(@Query() q: DossierLookupQueryDto) {
    return this.dossiers.lookup(q.code, q.factor);
  }
}
