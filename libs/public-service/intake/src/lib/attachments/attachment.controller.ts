import { Controller, Delete, Get, HttpCode, Param, Post, Req, Res, StreamableFile, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CheckPolicies, CitizenPrincipal, CurrentPrincipal, JwtAuthGuard, PoliciesGuard, Principal } from '@dvc/platform/identity';
import { AttachmentService } from './attachment.service';
import { contentDisposition } from './file-name';

const citizen = (p: Principal) => p as CitizenPrincipal;

/** The citizen's uploads: streamed in, type decided from the bytes, downloadable by their owner only. */
@ApiTags('attachments')
@ApiBearerAuth()
@Controller('attachments')
@UseGuards(JwtAuthGuard, PoliciesGuard)
@CheckPolicies((_a, p) => p.kind === 'citizen')
export class AttachmentController {
  constructor(private readonly attachments: AttachmentService) {}

  @Post()
  @ApiOperation({ summary: 'Tải lên một tệp đính kèm (PDF, JPEG, PNG, DOCX, XLSX); loại tệp xác định theo nội dung' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' }, documentCode: { type: 'string', example: 'TP02' } },
    },
  })
  async upload(@CurrentPrincipal() p: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    try {
      this.attachments.assertContentLength(req.headers);
    } catch (e) {
      // Not worth reading a body this large only to throw it away.
      res.setHeader('Connection', 'close');
      throw e;
    }
    const dto = await this.attachments.upload(citizen(p), req);
    res.status(201);
    return dto;
  }

  @Get(':id/content')
  @ApiOperation({ summary: 'Tải về tệp đính kèm của tôi' })
  @ApiProduces('application/octet-stream')
  async content(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { attachment, stream } = await this.attachments.content(citizen(p), id);
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('ETag', `"${attachment.sha256.trim()}"`);
    res.setHeader('Repr-Digest', `sha-256=:${Buffer.from(attachment.sha256.trim(), 'hex').toString('base64')}:`);
    return new StreamableFile(stream, {
      type: attachment.mediaType,
      length: attachment.sizeBytes,
      disposition: contentDisposition(attachment.fileName),
    });
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Xoá tệp đính kèm chưa dùng trong hồ sơ nào' })
  async remove(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<void> {
    await this.attachments.remove(citizen(p), id);
  }
}
