/**
 * Workflow definitions administered in the desk (issue #4): the list of definitions and their
 * versions, the graph preview of a definition and the assignment of a version to a procedure.
 */
import type { OfficialRole } from './identity';

/** One step of a definition as a box of the graph preview. */
export interface WorkflowGraphNodeDto {
  id: string;
  /** Vietnamese step name. */
  name: string;
  kind: string;
  /** Vietnamese kind, e.g. "Xử lý". */
  kindLabel: string;
  ownerRole: OfficialRole | null;
  /** Vietnamese owner, e.g. "Chuyên viên xử lý — đơn vị tiếp nhận"; null for end steps. */
  ownerLabel: string | null;
  /** Share of the time limit (0…1), null when the step has none. */
  share: number | null;
  /** Layered layout: BFS depth from the intake step (unreachable steps in the last column). */
  column: number;
  /** Order within the column. */
  row: number;
  reachable: boolean;
}

/** One action from a step to a step (transitions that differ only by status are merged). */
export interface WorkflowGraphEdgeDto {
  from: string;
  to: string;
  action: string;
  /** Vietnamese button label of the action. */
  label: string;
}

export interface WorkflowGraphDto {
  nodes: WorkflowGraphNodeDto[];
  edges: WorkflowGraphEdgeDto[];
  columns: number;
  rows: number;
}

/** A reason a definition is refused: a JSON Pointer into the definition and a Vietnamese message. */
export interface WorkflowDefinitionErrorDto {
  path: string;
  message: string;
}

/** `POST /admin/workflows/validate`: nothing is stored. */
export interface WorkflowValidationDto {
  ok: boolean;
  errors: WorkflowDefinitionErrorDto[];
  /** Null when the steps and transitions cannot be read at all. */
  graph: WorkflowGraphDto | null;
}

/** A procedure that uses (or will use) a definition version from an instant. */
export interface WorkflowUsageDto {
  /** Null for the default of every procedure. */
  procedureCode: string | null;
  procedureName: string | null;
  effectiveFrom: string;
  /** In force now for the procedure's new dossiers (false: superseded or not yet in force). */
  inForce: boolean;
}

export interface WorkflowVersionSummaryDto {
  version: number;
  name: string;
  createdAt: string;
  dossierCount: number;
  procedures: WorkflowUsageDto[];
}

/** `GET /admin/workflows`: one definition code with its versions, newest first. */
export interface WorkflowSummaryDto {
  code: string;
  name: string;
  versions: WorkflowVersionSummaryDto[];
}

/** `GET /admin/workflows/:code/versions/:version`. */
export interface WorkflowVersionDto {
  code: string;
  version: number;
  name: string;
  createdAt: string;
  dossierCount: number;
  /** The definition JSON (`WorkflowDefinition` of `@dvc/one-stop/workflow`). */
  definition: Record<string, unknown>;
  graph: WorkflowGraphDto;
}

/** `PUT /admin/procedures/:procedureCode/workflow`. */
export interface AssignProcedureWorkflowRequest {
  code: string;
  version: number;
  /** ISO 8601 instant; default now. */
  effectiveFrom?: string;
}

export interface ProcedureWorkflowDto {
  procedureCode: string;
  code: string;
  version: number;
  effectiveFrom: string;
}
