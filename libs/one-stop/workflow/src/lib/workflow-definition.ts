/**
 * The vocabulary of workflow definitions: dossier states, step kinds, roles and actions, and the
 * shape of a definition. Definitions are plain JSON data, versioned, and a dossier pins the version
 * it started with.
 */
import { DESK_ACTION_LABELS, DOSSIER_STATUSES, type DossierStatus, TERMINAL_DOSSIER_STATUSES } from '@dvc/shared/contracts';

/** The internal dossier states (`DOSSIER_STATUSES` of the contracts, portal codes mapped there). */
export const WORKFLOW_STATUSES = DOSSIER_STATUSES;
/** An internal dossier status (`DossierStatus` of the contracts). */
export type WorkflowStatus = DossierStatus;

/** States after which no action is possible: refused, withdrawn, stopped, returned. */
export const TERMINAL_STATUSES: readonly WorkflowStatus[] = TERMINAL_DOSSIER_STATUSES;

/** Whether no action is possible any more in this status. */
export function isTerminalStatus(status: string): boolean {
  return (TERMINAL_STATUSES as readonly string[]).includes(status);
}

/** What a step is for; `end` steps are terminal and have no owner. */
export const STEP_KINDS = ['intake', 'processing', 'approval', 'transfer', 'return', 'end'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/** Step kinds that share the time limit (their shares sum to 1). */
export const TIMED_STEP_KINDS: readonly StepKind[] = ['intake', 'processing', 'approval', 'transfer'];

/** Roles that may own a step. `agency_admin` and `system_admin` never act on dossiers. */
export const STEP_ROLES = ['intake_officer', 'specialist', 'leader'] as const;
export type StepRole = (typeof STEP_ROLES)[number];

/** All actions a workflow may use. */
export const WORKFLOW_ACTIONS = [
  'accept',
  'refuse',
  'request_supplement',
  'supplement_received',
  'assign',
  'reassign',
  'forward',
  'transfer',
  'send_back',
  'submit_for_approval',
  'approve',
  'stop',
  'return_result',
  'request_withdrawal',
  'record_withdrawal',
  'request_payment',
  'payment_received',
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/** Button labels of the desk, in Vietnamese (one table, in the contracts). */
export const WORKFLOW_ACTION_LABELS: Record<WorkflowAction, string> = DESK_ACTION_LABELS;

/** The only actions a citizen may take (on their own dossier; ownership is checked by the caller). */
export const CITIZEN_ACTIONS: readonly WorkflowAction[] = ['request_withdrawal', 'supplement_received'];
/** The only actions the system itself may take (e.g. a verified payment-gateway callback). */
export const SYSTEM_ACTIONS: readonly WorkflowAction[] = ['payment_received'];

/**
 * The agency unit that owns a step: the dossier's receiving unit, a fixed unit by its QCVN 102:2016
 * code, or the parent of the unit holding the dossier. The caller resolves it to a unit id.
 */
export type StepUnit = 'receiving' | { code: string } | { relative: 'parent' };

export interface StepOwner {
  role: StepRole;
  unit: StepUnit;
}

export interface WorkflowStep {
  /** Unique in the definition, e.g. `processing`. */
  id: string;
  /** Vietnamese name shown on the desk and in Mẫu 05. */
  name: string;
  kind: StepKind;
  /** Required except for `end` steps. */
  owner?: StepOwner;
  /** Fraction of the time limit (0…1) for intake, processing, approval and transfer steps. */
  share?: number;
  /** The status the dossier has while at this step (unless a transition says otherwise). */
  status: WorkflowStatus;
}

export interface WorkflowTransition {
  from: string;
  action: WorkflowAction;
  to: string;
  /**
   * The status the dossier must have at `from` for this transition to apply; default: the `from`
   * step's status. Lets a step hold side states (supplement requested, payment requested…).
   */
  fromStatus?: WorkflowStatus;
  /** The status after the transition; default: the `to` step's status. */
  toStatus?: WorkflowStatus;
  /** Roles allowed to take the action; default: the `from` step owner's role. */
  roles?: StepRole[];
  /** The action needs a note (a refusal reason, what to supplement…). */
  requiresNote?: boolean;
  /** The time-limit clock stops (supplement or payment requested). */
  pausesClock?: boolean;
  /** The time-limit clock runs again. */
  resumesClock?: boolean;
}

/** A versioned workflow definition (JSON data, validated by {@link WORKFLOW_DEFINITION_SCHEMA}). */
export interface WorkflowDefinition {
  id: string;
  version: number;
  name: string;
  steps: WorkflowStep[];
  transitions: WorkflowTransition[];
}
