import { CanActivate, Controller, ExecutionContext, Get, HttpCode, Inject, Injectable, Param, ParseUUIDPipe, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { isObservable, lastValueFrom } from 'rxjs';
import { AppError } from '@dvc/shared/contracts';
import { DossierSyncService } from './dossier-sync.service';

/**
 * The guard that authenticates the caller and sets `request.user` (the API's JwtAuthGuard),
 * given by the app: this data-access lib does not import the identity feature lib.
 */
export const SYNC_ADMIN_AUTH_GUARD = Symbol('SYNC_ADMIN_AUTH_GUARD');

/** Authenticated by the app's guard, then: officials with the system_admin role only. */
@Injectable()
export class SyncAdminGuard implements CanActivate {
  constructor(@Inject(SYNC_ADMIN_AUTH_GUARD) private readonly auth: CanActivate) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const result = this.auth.canActivate(ctx);
    const ok = isObservable(result) ? await lastValueFrom(result) : await result;
    if (!ok) throw new AppError('UNAUTHENTICATED');
    const user = ctx.switchToHttp().getRequest().user as { kind?: string; roles?: string[] } | undefined;
    if (!user) throw new AppError('UNAUTHENTICATED');
    if (user.kind !== 'official' || !user.roles?.includes('system_admin')) throw new AppError('FORBIDDEN');
    return true;
  }
}

/** Desk admin screen "Đồng bộ Cổng DVCQG": health, dead letters, replay. */
@ApiTags('sync-admin')
@ApiBearerAuth()
@Controller('admin/sync')
@UseGuards(SyncAdminGuard)
export class SyncAdminController {
  constructor(private readonly sync: DossierSyncService) {}

  @Get('health')
  @ApiOperation({ summary: 'Tình trạng đồng bộ: tồn đọng outbox, độ trễ, số lần thử lại, hồ sơ lỗi' })
  health() {
    return this.sync.health();
  }

  @Get('dead-letters')
  @ApiOperation({ summary: 'Hồ sơ đồng bộ lỗi (đã hết lượt thử lại hoặc bị Cổng từ chối)' })
  deadLetters(@Query('limit') limit?: string, @Query('offset') offset?: string) {
    const l = Math.min(200, Math.max(1, Number(limit) || 50));
    const o = Math.max(0, Number(offset) || 0);
    return this.sync.deadLetters(l, o);
  }

  @Post('dead-letters/:dossierId/replay')
  @HttpCode(202)
  @ApiOperation({ summary: 'Gửi lại hồ sơ đồng bộ lỗi' })
  replay(@Param('dossierId', new ParseUUIDPipe({ exceptionFactory: () => new AppError('NOT_FOUND') })) dossierId: string) {
    return this.sync.replay(dossierId);
  }
}
