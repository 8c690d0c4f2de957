import { Injectable, computed, signal } from '@angular/core';
import type { CitizenProfile, OfficialProfile, OfficialRole } from '@dvc/shared/contracts';

const SESSION_HINT_KEY = 'dvc.session';

/**
 * The signed-in session, in memory only. The access token never touches storage; the refresh token
 * is an httpOnly cookie. A non-secret hint in localStorage tells the app whether trying a silent
 * refresh on start is worthwhile, so anonymous visitors do not cause a 401 on every page load.
 */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly _accessToken = signal<string | null>(null);
  private readonly _profile = signal<OfficialProfile | CitizenProfile | null>(null);

  readonly accessToken = this._accessToken.asReadonly();
  readonly profile = this._profile.asReadonly();
  readonly isAuthenticated = computed(() => this._accessToken() !== null && this._profile() !== null);
  readonly official = computed(() => {
    const p = this._profile();
    return p?.kind === 'official' ? p : null;
  });
  readonly citizen = computed(() => {
    const p = this._profile();
    return p?.kind === 'citizen' ? p : null;
  });
  readonly roles = computed<readonly OfficialRole[]>(() => this.official()?.roles ?? []);
  readonly displayName = computed(() => this._profile()?.fullName ?? '');

  hasAnyRole(...roles: OfficialRole[]): boolean {
    const mine = this.roles();
    return roles.some((r) => mine.includes(r));
  }

  setSession(accessToken: string, profile: OfficialProfile | CitizenProfile): void {
    this._accessToken.set(accessToken);
    this._profile.set(profile);
    this.writeHint(true);
  }

  setAccessToken(accessToken: string): void {
    this._accessToken.set(accessToken);
  }

  clear(): void {
    this._accessToken.set(null);
    this._profile.set(null);
    this.writeHint(false);
  }

  /** Whether an earlier visit signed in, so a refresh cookie may exist. */
  hadSession(): boolean {
    try {
      return globalThis.localStorage?.getItem(SESSION_HINT_KEY) === '1';
    } catch {
      return false;
    }
  }

  private writeHint(on: boolean): void {
    try {
      if (on) globalThis.localStorage?.setItem(SESSION_HINT_KEY, '1');
      else globalThis.localStorage?.removeItem(SESSION_HINT_KEY);
    } catch {
      // Storage can be disabled (private mode); the hint is only an optimisation.
    }
  }
}
