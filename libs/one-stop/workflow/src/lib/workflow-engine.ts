import type { OfficialRole } from '@dvc/shared/contracts';
import {
  CITIZEN_ACTIONS,
  type StepOwner,
  type StepRole,
  SYSTEM_ACTIONS,
  TIMED_STEP_KINDS,
  WORKFLOW_ACTIONS,
  WORKFLOW_ACTION_LABELS,
  type WorkflowAction,
  type WorkflowDefinition,
  type WorkflowStatus,
  type WorkflowStep,
  type WorkflowTransition,
  isTerminalStatus,
} from './workflow-definition';

/** Where a dossier stands in its (pinned) workflow. */
export interface WorkflowState {
  stepId: string;
  status: WorkflowStatus;
  /** The official the dossier is assigned to at this step, if any. */
  assigneeId?: string | null;
  /** The agency unit holding the dossier. */
  unitId: string;
}

/** Who asks for an action. For citizens, the caller has already checked they own the dossier. */
export interface WorkflowActor {
  kind: 'official' | 'citizen' | 'system';
  id: string;
  roles: readonly OfficialRole[];
  /** Units the official serves. */
  unitIds: readonly string[];
}

/** Extra input of an action. */
export interface ActionInput {
  /** Reason or instructions (refusal reason for Mẫu 03, missing papers for Mẫu 02…). */
  note?: string | null;
}

/** What applying an action changes. */
export interface WorkflowTransitionResult {
  action: WorkflowAction;
  fromStep: string;
  toStep: string;
  fromStatus: WorkflowStatus;
  toStatus: WorkflowStatus;
  /** Start a paused interval of the time-limit clock. */
  pauseClock?: true;
  /** End the current paused interval. */
  resumeClock?: true;
  /**
   * The owner of the target step (absent for end steps). When `toStep` differs from `fromStep`,
   * the caller clears the assignee and resolves `toOwner.unit` to the new holding unit; for
   * `assign`/`reassign` the caller sets the chosen assignee.
   */
  toOwner?: StepOwner;
}

export type RefusalReason =
  | 'UNKNOWN_ACTION'
  | 'NOT_ALLOWED_IN_STEP'
  | 'ROLE_NOT_ALLOWED'
  | 'WRONG_UNIT'
  | 'NOT_ASSIGNEE'
  | 'NOTE_REQUIRED'
  | 'TERMINAL';

export type Decision =
  | { ok: true; transition: WorkflowTransitionResult }
  | { ok: false; reason: RefusalReason; message: string };

/** An action the desk may offer as a button. */
export interface AllowedAction {
  action: WorkflowAction;
  label: string;
  toStep: string;
  toStatus: WorkflowStatus;
  requiresNote: boolean;
}

type Refusal = Extract<Decision, { ok: false }>;
const refuse = (reason: RefusalReason, message: string): Refusal => ({ ok: false, reason, message });

/**
 * Decides whether `actor` may take `action` on a dossier in `state` under `definition`, and what
 * changes if so. Pure: the caller applies the transition, appends the event and the outbox row.
 */
export function decide(
  definition: WorkflowDefinition,
  state: WorkflowState,
  action: string,
  actor: WorkflowActor,
  input: ActionInput = {},
): Decision {
  if (!(WORKFLOW_ACTIONS as readonly string[]).includes(action)) {
    return refuse('UNKNOWN_ACTION', `Hành động "${action}" không tồn tại`);
  }
  const found = findTransition(definition, state, action as WorkflowAction);
  if (!found.ok) return found;
  const { step, transition } = found;
  const denied = authorize(step, transition, state, actor);
  if (denied) return denied;
  if (transition.requiresNote && !input.note?.trim()) {
    return refuse(
      'NOTE_REQUIRED',
      `Hành động "${WORKFLOW_ACTION_LABELS[transition.action]}" cần ghi rõ lý do hoặc nội dung`,
    );
  }
  const to = definition.steps.find((s) => s.id === transition.to)!;
  return {
    ok: true,
    transition: {
      action: transition.action,
      fromStep: step.id,
      toStep: to.id,
      fromStatus: state.status,
      toStatus: transition.toStatus ?? to.status,
      ...(transition.pausesClock ? { pauseClock: true as const } : {}),
      ...(transition.resumesClock ? { resumeClock: true as const } : {}),
      ...(to.owner ? { toOwner: to.owner } : {}),
    },
  };
}

/** The actions `actor` may take now, for the desk's buttons (a note may still be required). */
export function allowedActions(
  definition: WorkflowDefinition,
  state: WorkflowState,
  actor: WorkflowActor,
): AllowedAction[] {
  const step = definition.steps.find((s) => s.id === state.stepId);
  if (!step || step.kind === 'end' || isTerminalStatus(state.status)) return [];
  const result: AllowedAction[] = [];
  for (const t of definition.transitions) {
    if (t.from !== step.id || (t.fromStatus ?? step.status) !== state.status) continue;
    if (assignmentMismatch(t.action, state)) continue;
    if (authorize(step, t, state, actor)) continue;
    const to = definition.steps.find((s) => s.id === t.to);
    if (!to) continue;
    result.push({
      action: t.action,
      label: WORKFLOW_ACTION_LABELS[t.action],
      toStep: to.id,
      toStatus: t.toStatus ?? to.status,
      requiresNote: t.requiresNote === true,
    });
  }
  return result;
}

