import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DossierService } from './dossier.service';
import { DossierLookupQueryDto } from './dto/submit-dossier.dto';

/** Public lookup (tra cứu hồ sơ): code plus phone or identity number; no login, no personal data. */
@ApiTags('dossiers')
@Controller('public/dossiers')
export class DossierLookupController {
  constructor(private readonly dossiers: DossierService) {}

  @Get('lookup')
  @ApiOperation({ summary: 'Tra cứu tình trạng hồ sơ bằng mã hồ sơ và số điện thoại hoặc số định danh' })
  lookup(@Query() q: DossierLookupQueryDto) {
    // TODO(#3): rate-limit per client (no throttler in the API yet); the answer already does not
    // tell a wrong code from a wrong factor.
    return this.dossiers.lookup(q.code, q.factor);
  }
}
