import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { DossierStatus } from '@dvc/shared/contracts';
import { Observable } from 'rxjs';
import { API_BASE_URL } from './api-config';
import { queryParams } from './http-params';

/** `GET /admin/sync/health`: synchronization with the national portal (Cổng DVCQG). */
export interface SyncHealthDto {
  outbox: { backlog: number; oldestUnpublishedSeconds: number };
  sync: {
    pending: number;
    lagSeconds: number;
    deadLetters: number;
    retrying: number;
    retries: number;
    syncedRatio: number;
  };
  queue: Record<string, number>;
}

/** One dossier whose sync was dead-lettered. */
export interface SyncDeadLetterDto {
  dossierId: string;
  code: string;
  status: DossierStatus;
  statusCode: number;
  version: number;
  versionAcked: number;
  attempts: number;
  lastError: string | null;
  deadLetteredAt: string;
}

/** System administrators: sync health, dead letters, replay. */
@Injectable({ providedIn: 'root' })
export class SyncAdminApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  health(): Observable<SyncHealthDto> {
    return this.http.get<SyncHealthDto>(`${this.base}/admin/sync/health`);
  }

  deadLetters(query: { limit?: number; offset?: number } = {}): Observable<{ items: SyncDeadLetterDto[]; total: number }> {
    return this.http.get<{ items: SyncDeadLetterDto[]; total: number }>(`${this.base}/admin/sync/dead-letters`, {
      params: queryParams(query),
    });
  }

  replay(dossierId: string): Observable<{ dossierId: string; jobId: string }> {
    return this.http.post<{ dossierId: string; jobId: string }>(
      `${this.base}/admin/sync/dead-letters/${encodeURIComponent(dossierId)}/replay`,
      {},
    );
  }
}
