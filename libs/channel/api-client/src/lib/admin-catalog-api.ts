import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AdminProcedureDto,
  CatalogExport,
  CatalogFeedRunDto,
  CatalogImportResult,
  CreateProcedureRequest,
  ProcedureVersionDto,
  UpdateVersionRequest,
} from '@dvc/shared/contracts';
import { Observable } from 'rxjs';
import { API_BASE_URL } from './api-config';
import { queryParams } from './http-params';

/** Catalog administration for agency and system administrators (desk). */
@Injectable({ providedIn: 'root' })
export class AdminCatalogApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  list(q?: string): Observable<AdminProcedureDto[]> {
    return this.http.get<AdminProcedureDto[]>(`${this.base}/admin/procedures`, {
      params: queryParams({ q }),
    });
  }

  get(id: string): Observable<AdminProcedureDto> {
    return this.http.get<AdminProcedureDto>(`${this.base}/admin/procedures/${encodeURIComponent(id)}`);
  }

  create(body: CreateProcedureRequest): Observable<AdminProcedureDto> {
    return this.http.post<AdminProcedureDto>(`${this.base}/admin/procedures`, body);
  }

  /** New draft copied from the latest version; 409 DRAFT_ALREADY_EXISTS when a draft exists. */
  createVersion(procedureId: string): Observable<ProcedureVersionDto> {
    return this.http.post<ProcedureVersionDto>(
      `${this.base}/admin/procedures/${encodeURIComponent(procedureId)}/versions`,
      {},
    );
  }

  /** Drafts only; 409 when published or when `rowVersion` is stale. */
  updateVersion(versionId: string, body: UpdateVersionRequest): Observable<ProcedureVersionDto> {
    return this.http.put<ProcedureVersionDto>(
      `${this.base}/admin/procedure-versions/${encodeURIComponent(versionId)}`,
      body,
    );
  }

  publish(versionId: string): Observable<ProcedureVersionDto> {
    return this.http.post<ProcedureVersionDto>(
      `${this.base}/admin/procedure-versions/${encodeURIComponent(versionId)}/publish`,
      {},
    );
  }

  retire(versionId: string): Observable<ProcedureVersionDto> {
    return this.http.post<ProcedureVersionDto>(
      `${this.base}/admin/procedure-versions/${encodeURIComponent(versionId)}/retire`,
      {},
    );
  }

  exportCatalog(): Observable<CatalogExport> {
    return this.http.get<CatalogExport>(`${this.base}/admin/catalog/export`);
  }

  importCatalog(body: CatalogExport): Observable<CatalogImportResult> {
    return this.http.post<CatalogImportResult>(`${this.base}/admin/catalog/import`, body);
  }

  /** Refresh from the national portal's catalog feed; answers the run (its outcome per procedure). */
  refreshFromNationalPortal(): Observable<CatalogFeedRunDto> {
    return this.http.post<CatalogFeedRunDto>(`${this.base}/admin/catalog/refresh`, {});
  }

  catalogRefreshRuns(limit = 10): Observable<CatalogFeedRunDto[]> {
    return this.http.get<CatalogFeedRunDto[]>(`${this.base}/admin/catalog/refresh`, {
      params: queryParams({ limit }),
    });
  }
}
