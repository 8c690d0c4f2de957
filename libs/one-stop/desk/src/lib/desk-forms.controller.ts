import { Controller, Get, Param, Query, Res, StreamableFile, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  CheckPolicies,
  CurrentPrincipal,
  JwtAuthGuard,
  OfficialPrincipal,
  PoliciesGuard,
  Principal,
} from '@dvc/platform/identity';
import type { DeskFormDto } from '@dvc/shared/contracts';
import { DeskFormsService } from './desk-forms.service';
import { isDeskOfficial } from './desk-scope';

/** "Mau-02_000.31.00.H99-260609-0042.pdf" (ASCII) and "Mẫu 02 - Phiếu … - <code>.pdf" (UTF-8). */
export function formDisposition(form: string, title: string, code: string): string {
  const ascii = `Mau-${form.slice(4)}_${code}.pdf`.replace(/[^\w.-]/g, '_');
  const utf8 = `Mẫu ${form.slice(4)} - ${title} - ${code}.pdf`;
  return `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(utf8)}`;
}

/**
 * The one-stop forms of a dossier as PDFs (Mẫu 01–05), for officials who may see the dossier. A form
 * that does not apply (Mẫu 03 of a dossier never refused…) is a 409 problem saying why.
 */
@ApiTags('desk')
@ApiBearerAuth()
@Controller('desk')
@UseGuards(JwtAuthGuard, PoliciesGuard)
@CheckPolicies((_a, p) => isDeskOfficial(p))
export class DeskFormsController {
  constructor(private readonly forms: DeskFormsService) {}

  @Get('dossiers/:id/forms')
  @ApiOperation({ summary: 'Các biểu mẫu (Mẫu 01–05) áp dụng cho hồ sơ' })
  list(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<DeskFormDto[]> {
    return this.forms.list(p as OfficialPrincipal, id);
  }

  @Get('dossiers/:id/forms/:form')
  @ApiOperation({ summary: 'In biểu mẫu của hồ sơ (PDF): mau-01 … mau-05' })
  @ApiQuery({
    name: 'apologyId',
    required: false,
    description: 'Phiếu Mẫu 04 cụ thể (mặc định: phiếu đã phát hành gần nhất)',
  })
  @ApiProduces('application/pdf')
  async pdf(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Param('form') form: string,
    @Query('apologyId') apologyId: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.forms.render(p as OfficialPrincipal, id, form, { apologyId });
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(file.pdf, {
      type: 'application/pdf',
      length: file.pdf.length,
      disposition: formDisposition(file.form, file.title, file.dossierCode),
    });
  }
}
