import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsISO8601, IsOptional, IsString, Length, Min } from 'class-validator';
import type { AssignProcedureWorkflowRequest } from '@dvc/shared/contracts';

/** `PUT /admin/procedures/:procedureCode/workflow`. */
export class AssignProcedureWorkflowDto implements AssignProcedureWorkflowRequest {
  @ApiProperty({ example: 'mot-cua.mac-dinh' })
  @IsString({ message: 'Vui lòng chọn quy trình (mã quy trình)' })
  @Length(1, 64, { message: 'Mã quy trình dài 1–64 ký tự' })
  code!: string;

  @ApiProperty({ example: 2 })
  @IsInt({ message: 'Phiên bản quy trình phải là số nguyên' })
  @Min(1, { message: 'Phiên bản quy trình bắt đầu từ 1' })
  version!: number;

  @ApiPropertyOptional({ description: 'Thời điểm bắt đầu áp dụng (ISO 8601); mặc định: ngay bây giờ' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'Thời điểm áp dụng không đúng định dạng ngày giờ (ISO 8601)' })
  effectiveFrom?: string;
}
