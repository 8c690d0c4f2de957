import { createHash, timingSafeEqual } from 'node:crypto';
import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@dvc/shared/config';
import { AppError } from '@dvc/shared/contracts';

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** The national portal's shared secret (`Authorization: Bearer …`), compared in constant time; refused while unset. */
@Injectable()
export class InboundTokenGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(ctx: ExecutionContext): boolean {
    const expected = this.config.NATIONAL_PORTAL_INBOUND_TOKEN;
    const header = ctx.switchToHttp().getRequest().headers?.['authorization'];
    const m = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    // Equal-length digests, so the comparison time says nothing about the secret or its length.
    if (!expected || !m || !timingSafeEqual(digest(m[1]), digest(expected))) throw new AppError('UNAUTHENTICATED');
    return true;
  }
}
