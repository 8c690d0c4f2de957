import { Body, Controller, Delete, Get, HttpCode, Param, Put, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CheckPolicies, CitizenPrincipal, CurrentPrincipal, JwtAuthGuard, PoliciesGuard, Principal } from '@dvc/platform/identity';
import { DraftService } from './draft.service';
import { SaveDossierDraftDto } from './save-dossier-draft.dto';

const citizen = (p: Principal) => p as CitizenPrincipal;

/** Drafts saved on the server: start on the phone, finish on the computer. */
@ApiTags('dossier-drafts')
@ApiBearerAuth()
@Controller('dossier-drafts')
@UseGuards(JwtAuthGuard, PoliciesGuard)
@CheckPolicies((_a, p) => p.kind === 'citizen')
export class DraftController {
  constructor(private readonly drafts: DraftService) {}

  @Get()
  @ApiOperation({ summary: 'Các bản nháp hồ sơ của tôi' })
  mine(@CurrentPrincipal() p: Principal) {
    return this.drafts.mine(citizen(p));
  }

  @Get(':procedureCode')
  @ApiOperation({ summary: 'Bản nháp hồ sơ của tôi cho một thủ tục' })
  get(@CurrentPrincipal() p: Principal, @Param('procedureCode') code: string) {
    return this.drafts.get(citizen(p), code);
  }

  @Put(':procedureCode')
  @ApiOperation({ summary: 'Lưu bản nháp (201 khi tạo mới; 409 khi rowVersion đã cũ)' })
  async save(@CurrentPrincipal() p: Principal, @Param('procedureCode') code: string, @Body() dto: SaveDossierDraftDto, @Res({ passthrough: true }) res: Response) {
    const { draft, created } = await this.drafts.save(citizen(p), code, dto);
    res.status(created ? 201 : 200);
    return draft;
  }

  @Delete(':procedureCode')
  @HttpCode(204)
  @ApiOperation({ summary: 'Xoá bản nháp' })
  async remove(@CurrentPrincipal() p: Principal, @Param('procedureCode') code: string): Promise<void> {
    await this.drafts.remove(citizen(p), code);
  }
}
