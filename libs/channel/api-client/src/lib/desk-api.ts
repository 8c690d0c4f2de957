import { HttpClient, HttpEventType, HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AgencyOfficeHoursDto,
  ApologyLetterDto,
  CalendarYearDto,
  ControlSheetDto,
  DeskActionRequest,
  DeskAssigneeDto,
  DeskCountsDto,
  DeskDossierDetailDto,
  DeskFormDto,
  DeskInboxPage,
  DeskInboxQuery,
  InPersonIntakeRequest,
  IssueApologyRequest,
  OverdueBoardDto,
  OverdueBoardQuery,
  PutAgencyOfficeHoursRequest,
  PutCalendarYearRequest,
} from '@dvc/shared/contracts';
import { Observable, filter, map } from 'rxjs';
import { API_BASE_URL } from './api-config';
import { queryParams } from './http-params';

/** Query of the overdue board (`GET /desk/overdue`). */
export type DeskOverdueQuery = OverdueBoardQuery;

/**
 * The one-stop desk: inbox, counts, dossier detail and workflow actions, in-person intake, overdue
 * board, apology letters (Mẫu 04), control sheet (Mẫu 05) and the agency calendar.
 */
@Injectable({ providedIn: 'root' })
export class DeskApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  private dossierUrl(id: string, rest = ''): string {
    return `${this.base}/desk/dossiers/${encodeURIComponent(id)}${rest}`;
  }

  inbox(query: DeskInboxQuery): Observable<DeskInboxPage> {
    return this.http.get<DeskInboxPage>(`${this.base}/desk/dossiers`, {
      params: queryParams({ ...query, assignedToMe: query.assignedToMe ? 'true' : undefined }),
    });
  }

  counts(): Observable<DeskCountsDto> {
    return this.http.get<DeskCountsDto>(`${this.base}/desk/dossiers/counts`);
  }

  get(id: string): Observable<DeskDossierDetailDto> {
    return this.http.get<DeskDossierDetailDto>(this.dossierUrl(id));
  }

  /** One workflow action; 409 STALE_VERSION when `expectedVersion` is no longer the dossier's `rowVersion`. */
  act(id: string, body: DeskActionRequest): Observable<DeskDossierDetailDto> {
    return this.http.post<DeskDossierDetailDto>(this.dossierUrl(id, '/actions'), body);
  }

  /**
   * The leader approves with the e-result PDF, which the API signs (PAdES) in the same transaction;
   * reports upload progress (XHR backend), then the updated dossier.
   */
  approveWithResult(
    id: string,
    file: File,
    expectedVersion: number,
    note?: string,
  ): Observable<{ kind: 'progress'; percent: number | null } | { kind: 'done'; dossier: DeskDossierDetailDto }> {
    const form = new FormData();
    form.append('expectedVersion', String(expectedVersion));
    if (note) form.append('note', note);
    form.append('file', file, file.name);
    return this.http
      .post<DeskDossierDetailDto>(this.dossierUrl(id, '/approval'), form, { reportProgress: true, observe: 'events' })
      .pipe(
        filter((e) => e.type === HttpEventType.UploadProgress || e.type === HttpEventType.Response),
        map((e) =>
          e.type === HttpEventType.Response
            ? { kind: 'done' as const, dossier: e.body as DeskDossierDetailDto }
            : {
                kind: 'progress' as const,
                percent:
                  e.type === HttpEventType.UploadProgress && e.total ? Math.round((100 * e.loaded) / e.total) : null,
              },
        ),
      );
  }

  assignees(id: string): Observable<DeskAssigneeDto[]> {
    return this.http.get<DeskAssigneeDto[]>(this.dossierUrl(id, '/assignees'));
  }

  controlSheet(id: string): Observable<ControlSheetDto> {
    return this.http.get<ControlSheetDto>(this.dossierUrl(id, '/control-sheet'));
  }

  apologies(id: string): Observable<ApologyLetterDto[]> {
    return this.http.get<ApologyLetterDto[]>(this.dossierUrl(id, '/apologies'));
  }

  /** The one-stop forms (Mẫu 01–05) that apply to the dossier; each PDF is fetched with {@link file}. */
  forms(id: string): Observable<DeskFormDto[]> {
    return this.http.get<DeskFormDto[]>(this.dossierUrl(id, '/forms'));
  }

  issueApology(id: string, apologyId: string, body: IssueApologyRequest): Observable<ApologyLetterDto> {
    return this.http.post<ApologyLetterDto>(
      this.dossierUrl(id, `/apologies/${encodeURIComponent(apologyId)}/issue`),
      body,
    );
  }

  /** In-person (or postal) intake at the counter: 201 with the new dossier at the intake step. */
  intake(body: InPersonIntakeRequest, idempotencyKey?: string): Observable<DeskDossierDetailDto> {
    return this.http.post<DeskDossierDetailDto>(`${this.base}/desk/dossiers`, body, {
      headers: idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {},
    });
  }

  overdue(query: DeskOverdueQuery = {}): Observable<OverdueBoardDto> {
    return this.http.get<OverdueBoardDto>(`${this.base}/desk/overdue`, { params: queryParams(query) });
  }

  /**
   * A document or generated PDF of a dossier as a blob (API files need the bearer token, so they are
   * fetched, not linked). `href` is the API's own link, e.g. a {@link DeskDocumentDto.href}.
   */
  file(href: string): Observable<HttpResponse<Blob>> {
    const url =
      href.startsWith('/api/') || href.startsWith('http')
        ? href
        : `${this.base}${href.startsWith('/') ? '' : '/'}${href}`;
    return this.http.get(url, { observe: 'response', responseType: 'blob' });
  }

  calendar(year: number): Observable<CalendarYearDto> {
    return this.http.get<CalendarYearDto>(`${this.base}/admin/calendar/${year}`);
  }

  putCalendar(year: number, body: PutCalendarYearRequest): Observable<CalendarYearDto> {
    return this.http.put<CalendarYearDto>(`${this.base}/admin/calendar/${year}`, body);
  }

  /** An agency's office hours (the system default until it sets its own). */
  officeHours(agencyCode: string): Observable<AgencyOfficeHoursDto> {
    return this.http.get<AgencyOfficeHoursDto>(this.officeHoursUrl(agencyCode));
  }

  putOfficeHours(agencyCode: string, body: PutAgencyOfficeHoursRequest): Observable<AgencyOfficeHoursDto> {
    return this.http.put<AgencyOfficeHoursDto>(this.officeHoursUrl(agencyCode), body);
  }

  private officeHoursUrl(agencyCode: string): string {
    return `${this.base}/admin/agencies/${encodeURIComponent(agencyCode)}/office-hours`;
  }
}
