import { EnvironmentProviders, InjectionToken, makeEnvironmentProviders } from '@angular/core';

/** Which kind of account the app signs in: the portal uses citizens, the desk officials. */
export type AuthKind = 'citizen' | 'official';

/** The kind of account whose login/refresh/logout endpoints the app uses. */
export const AUTH_KIND = new InjectionToken<AuthKind>('AUTH_KIND');

/** Prefix of every API URL; relative so the SPA server proxies it on the same origin (cookies just work). */
export const API_BASE_URL = new InjectionToken<string>('API_BASE_URL', { factory: () => '/api/v1' });

export interface ApiClientOptions {
  authKind: AuthKind;
  /** Defaults to `/api/v1`. */
  baseUrl?: string;
}

/**
 * Configures the typed API clients for one app. The app still provides HttpClient itself:
 * `provideHttpClient(withFetch(), withInterceptors([authInterceptor]))`.
 */
export function provideApiClient(options: ApiClientOptions): EnvironmentProviders {
  return makeEnvironmentProviders([
    { provide: AUTH_KIND, useValue: options.authKind },
    ...(options.baseUrl ? [{ provide: API_BASE_URL, useValue: options.baseUrl }] : []),
  ]);
}
