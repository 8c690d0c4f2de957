import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type {
  CreateProcedureRequest,
  Fee,
  OnlineLevel,
  ProcedureLevel,
  ProcedureSearchQuery,
  ProcedureVersionContent,
  RequiredDocument,
  UpdateVersionRequest,
} from '@dvc/shared/contracts';

/** National TTHC code (1.001193) optionally followed by a local suffix (1.001193.000.00.00.H99). */
export const PROCEDURE_CODE = /^[0-9]\.[0-9]{6}(\.[0-9A-Z.]+)?$/;
const AGENCY_CODE = /^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}$/;

export class RequiredDocumentDto implements RequiredDocument {
  @ApiProperty() @IsString({ message: 'Mã thành phần phải là chuỗi' }) @Length(1, 32, { message: 'Mã thành phần hồ sơ phải có từ 1 đến 32 ký tự' })
  code!: string;
  @ApiProperty() @IsString() @Length(2, 500, { message: 'Tên thành phần hồ sơ phải có từ 2 đến 500 ký tự' })
  name!: string;
  @ApiProperty() @IsInt({ message: 'Số lượng bản phải là số nguyên' }) @Min(1, { message: 'Số lượng bản ít nhất là 1' }) @Max(20, { message: 'Số lượng bản tối đa là 20' })
  copies!: number;
  @ApiProperty({ enum: ['original', 'copy', 'certified_copy', 'original_or_copy'] })
  @IsIn(['original', 'copy', 'certified_copy', 'original_or_copy'], { message: 'Loại bản không hợp lệ' })
  form!: RequiredDocument['form'];
  @ApiProperty() @IsBoolean({ message: 'Trường bắt buộc phải là đúng/sai' })
  required!: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000, { message: 'Ghi chú tối đa 1000 ký tự' })
  note?: string;
}

export class FeeDto implements Fee {
  @ApiProperty() @IsString() @Length(1, 32, { message: 'Mã phí, lệ phí phải có từ 1 đến 32 ký tự' })
  code!: string;
  @ApiProperty() @IsString() @Length(2, 300, { message: 'Tên phí, lệ phí phải có từ 2 đến 300 ký tự' })
  name!: string;
  @ApiProperty() @IsInt({ message: 'Mức thu phải là số nguyên (đồng)' }) @Min(0, { message: 'Mức thu không được âm' })
  amount!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000, { message: 'Ghi chú tối đa 1000 ký tự' })
  note?: string;
}

export class ProcedureVersionContentDto implements ProcedureVersionContent {
  @ApiProperty() @IsString() @Length(5, 500, { message: 'Tên thủ tục phải có từ 5 đến 500 ký tự' })
  name!: string;
  @ApiProperty({ enum: ['toan_trinh', 'mot_phan'] })
  @IsIn(['toan_trinh', 'mot_phan'], { message: 'Mức độ dịch vụ công phải là toàn trình hoặc một phần' })
  onlineLevel!: OnlineLevel;
  @ApiProperty() @IsInt({ message: 'Thời hạn giải quyết phải là số ngày làm việc (số nguyên)' }) @Min(0, { message: 'Thời hạn giải quyết không được âm' }) @Max(365, { message: 'Thời hạn giải quyết tối đa 365 ngày làm việc' })
  timeLimitDays!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000, { message: 'Ghi chú thời hạn tối đa 1000 ký tự' })
  timeLimitNote?: string;
  @ApiProperty({ type: [FeeDto] }) @IsArray({ message: 'Phí, lệ phí phải là danh sách' }) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => FeeDto)
  fees!: FeeDto[];
  @ApiProperty({ type: [RequiredDocumentDto] }) @IsArray({ message: 'Thành phần hồ sơ phải là danh sách' }) @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => RequiredDocumentDto)
  documents!: RequiredDocumentDto[];
  @ApiProperty({ type: 'object', additionalProperties: true }) @IsObject({ message: 'Biểu mẫu điện tử phải là một JSON Schema (đối tượng)' })
  formSchema!: Record<string, unknown>;
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMinSize(1, { message: 'Cần ít nhất một cơ quan thực hiện' }) @Matches(AGENCY_CODE, { each: true, message: 'Mã cơ quan thực hiện không đúng định dạng QCVN 102 (vd. 000.00.13.H99)' })
  implementingAgencyCodes!: string[];
  @ApiProperty() @IsString() @Length(2, 500, { message: 'Kết quả thực hiện phải có từ 2 đến 500 ký tự' })
  resultName!: string;
  @ApiProperty() @IsString() @MaxLength(4000, { message: 'Căn cứ pháp lý tối đa 4000 ký tự' })
  legalBasis!: string;
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMinSize(1, { message: 'Chọn ít nhất một đối tượng thực hiện' }) @IsIn(['citizen', 'business'], { each: true, message: 'Đối tượng thực hiện không hợp lệ' })
  applicantTypes!: ('citizen' | 'business')[];
}

export class CreateProcedureDto implements CreateProcedureRequest {
  @ApiProperty({ example: '1.001193' }) @Matches(PROCEDURE_CODE, { message: 'Mã thủ tục không đúng định dạng (vd. 1.001193)' })
  code!: string;
  @ApiProperty() @IsString() @Length(1, 32, { message: 'Vui lòng chọn lĩnh vực' })
  fieldCode!: string;
  @ApiProperty({ enum: ['central', 'province', 'commune'] }) @IsIn(['central', 'province', 'commune'], { message: 'Cấp thực hiện không hợp lệ' })
  level!: ProcedureLevel;
  @ApiProperty() @IsUUID('all', { message: 'Vui lòng chọn cơ quan quản lý thủ tục' })
  ownerAgencyId!: string;
  @ApiProperty({ type: ProcedureVersionContentDto }) @ValidateNested() @Type(() => ProcedureVersionContentDto) @IsObject({ message: 'Thiếu nội dung thủ tục' })
  content!: ProcedureVersionContentDto;
}

export class UpdateVersionDto implements UpdateVersionRequest {
  @ApiProperty() @IsInt({ message: 'Thiếu phiên bản dữ liệu (rowVersion)' })
  rowVersion!: number;
  @ApiProperty({ type: ProcedureVersionContentDto }) @ValidateNested() @Type(() => ProcedureVersionContentDto) @IsObject({ message: 'Thiếu nội dung thủ tục' })
  content!: ProcedureVersionContentDto;
}

export class ProcedureSearchDto implements ProcedureSearchQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200, { message: 'Từ khóa tối đa 200 ký tự' })
  q?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(32)
  field?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(AGENCY_CODE, { message: 'Mã cơ quan không đúng định dạng' })
  agency?: string;
  @ApiPropertyOptional() @IsOptional() @IsIn(['central', 'province', 'commune'], { message: 'Cấp thực hiện không hợp lệ' })
  level?: ProcedureLevel;
  @ApiPropertyOptional() @IsOptional() @IsIn(['toan_trinh', 'mot_phan'], { message: 'Mức độ không hợp lệ' })
  onlineLevel?: OnlineLevel;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt({ message: 'Số trang phải là số nguyên' }) @Min(1, { message: 'Số trang bắt đầu từ 1' }) @Max(1000)
  page?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100, { message: 'Tối đa 100 kết quả mỗi trang' })
  pageSize?: number;
}
