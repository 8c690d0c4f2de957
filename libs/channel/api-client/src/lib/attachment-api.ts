import { HttpClient, HttpEventType, HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, filter, map } from 'rxjs';
import { API_BASE_URL } from './api-config';
import { queryParams } from './http-params';
import type { AttachmentDto, CitizenDocumentDto, Page } from '@dvc/shared/contracts';

export type UploadEvent =
  | { kind: 'progress'; loaded: number; total: number | null; percent: number | null }
  | { kind: 'done'; attachment: AttachmentDto };

/** File uploads (streamed by the API) and the citizen's document store (Nghị định 45/2020: do not ask twice). */
@Injectable({ providedIn: 'root' })
export class AttachmentApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  /**
   * Uploads one file as multipart `file`, reporting upload progress. Progress events need the XHR
   * backend (fetch cannot report upload progress), so the app must not use `withFetch()`.
   */
  upload(file: File, documentCode?: string): Observable<UploadEvent> {
    const form = new FormData();
    if (documentCode) form.append('documentCode', documentCode);
    form.append('file', file, file.name);
    return this.http
      .post<AttachmentDto>(`${this.base}/attachments`, form, { reportProgress: true, observe: 'events' })
      .pipe(
        filter((e) => e.type === HttpEventType.UploadProgress || e.type === HttpEventType.Response),
        map((e): UploadEvent => {
          if (e.type === HttpEventType.Response) return { kind: 'done', attachment: e.body as AttachmentDto };
          const total = e.type === HttpEventType.UploadProgress ? (e.total ?? null) : null;
          const loaded = e.type === HttpEventType.UploadProgress ? e.loaded : 0;
          return {
            kind: 'progress',
            loaded,
            total,
            percent: total ? Math.round((100 * loaded) / total) : null,
          };
        }),
      );
  }

  remove(id: string): Observable<void> {
    return this.http.delete<void>(`${this.base}/attachments/${encodeURIComponent(id)}`);
  }

  content(id: string): Observable<HttpResponse<Blob>> {
    return this.http.get(`${this.base}/attachments/${encodeURIComponent(id)}/content`, {
      observe: 'response',
      responseType: 'blob',
    });
  }

  /** Documents of the citizen's earlier dossiers that can be reused instead of uploading again. */
  documents(page = 1, pageSize = 100): Observable<Page<CitizenDocumentDto>> {
    return this.http.get<Page<CitizenDocumentDto>>(`${this.base}/documents`, {
      params: queryParams({ page, pageSize }),
    });
  }
}
