import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import type { DossierAttachmentRef } from '@dvc/shared/contracts';

/** One file for one component of the dossier: a fresh upload or a document from the citizen's store. */
export class DossierAttachmentRefDto implements DossierAttachmentRef {
  @ApiProperty({ example: 'TP02', description: 'Mã thành phần hồ sơ của phiên bản thủ tục' })
  @IsString({ message: 'Vui lòng chọn thành phần hồ sơ' })
  @Matches(/^[A-Za-z0-9._-]{1,32}$/, { message: 'Mã thành phần hồ sơ không hợp lệ' })
  documentCode!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Tệp đã tải lên (POST /attachments)' })
  @IsOptional()
  @IsUUID('all', { message: 'Mã tệp đính kèm không hợp lệ' })
  attachmentId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Giấy tờ trong kho giấy tờ của công dân (GET /documents)' })
  @IsOptional()
  @IsUUID('all', { message: 'Mã giấy tờ không hợp lệ' })
  documentId?: string;
}
