import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError } from '@dvc/shared/contracts';
import { AppAbility, defineAbilityFor } from './ability.factory';
import type { Principal } from './principal';

export type PolicyHandler = (ability: AppAbility, principal: Principal) => boolean;
const POLICIES = 'dvc:policies';

/** Declares what the caller must be allowed to do; checked by PoliciesGuard after JwtAuthGuard. */
export const CheckPolicies = (...handlers: PolicyHandler[]) => SetMetadata(POLICIES, handlers);

@Injectable()
export class PoliciesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(ctx: ExecutionContext): boolean {
    const handlers =
      this.reflector.getAllAndOverride<PolicyHandler[]>(POLICIES, [ctx.getHandler(), ctx.getClass()]) ?? [];
    const principal = ctx.switchToHttp().getRequest().user as Principal | undefined;
    if (!principal) throw new AppError('UNAUTHENTICATED');
    const ability = defineAbilityFor(principal);
    if (!handlers.every((h) => h(ability, principal))) throw new AppError('FORBIDDEN');
    return true;
  }
}
