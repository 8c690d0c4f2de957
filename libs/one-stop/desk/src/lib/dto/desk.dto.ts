import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
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
import { WORKFLOW_ACTIONS } from '@dvc/one-stop/workflow';
import type {
  CalendarDayDto,
  DeskAction,
  DeskActionRequest,
  DeskInboxQuery,
  InPersonIntakeRequest,
  IssueApologyRequest,
  OfficeSessionDto,
  OverdueBoardQuery,
  PutAgencyOfficeHoursRequest,
  PutCalendarYearRequest,
  SupplementItem,
  SupplementSubmission,
  WithdrawalRequest,
} from '@dvc/shared/contracts';

const AGENCY_CODE = /^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}$/;
const PROCEDURE_CODE = /^[0-9]\.[0-9]{6}(\.[0-9A-Z.]+)?$/;

export class SupplementItemDto implements SupplementItem {
  @ApiProperty({ example: 'Bản sao giấy chứng sinh' })
  @IsString({ message: 'Vui lòng nhập giấy tờ cần bổ sung' })
  @Length(1, 500, { message: 'Tên giấy tờ cần bổ sung dài 1–500 ký tự' })
  name!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class DeskActionDto implements DeskActionRequest {
  @ApiProperty({ enum: WORKFLOW_ACTIONS, example: 'accept' })
  @IsIn(WORKFLOW_ACTIONS as unknown as string[], { message: 'Hành động không hợp lệ' })
  action!: DeskAction;

  @ApiProperty({ description: 'rowVersion của hồ sơ mà cán bộ đã xem', example: 1 })
  @Type(() => Number)
  @IsInt({ message: 'Thiếu phiên bản hồ sơ (expectedVersion)' })
  @Min(1)
  expectedVersion!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000, { message: 'Nội dung tối đa 4000 ký tự' })
  note?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'Cán bộ được phân công không hợp lệ' })
  assigneeId?: string;

  @ApiPropertyOptional({ example: '000.00.11.H99' })
  @IsOptional()
  @Matches(AGENCY_CODE, { message: 'Mã đơn vị không đúng định dạng QCVN 102 (vd. 000.00.11.H99)' })
  targetUnitCode?: string;

  @ApiPropertyOptional({ type: [SupplementItemDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SupplementItemDto)
  items?: SupplementItemDto[];
}

const toBool = ({ value }: { value: unknown }) =>
  value === 'true' || value === '1' || value === true
    ? true
    : value === 'false' || value === '0' || value === false
      ? false
      : value;

export class DeskInboxQueryDto implements DeskInboxQuery {
  @ApiPropertyOptional({ example: 'received,processing' })
  @IsOptional()
  @IsString()
  @MaxLength(400)
  status?: string;
  @ApiPropertyOptional({ example: '1.001193' })
  @IsOptional()
  @Matches(PROCEDURE_CODE, { message: 'Mã thủ tục không đúng định dạng (vd. 1.001193)' })
  procedure?: string;
  @ApiPropertyOptional({ enum: ['today', 'week', 'overdue'] })
  @IsOptional()
  @IsIn(['today', 'week', 'overdue'], { message: 'Bộ lọc hạn xử lý: today, week hoặc overdue' })
  due?: 'today' | 'week' | 'overdue';
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'assignedToMe phải là true hoặc false' })
  assignedToMe?: boolean;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100, { message: 'Tối đa 100 hồ sơ mỗi trang' })
  limit?: number;
}

export class ApplicantDto {
  @ApiProperty()
  @IsString({ message: 'Vui lòng nhập họ tên người nộp' })
  @Length(1, 255, { message: 'Vui lòng nhập họ tên người nộp' })
  name!: string;
  @ApiProperty({ example: '001099012345' })
  @Matches(/^[0-9]{12}$/, { message: 'Số định danh cá nhân gồm 12 chữ số' })
  identityNumber!: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^(0|\+84)[0-9]{9,10}$/, { message: 'Số điện thoại không hợp lệ' })
  phone?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(255)
  email?: string;
}

export class InPersonIntakeDto implements InPersonIntakeRequest {
  @ApiProperty({ example: '1.004873' })
  @Matches(PROCEDURE_CODE, { message: 'Mã thủ tục không đúng định dạng (vd. 1.001193)' })
  procedureCode!: string;
  @ApiProperty({ example: '000.31.00.H99' })
  @Matches(AGENCY_CODE, { message: 'Mã cơ quan tiếp nhận không đúng định dạng QCVN 102 (vd. 000.31.00.H99)' })
  receivingAgencyCode!: string;
  @ApiPropertyOptional({ enum: ['desk', 'post'] })
  @IsOptional()
  @IsIn(['desk', 'post'])
  channel?: 'desk' | 'post';
  @ApiProperty({ type: ApplicantDto })
  @ValidateNested()
  @Type(() => ApplicantDto)
  applicant!: ApplicantDto;
  @ApiProperty({ type: 'object', additionalProperties: true })
  @IsObject({ message: 'Tờ khai điện tử phải là một đối tượng JSON' })
  formData!: Record<string, unknown>;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
  @ApiPropertyOptional({ description: 'Tiếp nhận ngay (cấp Phiếu tiếp nhận Mẫu 01) trong cùng giao dịch' })
  @IsOptional()
  @IsBoolean()
  accept?: boolean;
}

