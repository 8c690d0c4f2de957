import { Controller, Get, Param, Res, StreamableFile, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CheckPolicies, CitizenPrincipal, CurrentPrincipal, JwtAuthGuard, PoliciesGuard, Principal } from '@dvc/platform/identity';
import { ReceiptService } from './receipt.service';

/** Mẫu 01 for the citizen who submitted the dossier. */
@ApiTags('dossiers')
@ApiBearerAuth()
@Controller('dossiers')
@UseGuards(JwtAuthGuard, PoliciesGuard)
@CheckPolicies((_a, p) => p.kind === 'citizen')
export class ReceiptController {
  constructor(private readonly receipts: ReceiptService) {}

  @Get(':id/receipt.pdf')
  @ApiOperation({ summary: 'Tải Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01, PDF)' })
  @ApiProduces('application/pdf')
  async receipt(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { code, pdf } = await this.receipts.forCitizen(p as CitizenPrincipal, id);
    // Personal data: not kept by shared caches.
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: `attachment; filename="giay-tiep-nhan-${code}.pdf"`, length: pdf.length });
  }
}
