import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Length, Matches, MaxLength, MinLength } from 'class-validator';
import type { CitizenLoginRequest, CitizenRegisterRequest, OfficialLoginRequest } from '@dvc/shared/contracts';

export class OfficialLoginDto implements OfficialLoginRequest {
  @ApiProperty({ example: 'quantri.tinh' })
  @IsString({ message: 'Tên đăng nhập phải là chuỗi ký tự' })
  @Length(1, 64, { message: 'Vui lòng nhập tên đăng nhập' })
  username!: string;

  @ApiProperty({ example: 'Demo@2026' })
  @IsString({ message: 'Mật khẩu phải là chuỗi ký tự' })
  @Length(1, 200, { message: 'Vui lòng nhập mật khẩu' })
  password!: string;
}

export class CitizenLoginDto implements CitizenLoginRequest {
  @ApiProperty({ example: '001099012345', description: 'Số định danh cá nhân (12 chữ số)' })
  @Matches(/^[0-9]{12}$/, { message: 'Số định danh cá nhân phải gồm đúng 12 chữ số' })
  identityNumber!: string;

  @ApiProperty()
  @IsString({ message: 'Mật khẩu phải là chuỗi ký tự' })
  @Length(1, 200, { message: 'Vui lòng nhập mật khẩu' })
  password!: string;
}

export class CitizenRegisterDto implements CitizenRegisterRequest {
  @ApiProperty({ example: '001099012345' })
  @Matches(/^[0-9]{12}$/, { message: 'Số định danh cá nhân phải gồm đúng 12 chữ số' })
  identityNumber!: string;

  @ApiProperty({ example: 'Nguyễn Văn An' })
  @IsString({ message: 'Họ và tên phải là chuỗi ký tự' })
  @Length(2, 255, { message: 'Họ và tên phải có từ 2 đến 255 ký tự' })
  fullName!: string;

  @ApiProperty()
  @IsString({ message: 'Mật khẩu phải là chuỗi ký tự' })
  @MinLength(8, { message: 'Mật khẩu phải có ít nhất 8 ký tự' })
  @MaxLength(200, { message: 'Mật khẩu quá dài' })
  password!: string;

  @ApiPropertyOptional({ example: '0912345678' })
  @IsOptional()
  @Matches(/^(\+84|0)[0-9]{9,10}$/, { message: 'Số điện thoại không hợp lệ' })
  phone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail({}, { message: 'Địa chỉ thư điện tử không hợp lệ' })
  email?: string;
}
