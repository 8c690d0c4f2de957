import { Body, Controller, HttpStatus, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { InboundDossierDto } from './inbound-dossier.dto';
import { InboundDossierResult, InboundDossierService } from './inbound-dossier.service';
import { InboundTokenGuard } from './inbound-token.guard';

/** The national portal pushes dossiers submitted there: 201 when new, 200 with the same dossier on a repeat. */
@ApiTags('national-portal-inbound')
@ApiBearerAuth()
@Controller('integration/national-portal/dossiers')
@UseGuards(InboundTokenGuard)
export class InboundDossierController {
  constructor(private readonly inbound: InboundDossierService) {}

  @Post()
  @ApiOperation({ summary: 'Tiếp nhận hồ sơ nộp trên Cổng DVCQG (chống trùng theo mã hồ sơ quốc gia)' })
  async accept(@Body() dto: InboundDossierDto, @Res({ passthrough: true }) res: Response): Promise<InboundDossierResult> {
    const { dossier, created } = await this.inbound.accept(dto);
    res.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return dossier;
  }
}
