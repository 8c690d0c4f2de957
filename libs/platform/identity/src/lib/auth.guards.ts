import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { AppError } from '@dvc/shared/contracts';

/** Requires a valid access token; answers 401 problem+json otherwise. */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  override handleRequest<T>(err: unknown, user: T): T {
    if (err || !user) throw new AppError('UNAUTHENTICATED');
    return user;
  }
}

/** Reads the access token when there is one, and lets anonymous callers through. */
@Injectable()
export class OptionalJwtAuthGuard extends AuthGuard('jwt') {
  override handleRequest<T>(_err: unknown, user: T): T {
    return user;
  }
  override canActivate(ctx: ExecutionContext) {
    const header = ctx.switchToHttp().getRequest().headers['authorization'];
    return header ? super.canActivate(ctx) : true;
  }
}
