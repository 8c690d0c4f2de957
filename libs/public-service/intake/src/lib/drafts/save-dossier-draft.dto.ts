import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsObject, IsOptional, IsString, Matches, Min, ValidateNested } from 'class-validator';
import type { SaveDossierDraftRequest } from '@dvc/shared/contracts';
import { DossierAttachmentRefDto } from '../attachments/dto/dossier-attachment-ref.dto';

export class SaveDossierDraftDto implements SaveDossierDraftRequest {
  @ApiPropertyOptional({ example: '000.31.00.H99' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}$/, { message: 'Mã cơ quan tiếp nhận không đúng định dạng QCVN 102 (vd. 000.31.00.H99)' })
  receivingAgencyCode?: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Tờ khai đang soạn (chưa kiểm tra theo biểu mẫu), tối đa 256 KB' })
  @IsObject({ message: 'Tờ khai điện tử phải là một đối tượng JSON' })
  formData!: Record<string, unknown>;

  @ApiPropertyOptional({ type: [DossierAttachmentRefDto] })
  @IsOptional()
  @IsArray({ message: 'Danh sách tệp đính kèm phải là một mảng' })
  @ArrayMaxSize(100, { message: 'Tối đa 100 tệp đính kèm' })
  @ValidateNested({ each: true })
  @Type(() => DossierAttachmentRefDto)
  attachments?: DossierAttachmentRefDto[];

  @ApiPropertyOptional({ description: 'rowVersion đã đọc; bỏ trống khi tạo bản nháp mới' })
  @IsOptional()
  @IsInt({ message: 'rowVersion phải là số nguyên' })
  @Min(1)
  rowVersion?: number;
}
