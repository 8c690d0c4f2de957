import { Body, Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CheckPolicies,
  CurrentPrincipal,
  JwtAuthGuard,
  PoliciesGuard,
  Principal,
} from '@dvc/platform/identity';
import { DOSSIER_STATUS_LABELS, type CitizenActionResultDto } from '@dvc/shared/contracts';
import { DeskActionsService } from './desk-actions.service';
import { loadDossierState } from './dossier-state';
import { SupplementSubmissionDto, WithdrawalRequestDto } from './dto/desk.dto';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** What the applicant does on their own dossier: ask to withdraw it, send the requested supplement. */
@ApiTags('dossiers')
@ApiBearerAuth()
@Controller('dossiers')
@UseGuards(JwtAuthGuard, PoliciesGuard)
@CheckPolicies((_a, p) => p.kind === 'citizen')
export class CitizenDossierActionsController {
  constructor(
    private readonly actions: DeskActionsService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Post(':id/withdrawal-request')
  @HttpCode(200)
  @ApiOperation({ summary: 'Yêu cầu rút hồ sơ (Bộ phận một cửa ghi nhận)' })
  async withdraw(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Body() dto: WithdrawalRequestDto,
  ): Promise<CitizenActionResultDto> {
    await this.actions.act({ kind: 'citizen', id: p.id }, id, {
      action: 'request_withdrawal',
      note: dto.reason,
    });
    return this.result(id);
  }

  @Post(':id/supplement')
  @HttpCode(200)
  @ApiOperation({ summary: 'Nộp bổ sung hồ sơ theo yêu cầu (đồng hồ thời hạn chạy tiếp)' })
  async supplement(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Body() dto: SupplementSubmissionDto,
  ): Promise<CitizenActionResultDto> {
    await this.actions.act({ kind: 'citizen', id: p.id }, id, {
      action: 'supplement_received',
      note: dto.note ?? null,
      attachmentIds: dto.attachmentIds,
    });
    return this.result(id);
  }

  private async result(id: string): Promise<CitizenActionResultDto> {
    const d = (await loadDossierState(this.db.manager, id))!;
    return {
      id: d.id,
      code: d.code,
      status: d.status,
      statusLabel: DOSSIER_STATUS_LABELS[d.status],
      dueAt: d.due_at.toISOString(),
    };
  }
}