export class WithdrawalRequestDto implements WithdrawalRequest {
  @ApiProperty()
  @IsString({ message: 'Vui lòng nêu lý do rút hồ sơ' })
  @Length(1, 2000, { message: 'Vui lòng nêu lý do rút hồ sơ' })
  reason!: string;
}

export class SupplementSubmissionDto implements SupplementSubmission {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'Tệp đính kèm không hợp lệ' })
  attachmentIds?: string[];
}

export class CalendarDayInputDto implements CalendarDayDto {
  @ApiProperty({ example: '2026-11-24' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Ngày theo định dạng YYYY-MM-DD' })
  date!: string;
  @ApiProperty({ enum: ['day_off', 'working_day'] })
  @IsIn(['day_off', 'working_day'], { message: 'Loại ngày: day_off hoặc working_day' })
  kind!: 'day_off' | 'working_day';
  @ApiProperty({ example: 'Ngày Văn hóa Việt Nam' })
  @IsString()
  @Length(1, 255, { message: 'Vui lòng nhập tên ngày nghỉ/làm bù' })
  name!: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Ngày hiệu lực theo định dạng YYYY-MM-DD' })
  effectiveFrom!: string | null;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  source!: string | null;
}

export class PutCalendarYearDto implements PutCalendarYearRequest {
  @ApiProperty({ type: [CalendarDayInputDto] })
  @IsArray()
  @ArrayMaxSize(366)
  @ValidateNested({ each: true })
  @Type(() => CalendarDayInputDto)
  days!: CalendarDayInputDto[];
}

export class IssueApologyDto implements IssueApologyRequest {
  @ApiProperty()
  @IsString({ message: 'Vui lòng nêu lý do quá hạn' })
  @Length(1, 4000, { message: 'Vui lòng nêu lý do quá hạn' })
  reason!: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'Ngày hẹn mới không hợp lệ' })
  proposedDueAt?: string;
}

export class OverdueBoardQueryDto implements OverdueBoardQuery {
  @ApiPropertyOptional({ enum: ['overdue', 'due_soon'] })
  @IsOptional()
  @IsIn(['overdue', 'due_soon'], { message: 'Tình trạng hạn: overdue (quá hạn) hoặc due_soon (sắp đến hạn)' })
  state?: 'overdue' | 'due_soon';
  @ApiPropertyOptional({ example: '1.001193' })
  @IsOptional()
  @Matches(PROCEDURE_CODE, { message: 'Mã thủ tục không đúng định dạng (vd. 1.001193)' })
  procedure?: string;
  @ApiPropertyOptional({ example: '000.31.00.H99' })
  @IsOptional()
  @Matches(AGENCY_CODE, { message: 'Mã đơn vị không đúng định dạng QCVN 102 (vd. 000.31.00.H99)' })
  unit?: string;
  @ApiPropertyOptional({ description: 'Số ngày làm việc trễ, từ' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'Số ngày trễ phải là số nguyên' })
  @Min(1, { message: 'Số ngày trễ từ 1 đến 3650' })
  @Max(3650, { message: 'Số ngày trễ từ 1 đến 3650' })
  minDaysLate?: number;
  @ApiPropertyOptional({ description: 'Số ngày làm việc trễ, đến' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'Số ngày trễ phải là số nguyên' })
  @Min(1, { message: 'Số ngày trễ từ 1 đến 3650' })
  @Max(3650, { message: 'Số ngày trễ từ 1 đến 3650' })
  maxDaysLate?: number;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100, { message: 'Tối đa 100 hồ sơ mỗi trang' })
  limit?: number;
}

const CLOCK = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

export class OfficeSessionInputDto implements OfficeSessionDto {
  @ApiProperty({ example: '07:30' })
  @Matches(CLOCK, { message: 'Giờ bắt đầu theo định dạng HH:mm (vd. 07:30)' })
  start!: string;
  @ApiProperty({ example: '11:30' })
  @Matches(CLOCK, { message: 'Giờ kết thúc theo định dạng HH:mm (vd. 11:30)' })
  end!: string;
}

export class PutAgencyOfficeHoursDto implements PutAgencyOfficeHoursRequest {
  @ApiProperty({ type: OfficeSessionInputDto })
  @IsObject({ message: 'Vui lòng nhập giờ làm việc buổi sáng' })
  @ValidateNested()
  @Type(() => OfficeSessionInputDto)
  morning!: OfficeSessionInputDto;
  @ApiProperty({ type: OfficeSessionInputDto })
  @IsObject({ message: 'Vui lòng nhập giờ làm việc buổi chiều' })
  @ValidateNested()
  @Type(() => OfficeSessionInputDto)
  afternoon!: OfficeSessionInputDto;
  @ApiPropertyOptional({
    type: OfficeSessionInputDto,
    nullable: true,
    description: 'Tiếp nhận sáng thứ Bảy; null nếu không',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => OfficeSessionInputDto)
  saturdayMorning?: OfficeSessionInputDto | null;
}
