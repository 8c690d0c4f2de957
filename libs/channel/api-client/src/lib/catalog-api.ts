import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AgencyUnitDto,
  FieldDto,
  Page,
  ProcedureDetailDto,
  ProcedureSearchQuery,
  ProcedureSummaryDto,
} from '@dvc/shared/contracts';
import { Observable, shareReplay } from 'rxjs';
import { API_BASE_URL } from './api-config';
import { queryParams } from './http-params';

/** The public catalog of administrative procedures (thủ tục hành chính). */
@Injectable({ providedIn: 'root' })
export class CatalogApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);
  // Fields and agencies change rarely; one request per app start is enough.
  private fields$?: Observable<FieldDto[]>;
  private agencies$?: Observable<AgencyUnitDto[]>;

  fields(): Observable<FieldDto[]> {
    this.fields$ ??= this.http.get<FieldDto[]>(`${this.base}/catalog/fields`).pipe(shareReplay(1));
    return this.fields$;
  }

  agencies(): Observable<AgencyUnitDto[]> {
    this.agencies$ ??= this.http.get<AgencyUnitDto[]>(`${this.base}/catalog/agencies`).pipe(shareReplay(1));
    return this.agencies$;
  }

  search(query: ProcedureSearchQuery): Observable<Page<ProcedureSummaryDto>> {
    return this.http.get<Page<ProcedureSummaryDto>>(`${this.base}/catalog/procedures`, {
      params: queryParams(query),
    });
  }

  procedure(code: string): Observable<ProcedureDetailDto> {
    return this.http.get<ProcedureDetailDto>(`${this.base}/catalog/procedures/${encodeURIComponent(code)}`);
  }
}
