import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, catchError, of, throwError } from 'rxjs';
import { API_BASE_URL } from './api-config';
import type { DossierDraftDto, SaveDossierDraftRequest } from '@dvc/shared/contracts';

/** Server-side drafts of a submission, one per citizen and procedure, resumable on any device. */
@Injectable({ providedIn: 'root' })
export class DraftApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  private url(procedureCode: string): string {
    return `${this.base}/dossier-drafts/${encodeURIComponent(procedureCode)}`;
  }

  /** The saved draft, or null when there is none. */
  get(procedureCode: string): Observable<DossierDraftDto | null> {
    return this.http
      .get<DossierDraftDto>(this.url(procedureCode))
      .pipe(
        catchError((e: unknown) =>
          e instanceof HttpErrorResponse && e.status === 404 ? of(null) : throwError(() => e),
        ),
      );
  }

  /**
   * Creates (without `rowVersion`) or replaces the draft. 409 STALE_VERSION when another device saved
   * since `rowVersion`, DRAFT_ALREADY_EXISTS when creating one that exists.
   */
  save(procedureCode: string, body: SaveDossierDraftRequest): Observable<DossierDraftDto> {
    return this.http.put<DossierDraftDto>(this.url(procedureCode), body);
  }

  remove(procedureCode: string): Observable<void> {
    return this.http
      .delete<void>(this.url(procedureCode))
      .pipe(
        catchError((e: unknown) =>
          e instanceof HttpErrorResponse && e.status === 404 ? of(undefined) : throwError(() => e),
        ),
      );
  }
}
