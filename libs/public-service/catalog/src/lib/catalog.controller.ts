import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AgencyService } from '@dvc/platform/identity';
import { CatalogService } from './catalog.service';
import { ProcedureSearchDto } from './dto/procedure.dto';

/** Public catalog: no login needed. */
@ApiTags('catalog')
@Controller('catalog')
export class CatalogController {
  constructor(
    private readonly catalog: CatalogService,
    private readonly agencies: AgencyService,
  ) {}

  @Get('fields')
  @ApiOperation({ summary: 'Danh sách lĩnh vực và số thủ tục đang áp dụng' })
  fields() {
    return this.catalog.fields();
  }

  @Get('agencies')
  @ApiOperation({ summary: 'Cây cơ quan, đơn vị (mã QCVN 102)' })
  agenciesList() {
    return this.agencies.list();
  }

  @Get('procedures')
  @ApiOperation({ summary: 'Tìm kiếm thủ tục hành chính (có dấu hoặc không dấu)' })
  search(@Query() q: ProcedureSearchDto) {
    return this.catalog.search(q);
  }

  @Get('procedures/:code')
  @ApiOperation({ summary: 'Chi tiết thủ tục hành chính đang áp dụng' })
  detail(@Param('code') code: string) {
    return this.catalog.detail(code);
  }
}
