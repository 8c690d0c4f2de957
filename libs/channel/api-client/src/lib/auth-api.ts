import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CitizenLoginRequest,
  CitizenProfile,
  CitizenRegisterRequest,
  LoginResponse,
  OfficialLoginRequest,
  OfficialProfile,
} from '@dvc/shared/contracts';
import { Observable, catchError, finalize, map, of, shareReplay, tap } from 'rxjs';
import { API_BASE_URL, AUTH_KIND } from './api-config';
import { AuthStore } from './auth-store';

type AnyProfile = OfficialProfile | CitizenProfile;

/** Login, registration, refresh and logout for the app's kind of account (citizen or official). */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);
  private readonly kind = inject(AUTH_KIND);
  private readonly store = inject(AuthStore);
  private refreshing: Observable<string | null> | null = null;
  private restored: Promise<boolean> | null = null;

  loginOfficial(body: OfficialLoginRequest): Observable<OfficialProfile> {
    return this.http.post<LoginResponse<OfficialProfile>>(`${this.base}/auth/official/login`, body).pipe(
      tap((r) => this.store.setSession(r.accessToken, r.profile)),
      map((r) => r.profile),
    );
  }

  loginCitizen(body: CitizenLoginRequest): Observable<CitizenProfile> {
    return this.http.post<LoginResponse<CitizenProfile>>(`${this.base}/auth/citizen/login`, body).pipe(
      tap((r) => this.store.setSession(r.accessToken, r.profile)),
      map((r) => r.profile),
    );
  }

  registerCitizen(body: CitizenRegisterRequest): Observable<CitizenProfile> {
    return this.http.post<LoginResponse<CitizenProfile>>(`${this.base}/auth/citizen/register`, body).pipe(
      tap((r) => this.store.setSession(r.accessToken, r.profile)),
      map((r) => r.profile),
    );
  }

  me(): Observable<AnyProfile> {
    return this.http.get<AnyProfile>(`${this.base}/auth/me`);
  }

  /**
   * Exchanges the httpOnly refresh cookie for a new access token. Concurrent callers share one
   * request; emits the new token, or null (and clears the session) when the refresh is refused.
   */
  refresh(): Observable<string | null> {
    if (!this.refreshing) {
      this.refreshing = this.http
        .post<LoginResponse<AnyProfile>>(`${this.base}/auth/${this.kind}/refresh`, {})
        .pipe(
          map((r) => {
            this.store.setSession(r.accessToken, r.profile);
            return r.accessToken as string | null;
          }),
          catchError(() => {
            this.store.clear();
            return of(null);
          }),
          finalize(() => (this.refreshing = null)),
          shareReplay({ bufferSize: 1, refCount: false }),
        );
    }
    return this.refreshing;
  }

  /**
   * Restores the session after a page load, once per app start, when an earlier visit signed in.
   * Resolves to whether a session is active.
   */
  restoreSession(): Promise<boolean> {
    if (this.store.isAuthenticated()) return Promise.resolve(true);
    if (!this.restored) {
      this.restored = this.store.hadSession()
        ? new Promise<boolean>((resolve) => this.refresh().subscribe((t) => resolve(t !== null)))
        : Promise.resolve(false);
    }
    return this.restored.then((ok) => ok || this.store.isAuthenticated());
  }

  logout(): Observable<void> {
    return this.http.post<void>(`${this.base}/auth/${this.kind}/logout`, {}).pipe(
      catchError(() => of(undefined)),
      finalize(() => {
        this.store.clear();
        this.restored = Promise.resolve(false);
      }),
      map(() => undefined),
    );
  }
}
