import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AssignProcedureWorkflowRequest,
  ProcedureWorkflowDto,
  WorkflowSummaryDto,
  WorkflowValidationDto,
  WorkflowVersionDto,
} from '@dvc/shared/contracts';
import { Observable } from 'rxjs';
import { API_BASE_URL } from './api-config';

/** Workflow definitions (quy trình xử lý) for agency and system administrators (desk). */
@Injectable({ providedIn: 'root' })
export class WorkflowAdminApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  list(): Observable<WorkflowSummaryDto[]> {
    return this.http.get<WorkflowSummaryDto[]>(`${this.base}/admin/workflows`);
  }

  version(code: string, version: number): Observable<WorkflowVersionDto> {
    return this.http.get<WorkflowVersionDto>(
      `${this.base}/admin/workflows/${encodeURIComponent(code)}/versions/${version}`,
    );
  }

  /** Checks a definition without storing it: Vietnamese errors and the graph. */
  validate(definition: unknown): Observable<WorkflowValidationDto> {
    return this.http.post<WorkflowValidationDto>(`${this.base}/admin/workflows/validate`, definition);
  }

  /** Stores the definition as the next version of its code; 422 INVALID_WORKFLOW when invalid. */
  create(definition: unknown): Observable<WorkflowVersionDto> {
    return this.http.post<WorkflowVersionDto>(`${this.base}/admin/workflows`, definition);
  }

  assign(procedureCode: string, body: AssignProcedureWorkflowRequest): Observable<ProcedureWorkflowDto> {
    return this.http.put<ProcedureWorkflowDto>(
      `${this.base}/admin/procedures/${encodeURIComponent(procedureCode)}/workflow`,
      body,
    );
  }
}
