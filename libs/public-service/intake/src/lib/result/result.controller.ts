import { Controller, Get, HttpCode, Param, Post, Req, Res, StreamableFile, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  CheckPolicies,
  CurrentPrincipal,
  JwtAuthGuard,
  OfficialPrincipal,
  PoliciesGuard,
  Principal,
} from '@dvc/platform/identity';
import { isDeskOfficial } from '@dvc/one-stop/desk';
import type { DeskDossierDetailDto, DossierResultDto } from '@dvc/shared/contracts';
import type { Readable } from 'node:stream';
import { contentDisposition } from '../attachments/file-name';
import { ResultService } from './result.service';

function pdf(res: Response, r: { row: DossierResultDto; stream: Readable }): StreamableFile {
  res.setHeader('Cache-Control', 'private, no-store');
  res.setHeader('ETag', `"${r.row.sha256}"`);
  res.setHeader('Repr-Digest', `sha-256=:${Buffer.from(r.row.sha256, 'hex').toString('base64')}:`);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  return new StreamableFile(r.stream, { type: 'application/pdf', length: r.row.sizeBytes, disposition: contentDisposition(r.row.fileName) });
}

/** The leader approves with the e-result, which is signed then; the desk downloads it. */
@ApiTags('desk')
@ApiBearerAuth()
@Controller('desk/dossiers')
@UseGuards(JwtAuthGuard, PoliciesGuard)
@CheckPolicies((_a, p) => isDeskOfficial(p))
export class DeskResultController {
  constructor(private readonly results: ResultService) {}

  @Post(':id/approval')
  @HttpCode(200)
  @CheckPolicies((_a, p) => p.kind === 'official' && p.roles.includes('leader'))
  @ApiOperation({ summary: 'Lãnh đạo phê duyệt và ký số kết quả giải quyết (PDF, PAdES) trong cùng một giao dịch' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'expectedVersion'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'Kết quả giải quyết (PDF)' },
        expectedVersion: { type: 'integer' },
        note: { type: 'string' },
      },
    },
  })
  approve(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Req() req: Request): Promise<DeskDossierDetailDto> {
    return this.results.approveWithResult(p as OfficialPrincipal, id, req);
  }

  @Get(':id/result')
  @ApiOperation({ summary: 'Tải kết quả giải quyết đã ký số' })
  @ApiProduces('application/pdf')
  async download(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return pdf(res, await this.results.forDesk(p as OfficialPrincipal, id));
  }
}

/** Level 4: the applicant downloads the signed e-result of their returned dossier. */
@ApiTags('dossiers')
@ApiBearerAuth()
@Controller('dossiers')
@UseGuards(JwtAuthGuard, PoliciesGuard)
@CheckPolicies((_a, p) => p.kind === 'citizen')
export class CitizenResultController {
  constructor(private readonly results: ResultService) {}

  @Get(':id/result')
  @ApiOperation({ summary: 'Tải kết quả giải quyết điện tử (PDF đã ký số) của hồ sơ đã trả kết quả' })
  @ApiProduces('application/pdf')
  async download(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return pdf(res, await this.results.forCitizen(p.id, id));
  }
}