/**
 * Each timed step's share of the time limit (intake, processing, approval and transfer steps, in
 * definition order), in the shape `WorkingCalendar.stepDueDates` of `@dvc/one-stop/calendar` takes.
 */
export function stepDueShares(definition: WorkflowDefinition): { stepId: string; share: number }[] {
  return definition.steps
    .filter((s) => TIMED_STEP_KINDS.includes(s.kind))
    .map((s) => ({ stepId: s.id, share: s.share ?? 0 }));
}

function findTransition(
  definition: WorkflowDefinition,
  state: WorkflowState,
  action: WorkflowAction,
): { ok: true; step: WorkflowStep; transition: WorkflowTransition } | Refusal {
  const step = definition.steps.find((s) => s.id === state.stepId);
  if (!step) {
    return refuse(
      'NOT_ALLOWED_IN_STEP',
      `Bước "${state.stepId}" không có trong quy trình ${definition.id} v${definition.version}`,
    );
  }
  if (step.kind === 'end' || isTerminalStatus(state.status)) {
    return refuse('TERMINAL', 'Hồ sơ đã kết thúc xử lý; không thể thực hiện thêm hành động');
  }
  const transition = definition.transitions.find(
    (t) => t.from === step.id && t.action === action && (t.fromStatus ?? step.status) === state.status,
  );
  const label = WORKFLOW_ACTION_LABELS[action];
  if (!transition) {
    return refuse(
      'NOT_ALLOWED_IN_STEP',
      `Không thể "${label}" khi hồ sơ ở bước "${step.name}" (trạng thái ${state.status})`,
    );
  }
  const mismatch = assignmentMismatch(action, state);
  if (mismatch) return refuse('NOT_ALLOWED_IN_STEP', mismatch);
  return { ok: true, step, transition };
}

/** `assign` is for a dossier nobody holds yet, `reassign` for one that someone holds. */
function assignmentMismatch(action: WorkflowAction, state: WorkflowState): string | null {
  if (action === 'assign' && state.assigneeId) return 'Hồ sơ đã được phân công; hãy dùng "Phân công lại"';
  if (action === 'reassign' && !state.assigneeId) return 'Hồ sơ chưa được phân công; hãy dùng "Phân công"';
  return null;
}

/** Who may take a transition; `null` when allowed. */
function authorize(
  step: WorkflowStep,
  transition: WorkflowTransition,
  state: WorkflowState,
  actor: WorkflowActor,
): Refusal | null {
  const label = WORKFLOW_ACTION_LABELS[transition.action];
  if (actor.kind === 'citizen') {
    return CITIZEN_ACTIONS.includes(transition.action)
      ? null
      : refuse('ROLE_NOT_ALLOWED', `Người nộp hồ sơ không thể "${label}"`);
  }
  if (actor.kind === 'system') {
    return SYSTEM_ACTIONS.includes(transition.action)
      ? null
      : refuse('ROLE_NOT_ALLOWED', `Hệ thống không tự động "${label}"`);
  }
  // Separation of duties: administrator accounts manage the system, never dossiers.
  if (actor.roles.includes('system_admin')) {
    return refuse('ROLE_NOT_ALLOWED', 'Tài khoản quản trị hệ thống không xử lý hồ sơ');
  }
  const allowed: readonly StepRole[] = transition.roles ?? (step.owner ? [step.owner.role] : []);
  const acting = allowed.filter((r) => actor.roles.includes(r));
  if (acting.length === 0) {
    return refuse(
      'ROLE_NOT_ALLOWED',
      `Chỉ ${allowed.map((r) => ROLE_NAMES[r]).join(' hoặc ')} mới được "${label}" ở bước "${step.name}"`,
    );
  }
  if (!actor.unitIds.includes(state.unitId)) {
    return refuse('WRONG_UNIT', 'Hồ sơ đang do đơn vị khác giữ; cán bộ không thuộc đơn vị này');
  }
  // An assignment binds the specialists of a processing step: only the assignee among them acts;
  // the unit's leader and the one-stop desk (e.g. receiving a supplement) still may.
  if (
    step.kind === 'processing' &&
    state.assigneeId &&
    state.assigneeId !== actor.id &&
    !actor.roles.includes('leader') &&
    acting.every((r) => r === 'specialist')
  ) {
    return refuse('NOT_ASSIGNEE', 'Hồ sơ đã được phân công cho chuyên viên khác');
  }
  return null;
}

const ROLE_NAMES: Record<StepRole, string> = {
  intake_officer: 'cán bộ tiếp nhận',
  specialist: 'chuyên viên xử lý',
  leader: 'lãnh đạo',
};
