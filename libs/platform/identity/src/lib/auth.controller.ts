import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Inject } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@dvc/shared/config';
import { JwtAuthGuard } from './auth.guards';
import { AuthService, LoginResult } from './auth.service';
import { CurrentPrincipal } from './current-principal.decorator';
import { CitizenLoginDto, CitizenRegisterDto, OfficialLoginDto } from './dto/auth.dto';
import type { SubjectKind } from './entities';
import type { Principal } from './principal';

/** The refresh cookie of each kind has its own name and path: the portal and desk never share a session. */
export const refreshCookieName = (kind: SubjectKind) => `dvc_rt_${kind}`;
const cookiePath = (kind: SubjectKind) => `/api/v1/auth/${kind}`;

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('official/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Đăng nhập cán bộ (tài khoản cơ quan)' })
  async officialLogin(@Body() dto: OfficialLoginDto, @Res({ passthrough: true }) res: Response) {
    return this.respond('official', await this.auth.loginOfficial(dto.username, dto.password), res);
  }

  @Post('citizen/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Đăng nhập công dân bằng số định danh cá nhân' })
  async citizenLogin(@Body() dto: CitizenLoginDto, @Res({ passthrough: true }) res: Response) {
    return this.respond('citizen', await this.auth.loginCitizen(dto.identityNumber, dto.password), res);
  }

  @Post('citizen/register')
  @HttpCode(201)
  @ApiOperation({ summary: 'Đăng ký tài khoản công dân' })
  async citizenRegister(@Body() dto: CitizenRegisterDto, @Res({ passthrough: true }) res: Response) {
    return this.respond('citizen', await this.auth.registerCitizen(dto), res);
  }

  @Post('official/refresh')
  @HttpCode(200)
  async officialRefresh(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.refresh('official', req, res);
  }

  @Post('citizen/refresh')
  @HttpCode(200)
  async citizenRefresh(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.refresh('citizen', req, res);
  }

  @Post('official/logout')
  @HttpCode(204)
  async officialLogout(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    await this.logout('official', req, res);
  }

  @Post('citizen/logout')
  @HttpCode(204)
  async citizenLogout(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    await this.logout('citizen', req, res);
  }

  @Get('me')
  @UseGuards(JwtAuthGuard)
  @ApiBearerAuth()
  me(@CurrentPrincipal() p: Principal) {
    return this.auth.profile(p);
  }

  private async refresh(kind: SubjectKind, req: Request, res: Response) {
    try {
      return this.respond(kind, await this.auth.refresh(kind, req.cookies?.[refreshCookieName(kind)]), res);
    } catch (e) {
      res.clearCookie(refreshCookieName(kind), { path: cookiePath(kind) });
      throw e;
    }
  }

  private async logout(kind: SubjectKind, req: Request, res: Response) {
    await this.auth.logout(req.cookies?.[refreshCookieName(kind)]);
    res.clearCookie(refreshCookieName(kind), { path: cookiePath(kind) });
  }

  private respond<P>(kind: SubjectKind, r: LoginResult<P>, res: Response) {
    res.cookie(refreshCookieName(kind), r.refreshToken, {
      httpOnly: true,
      secure: this.config.COOKIE_SECURE,
      sameSite: 'strict',
      path: cookiePath(kind),
      expires: r.refreshExpiresAt,
    });
    return r.response;
  }
}
