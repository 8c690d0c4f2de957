import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  CheckPolicies,
  CurrentPrincipal,
  JwtAuthGuard,
  OfficialPrincipal,
  PoliciesGuard,
  Principal,
} from '@dvc/platform/identity';
import { OBJECT_STORAGE, ObjectStorage } from '@dvc/platform/storage';
import {
  AppError,
  type ApologyLetterDto,
  type ControlSheetDto,
  type DeskAssigneeDto,
  type DeskCountsDto,
  type DeskDossierDetailDto,
  type DeskInboxPage,
  type OverdueBoardDto,
} from '@dvc/shared/contracts';
import { DeskActionsService } from './desk-actions.service';
import { DeskApologyService } from './desk-apology.service';
import { DeskIntakeService } from './desk-intake.service';
import { DeskQueryService } from './desk-query.service';
import { deskUnits, isDeskOfficial } from './desk-scope';
import {
  DeskActionDto,
  DeskInboxQueryDto,
  InPersonIntakeDto,
  IssueApologyDto,
  OverdueBoardQueryDto,
} from './dto/desk.dto';

const official = (p: Principal) => p as OfficialPrincipal;

/** The optional Idempotency-Key of an in-person intake: 1–100 characters, as in online submission. */
function idempotencyKey(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const key = raw.trim();
  if (!key || key.length > 100) {
    const message = 'Tiêu đề Idempotency-Key phải dài 1–100 ký tự để tránh tiếp nhận trùng hồ sơ';
    throw new AppError('VALIDATION_FAILED', message, [{ field: 'Idempotency-Key', message }]);
  }
  return key;
}

/**
 * The one-stop desk (một cửa điện tử) for officials who handle dossiers: inbox, dossier view,
 * actions, in-person intake, Mẫu 04/05 data and the overdue board. Every query is scoped to the units
 * the official serves; another unit's dossier is 404.
 */
@ApiTags('desk')
@ApiBearerAuth()
@Controller('desk')
@UseGuards(JwtAuthGuard, PoliciesGuard)
@CheckPolicies((_a, p) => isDeskOfficial(p))
export class DeskController {
  constructor(
    private readonly queries: DeskQueryService,
    private readonly actions: DeskActionsService,
    private readonly intake: DeskIntakeService,
    private readonly apologies: DeskApologyService,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
  ) {}

  @Get('dossiers')
  @ApiOperation({ summary: 'Hộp hồ sơ của các đơn vị cán bộ phục vụ (phân trang theo hạn xử lý)' })
  inbox(@CurrentPrincipal() p: Principal, @Query() q: DeskInboxQueryDto): Promise<DeskInboxPage> {
    return this.queries.inbox(official(p), q);
  }

  @Get('dossiers/counts')
  @ApiOperation({ summary: 'Số hồ sơ theo trạng thái, đến hạn, quá hạn' })
  counts(@CurrentPrincipal() p: Principal): Promise<DeskCountsDto> {
    return this.queries.counts(official(p));
  }

  @Post('dossiers')
  @CheckPolicies((_a, p) => p.kind === 'official' && p.roles.includes('intake_officer'))
  @ApiOperation({
    summary:
      'Tiếp nhận hồ sơ trực tiếp tại Bộ phận một cửa (hoặc qua bưu chính); gửi lại cùng Idempotency-Key trả về hồ sơ đã tạo (200)',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '1–100 ký tự, mỗi hồ sơ một khóa' })
  async create(
    @CurrentPrincipal() p: Principal,
    @Headers('idempotency-key') key: string | undefined,
    @Body() dto: InPersonIntakeDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DeskDossierDetailDto> {
    const { id, created } = await this.intake.create(official(p), dto, idempotencyKey(key));
    res.status(created ? 201 : 200);
    if (created) res.location(`/api/v1/desk/dossiers/${id}`);
    return this.queries.detail(official(p), id);
  }

  @Get('dossiers/:id')
  @ApiOperation({ summary: 'Chi tiết hồ sơ: tờ khai, lịch sử, hạn từng bước, thao tác được phép' })
  detail(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<DeskDossierDetailDto> {
    return this.queries.detail(official(p), id);
  }

  @Post('dossiers/:id/actions')
  @HttpCode(200)
  @ApiOperation({ summary: 'Thực hiện một thao tác của quy trình (409 nếu hồ sơ đã thay đổi)' })
  async act(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Body() dto: DeskActionDto,
  ): Promise<DeskDossierDetailDto> {
    const o = official(p);
    await this.actions.act({ kind: 'official', id: o.id, roles: o.roles, unitIds: deskUnits(o) }, id, dto);
    return this.queries.detail(o, id);
  }

  @Get('dossiers/:id/documents/:documentId/content')
  @ApiOperation({ summary: 'Xem, tải giấy tờ của hồ sơ (PDF, ảnh hiển thị trực tiếp)' })
  @ApiProduces('application/octet-stream')
  async document(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Param('documentId') documentId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const d = await this.queries.document(official(p), id, documentId);
    const stream = await this.storage.get(d.storageKey);
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('ETag', `"${d.sha256}"`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // Inline, for the desk's preview of PDFs and images; the name is RFC 5987-encoded (Vietnamese).
    return new StreamableFile(stream, {
      type: d.mediaType,
      length: d.size,
      disposition: `inline; filename="${d.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(d.fileName)}`,
    });
  }

  @Get('dossiers/:id/assignees')
  @ApiOperation({ summary: 'Cán bộ của đơn vị đang giữ hồ sơ (để phân công)' })
  assignees(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<DeskAssigneeDto[]> {
    return this.queries.assignees(official(p), id);
  }

  @Get('dossiers/:id/control-sheet')
  @ApiOperation({ summary: 'Dữ liệu Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 05)' })
  controlSheet(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<ControlSheetDto> {
    return this.queries.controlSheet(official(p), id);
  }

  @Get('dossiers/:id/apologies')
  @ApiOperation({ summary: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04) của hồ sơ' })
  listApologies(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<ApologyLetterDto[]> {
    return this.queries.apologies(official(p), id);
  }

  @Post('dossiers/:id/apologies/:apologyId/issue')
  @HttpCode(200)
  @ApiOperation({ summary: 'Phát hành Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)' })
  issueApology(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Param('apologyId') apologyId: string,
    @Body() dto: IssueApologyDto,
  ): Promise<ApologyLetterDto> {
    return this.apologies.issue(official(p), id, apologyId, dto);
  }

  @Get('overdue')
  @ApiOperation({
    summary:
      'Bảng hồ sơ quá hạn (hoặc sắp đến hạn): lọc theo thủ tục, đơn vị, số ngày trễ; phân trang theo hạn',
  })
  overdue(@CurrentPrincipal() p: Principal, @Query() q: OverdueBoardQueryDto): Promise<OverdueBoardDto> {
    return this.queries.overdue(official(p), q);
  }
}
