import { inject } from '@angular/core';
import { CanMatchFn, Router } from '@angular/router';
import type { OfficialRole } from '@dvc/shared/contracts';
import { AuthApi } from './auth-api';
import { AuthStore } from './auth-store';

/**
 * Lets a route match only with a session (restored silently from the refresh cookie if needed);
 * otherwise redirects to `loginPath` with the wanted URL in `returnUrl`.
 */
export function authGuard(loginPath = '/dang-nhap'): CanMatchFn {
  return async (_route, segments) => {
    const router = inject(Router);
    const ok = await inject(AuthApi).restoreSession();
    if (ok) return true;
    const wanted = '/' + segments.map((s) => s.path).join('/');
    return router.createUrlTree([loginPath], { queryParams: wanted !== '/' ? { returnUrl: wanted } : {} });
  };
}

/** Lets a route match only for officials holding one of `roles`; others go to `fallback`. */
export function roleGuard(roles: OfficialRole[], fallback = '/'): CanMatchFn {
  return async () => {
    // inject() only works before the first await.
    const router = inject(Router);
    const store = inject(AuthStore);
    await inject(AuthApi).restoreSession();
    return store.hasAnyRole(...roles) ? true : router.parseUrl(fallback);
  };
}
