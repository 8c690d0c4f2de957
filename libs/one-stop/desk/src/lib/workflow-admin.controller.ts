import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CheckPolicies,
  CurrentPrincipal,
  JwtAuthGuard,
  OfficialPrincipal,
  PoliciesGuard,
  Principal,
} from '@dvc/platform/identity';
import type {
  ProcedureWorkflowDto,
  WorkflowSummaryDto,
  WorkflowValidationDto,
  WorkflowVersionDto,
} from '@dvc/shared/contracts';
import { AssignProcedureWorkflowDto } from './dto/workflow-admin.dto';
import { WorkflowAdminService } from './workflow-admin.service';

/**
 * Workflow definitions (quy trình xử lý) as versioned JSON data: agency and system administrators
 * check a definition with a preview of its graph, store it as a new version and assign a version to
 * a procedure of their units from an instant on.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin')
@UseGuards(JwtAuthGuard, PoliciesGuard)
@CheckPolicies(
  (_a, p) => p.kind === 'official' && p.roles.some((r) => r === 'agency_admin' || r === 'system_admin'),
)
export class WorkflowAdminController {
  constructor(private readonly workflows: WorkflowAdminService) {}

  @Get('workflows')
  @ApiOperation({ summary: 'Các quy trình, phiên bản, thủ tục áp dụng từng phiên bản và số hồ sơ' })
  list(@CurrentPrincipal() p: Principal): Promise<WorkflowSummaryDto[]> {
    return this.workflows.list(p as OfficialPrincipal);
  }

  @Get('workflows/:code/versions/:version')
  @ApiOperation({ summary: 'Nội dung (JSON) và sơ đồ của một phiên bản quy trình' })
  version(
    @Param('code') code: string,
    @Param('version', ParseIntPipe) version: number,
  ): Promise<WorkflowVersionDto> {
    return this.workflows.version(code, version);
  }

  @Post('workflows/validate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Kiểm tra một quy trình (không lưu): lỗi bằng tiếng Việt và sơ đồ xem trước' })
  validate(@Body() definition: unknown): WorkflowValidationDto {
    return this.workflows.validate(definition);
  }

  @Post('workflows')
  @ApiOperation({ summary: 'Lưu quy trình thành phiên bản mới (phiên bản cũ không bao giờ thay đổi)' })
  create(@Body() definition: unknown): Promise<WorkflowVersionDto> {
    return this.workflows.create(definition);
  }

  @Put('procedures/:procedureCode/workflow')
  @ApiOperation({ summary: 'Áp dụng một phiên bản quy trình cho hồ sơ mới của thủ tục từ một thời điểm' })
  assign(
    @CurrentPrincipal() p: Principal,
    @Param('procedureCode') procedureCode: string,
    @Body() dto: AssignProcedureWorkflowDto,
  ): Promise<ProcedureWorkflowDto> {
    return this.workflows.assign(p as OfficialPrincipal, procedureCode, dto);
  }
}
