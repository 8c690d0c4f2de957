import { HttpErrorResponse, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, switchMap, throwError } from 'rxjs';
import { API_BASE_URL } from './api-config';
import { AuthApi } from './auth-api';
import { AuthStore } from './auth-store';

/** Login, register, refresh and logout must never trigger a refresh themselves. */
const SESSION_ENDPOINT = /\/auth\/(citizen|official)\/(login|register|refresh|logout)$/;

function withToken(req: HttpRequest<unknown>, token: string | null): HttpRequest<unknown> {
  return token ? req.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : req;
}

/**
 * Adds `Authorization: Bearer <accessToken>` to API calls and, on a 401, refreshes the session once
 * through the httpOnly cookie and retries the call with the new token.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  const base = inject(API_BASE_URL);
  if (!req.url.startsWith(base)) return next(req);
  const store = inject(AuthStore);
  const auth = inject(AuthApi);
  const isSessionCall = SESSION_ENDPOINT.test(req.url);
  const sentToken = store.accessToken();

  return next(isSessionCall ? req : withToken(req, sentToken)).pipe(
    catchError((err: unknown) => {
      if (isSessionCall || !(err instanceof HttpErrorResponse) || err.status !== 401)
        return throwError(() => err);
      // Only refresh when we had (or may have) a session; anonymous calls just fail.
      if (!sentToken && !store.hadSession()) return throwError(() => err);
      return auth
        .refresh()
        .pipe(switchMap((token) => (token ? next(withToken(req, token)) : throwError(() => err))));
    }),
  );
};
