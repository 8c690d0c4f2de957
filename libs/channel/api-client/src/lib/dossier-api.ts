import { HttpClient, HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CitizenActionResultDto,
  DossierAttachmentRef,
  DossierDetailDto,
  DossierDto,
  DossierLookupDto,
  DossierSummaryDto,
  Page,
  SubmitDossierRequest,
  SupplementSubmission,
  WithdrawalRequest,
} from '@dvc/shared/contracts';
import { Observable } from 'rxjs';
import { API_BASE_URL } from './api-config';
import { queryParams } from './http-params';

export type SubmitDossierBody = SubmitDossierRequest & { attachments?: DossierAttachmentRef[] };

/** The citizen's dossiers: online submission, "my dossiers", receipt, citizen actions, public lookup. */
@Injectable({ providedIn: 'root' })
export class DossierApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  /**
   * Submits a dossier. The same `idempotencyKey` on a retry returns the dossier created first
   * (200 instead of 201), so a double click or a lost response never makes two dossiers.
   */
  submit(body: SubmitDossierBody, idempotencyKey: string): Observable<DossierDto> {
    return this.http.post<DossierDto>(`${this.base}/dossiers`, body, {
      headers: { 'Idempotency-Key': idempotencyKey },
    });
  }

  mine(page = 1, pageSize = 20): Observable<Page<DossierSummaryDto>> {
    return this.http.get<Page<DossierSummaryDto>>(`${this.base}/dossiers`, {
      params: queryParams({ page, pageSize }),
    });
  }

  get(id: string): Observable<DossierDetailDto> {
    return this.http.get<DossierDetailDto>(`${this.base}/dossiers/${encodeURIComponent(id)}`);
  }

  /** Mẫu 01 (giấy tiếp nhận hồ sơ và hẹn trả kết quả) as a PDF. */
  receipt(id: string): Observable<HttpResponse<Blob>> {
    return this.http.get(`${this.base}/dossiers/${encodeURIComponent(id)}/receipt.pdf`, {
      observe: 'response',
      responseType: 'blob',
    });
  }

  /** The signed e-result of a returned dossier (kết quả giải quyết điện tử, PDF). */
  result(id: string): Observable<HttpResponse<Blob>> {
    return this.http.get(`${this.base}/dossiers/${encodeURIComponent(id)}/result`, {
      observe: 'response',
      responseType: 'blob',
    });
  }

  requestWithdrawal(id: string, body: WithdrawalRequest): Observable<CitizenActionResultDto> {
    return this.http.post<CitizenActionResultDto>(
      `${this.base}/dossiers/${encodeURIComponent(id)}/withdrawal-request`,
      body,
    );
  }

  supplement(id: string, body: SupplementSubmission): Observable<CitizenActionResultDto> {
    return this.http.post<CitizenActionResultDto>(
      `${this.base}/dossiers/${encodeURIComponent(id)}/supplement`,
      body,
    );
  }

  /** Public lookup: same 404 for a wrong code or a wrong second factor; 429 when rate-limited. */
  lookup(code: string, factor: string): Observable<DossierLookupDto> {
    return this.http.get<DossierLookupDto>(`${this.base}/public/dossiers/lookup`, {
      params: queryParams({ code, factor }),
    });
  }
}
