import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsObject, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { ArrayMaxSize, IsArray, ValidateNested } from 'class-validator';
import type { SubmitDossierRequest } from '@dvc/shared/contracts';
import { DossierAttachmentRefDto } from '../attachments/dto/dossier-attachment-ref.dto';

const PROCEDURE_CODE = /^[0-9]\.[0-9]{6}(\.[0-9A-Z.]+)?$/;
const AGENCY_CODE = /^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}$/;

export class SubmitDossierDto implements SubmitDossierRequest {
  @ApiProperty({ example: '1.001193' })
  @IsString({ message: 'Vui lòng chọn thủ tục' })
  @Matches(PROCEDURE_CODE, { message: 'Mã thủ tục không đúng định dạng (vd. 1.001193)' })
  procedureCode!: string;

  @ApiProperty({ example: '000.31.00.H99' })
  @IsString({ message: 'Vui lòng chọn cơ quan tiếp nhận' })
  @Matches(AGENCY_CODE, { message: 'Mã cơ quan tiếp nhận không đúng định dạng QCVN 102 (vd. 000.31.00.H99)' })
  receivingAgencyCode!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Tờ khai điện tử theo JSON Schema của phiên bản thủ tục' })
  @IsObject({ message: 'Tờ khai điện tử phải là một đối tượng JSON' })
  formData!: Record<string, unknown>;

  @ApiPropertyOptional({ type: [DossierAttachmentRefDto], description: 'Tệp cho từng thành phần hồ sơ: tải lên (attachmentId) hoặc dùng lại từ kho (documentId)' })
  @IsOptional()
  @IsArray({ message: 'Danh sách tệp đính kèm phải là một mảng' })
  @ArrayMaxSize(100, { message: 'Tối đa 100 tệp đính kèm' })
  @ValidateNested({ each: true })
  @Type(() => DossierAttachmentRefDto)
  attachments?: DossierAttachmentRefDto[];
}

export class MyDossiersQueryDto {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt({ message: 'Số trang phải là số nguyên' }) @Min(1, { message: 'Số trang bắt đầu từ 1' }) @Max(1000)
  page?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100, { message: 'Tối đa 100 hồ sơ mỗi trang' })
  pageSize?: number;
}

export class DossierLookupQueryDto {
  @ApiProperty({ example: '000.31.00.H99-260609-0001' })
  @IsString({ message: 'Vui lòng nhập mã hồ sơ' })
  @Length(1, 64, { message: 'Vui lòng nhập mã hồ sơ' })
  code!: string;

  @ApiProperty({ description: 'Số điện thoại hoặc số định danh cá nhân của người nộp' })
  @IsString({ message: 'Vui lòng nhập số điện thoại hoặc số định danh cá nhân' })
  @Length(1, 32, { message: 'Vui lòng nhập số điện thoại hoặc số định danh cá nhân' })
  factor!: string;
}
