/**
 * `@dvc/one-stop/workflow` — workflow definitions as versioned JSON data and the pure engine that
 * moves a dossier through them.
 *
 * - Vocabulary: {@link WORKFLOW_STATUSES}, {@link WORKFLOW_ACTIONS}, {@link WorkflowDefinition}.
 * - Definitions: {@link WORKFLOW_DEFINITION_SCHEMA} (JSON Schema) and {@link validateDefinition}
 *   (schema + graph rules: reachability, ends, owners, approval never skipped, shares).
 * - Engine: {@link decide}, {@link allowedActions}, {@link stepDueShares}.
 * - Ready-made definitions: {@link DEFAULT_WORKFLOW}, {@link INTER_AGENCY_WORKFLOW}.
 *
 * No I/O and no clock: the caller loads the pinned definition, applies the transition, and writes
 * the event and the outbox row in one transaction.
 */
export {
  CITIZEN_ACTIONS,
  STEP_KINDS,
  STEP_ROLES,
  type StepKind,
  type StepOwner,
  type StepRole,
  type StepUnit,
  SYSTEM_ACTIONS,
  TERMINAL_STATUSES,
  TIMED_STEP_KINDS,
  WORKFLOW_ACTIONS,
  WORKFLOW_ACTION_LABELS,
  WORKFLOW_STATUSES,
  type WorkflowAction,
  type WorkflowDefinition,
  type WorkflowStatus,
  type WorkflowStep,
  type WorkflowTransition,
  isTerminalStatus,
} from './lib/workflow-definition';
export { WORKFLOW_DEFINITION_SCHEMA } from './lib/workflow-schema';
export {
  type DefinitionError,
  type DefinitionValidation,
  validateDefinition,
} from './lib/validate-definition';
export {
  type ActionInput,
  type AllowedAction,
  type Decision,
  type RefusalReason,
  type WorkflowActor,
  type WorkflowState,
  type WorkflowTransitionResult,
  allowedActions,
  decide,
  stepDueShares,
} from './lib/workflow-engine';
export { DEFAULT_WORKFLOW, INTER_AGENCY_WORKFLOW } from './lib/default-workflows';
export { ownerLabel, STEP_KIND_LABELS, workflowGraph } from './lib/workflow-graph';
