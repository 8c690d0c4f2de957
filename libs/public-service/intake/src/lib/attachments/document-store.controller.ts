import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CheckPolicies, CitizenPrincipal, CurrentPrincipal, JwtAuthGuard, PoliciesGuard, Principal } from '@dvc/platform/identity';
import { MyDossiersQueryDto } from '../dto/submit-dossier.dto';
import { DossierDocumentsService } from './dossier-documents.service';

/** NĐ 45/2020/NĐ-CP: the citizen's e-document store; what was given once is not asked again. */
@ApiTags('documents')
@ApiBearerAuth()
@Controller('documents')
@UseGuards(JwtAuthGuard, PoliciesGuard)
@CheckPolicies((_a, p) => p.kind === 'citizen')
export class DocumentStoreController {
  constructor(private readonly documents: DossierDocumentsService) {}

  @Get()
  @ApiOperation({ summary: 'Kho giấy tờ của tôi: các tệp đã nộp trong hồ sơ trước, dùng lại bằng documentId' })
  list(@CurrentPrincipal() p: Principal, @Query() q: MyDossiersQueryDto) {
    return this.documents.store(p as CitizenPrincipal, q.page, q.pageSize);
  }
}
