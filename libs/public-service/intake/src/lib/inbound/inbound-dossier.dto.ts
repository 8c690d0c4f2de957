import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsObject, IsOptional, IsString, Length, Matches } from 'class-validator';

const PROCEDURE_CODE = /^[0-9]\.[0-9]{6}(\.[0-9A-Z.]+)?$/;
const AGENCY_CODE = /^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}$/;

/** A dossier submitted on the national portal (Cổng DVCQG) and pushed to us. */
export class InboundDossierDto {
  @ApiProperty({ description: 'MaHoSo: mã hồ sơ trên Cổng DVCQG (khóa chống trùng)', example: 'G22.99-261124-000123' })
  @IsString({ message: 'Thiếu mã hồ sơ trên Cổng DVCQG' })
  @Length(1, 100, { message: 'Mã hồ sơ trên Cổng DVCQG tối đa 100 ký tự' })
  nationalId!: string;

  @ApiProperty({ description: 'MaTTHC', example: '1.001193' })
  @IsString({ message: 'Thiếu mã thủ tục' })
  @Matches(PROCEDURE_CODE, { message: 'Mã thủ tục không đúng định dạng (vd. 1.001193)' })
  procedureCode!: string;

  @ApiProperty({ example: '000.31.00.H99' })
  @IsString({ message: 'Thiếu mã cơ quan tiếp nhận' })
  @Matches(AGENCY_CODE, { message: 'Mã cơ quan tiếp nhận không đúng định dạng QCVN 102 (vd. 000.31.00.H99)' })
  receivingAgencyCode!: string;

  @ApiProperty() @IsString({ message: 'Thiếu họ tên người nộp' }) @Length(1, 255, { message: 'Họ tên người nộp từ 1 đến 255 ký tự' })
  applicantName!: string;

  @ApiProperty() @IsString({ message: 'Thiếu số định danh người nộp' }) @Matches(/^[0-9]{9,12}$/, { message: 'Số định danh người nộp gồm 9 đến 12 chữ số' })
  applicantIdentityNumber!: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(/^\+?[0-9]{8,15}$/, { message: 'Số điện thoại không hợp lệ' })
  applicantPhone?: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  @IsObject({ message: 'Tờ khai điện tử phải là một đối tượng JSON' })
  formData!: Record<string, unknown>;

  @ApiProperty({ description: 'Thời điểm nộp trên Cổng DVCQG (ISO 8601)' })
  @IsISO8601({ strict: true }, { message: 'Thời điểm nộp phải theo ISO 8601' })
  submittedAt!: string;
}
