import type {
  WorkflowDefinition,
  WorkflowStatus,
  WorkflowStep,
  WorkflowTransition,
} from './workflow-definition';

/*
 * Two ready-made definitions. They are plain JSON data (JSON.stringify round-trips them); the
 * helpers below only spell out the side paths that every working step shares.
 */

const END_STEPS: WorkflowStep[] = [
  { id: 'returned', name: 'Đã trả kết quả', kind: 'end', status: 'returned' },
  { id: 'refused', name: 'Không tiếp nhận hồ sơ', kind: 'end', status: 'refused' },
  { id: 'withdrawn', name: 'Công dân rút hồ sơ', kind: 'end', status: 'withdrawn' },
  { id: 'stopped', name: 'Dừng xử lý hồ sơ', kind: 'end', status: 'stopped' },
];

/** Refusal at intake, with the reason printed on Mẫu 03. */
function intakeTransitions(next: string): WorkflowTransition[] {
  return [
    { from: 'intake', action: 'accept', to: next, toStatus: 'received' },
    { from: 'intake', action: 'refuse', to: 'refused', requiresNote: true },
    ...supplementRoundTrip('intake', 'submitted', ['intake_officer']),
    // A requested supplement that never comes, or shows the dossier is not eligible.
    {
      from: 'intake',
      fromStatus: 'supplement_requested',
      action: 'refuse',
      to: 'refused',
      requiresNote: true,
    },
  ];
}

/**
 * Supplement request (Mẫu 02, listing what is missing) and its receipt: the dossier stays at the
 * step and the clock stops meanwhile: the time limit does not run on an incomplete dossier (one-stop
 * rules, NĐ 61/2018/NĐ-CP, now NĐ 118/2025/NĐ-CP).
 */
function supplementRoundTrip(
  step: string,
  status: WorkflowStatus,
  receivers: WorkflowTransition['roles'],
): WorkflowTransition[] {
  return [
    {
      from: step,
      fromStatus: status,
      action: 'request_supplement',
      to: step,
      toStatus: 'supplement_requested',
      requiresNote: true,
      pausesClock: true,
    },
    {
      from: step,
      fromStatus: 'supplement_requested',
      action: 'supplement_received',
      to: step,
      toStatus: status,
      roles: receivers,
      resumesClock: true,
    },
  ];
}

/** Fee or financial obligation: the clock stops until it is paid. */
function paymentRoundTrip(step: string): WorkflowTransition[] {
  return [
    {
      from: step,
      fromStatus: 'processing',
      action: 'request_payment',
      to: step,
      toStatus: 'payment_requested',
      pausesClock: true,
    },
    {
      from: step,
      fromStatus: 'payment_requested',
      action: 'payment_received',
      to: step,
      toStatus: 'processing',
      roles: ['intake_officer', 'specialist'],
      resumesClock: true,
    },
  ];
}

/** Assignment inside a processing step: a leader assigns, or a specialist takes the dossier. */
function assignment(step: string): WorkflowTransition[] {
  return [
    {
      from: step,
      fromStatus: 'received',
      action: 'assign',
      to: step,
      toStatus: 'processing',
      roles: ['leader', 'specialist'],
    },
    { from: step, fromStatus: 'processing', action: 'assign', to: step, roles: ['leader', 'specialist'] },
    { from: step, fromStatus: 'processing', action: 'reassign', to: step, roles: ['leader'] },
  ];
}

/**
 * Withdrawal (rút hồ sơ): the citizen asks (or the desk records a paper request), then an intake
 * officer or leader of the holding unit records it. No withdrawal once the result is ready.
 */
function withdrawal(states: [step: string, status: WorkflowStatus][]): WorkflowTransition[] {
  const steps = [...new Set(states.map(([step]) => step))];
  return [
    ...states.map(
      ([step, status]): WorkflowTransition => ({
        from: step,
        fromStatus: status,
        action: 'request_withdrawal',
        to: step,
        toStatus: 'withdrawal_requested',
        roles: ['intake_officer'],
      }),
    ),
    ...steps.map(
      (step): WorkflowTransition => ({
        from: step,
        fromStatus: 'withdrawal_requested',
        action: 'record_withdrawal',
        to: 'withdrawn',
        roles: ['intake_officer', 'leader'],
        requiresNote: true,
      }),
    ),
  ];
}

/** Stop of processing (dừng xử lý), decided by a leader with the reason. */
function stop(step: string, status: WorkflowStatus): WorkflowTransition {
  return {
    from: step,
    fromStatus: status,
    action: 'stop',
    to: 'stopped',
    roles: ['leader'],
    requiresNote: true,
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * The one-stop desk of one agency: intake at the receiving unit → processing by a specialist →
 * approval by a leader → return at the desk. The intake step's share is 0: the time limit runs
 * from receipt, which is the moment intake ends.
 */
export const DEFAULT_WORKFLOW: WorkflowDefinition = deepFreeze({
  id: 'mot-cua.mac-dinh',
  version: 1,
  name: 'Quy trình một cửa mặc định',
  steps: [
    {
      id: 'intake',
      name: 'Tiếp nhận hồ sơ',
      kind: 'intake',
      owner: { role: 'intake_officer', unit: 'receiving' },
      share: 0,
      status: 'submitted',
    },
    {
      id: 'processing',
      name: 'Thẩm định, xử lý hồ sơ',
      kind: 'processing',
      owner: { role: 'specialist', unit: 'receiving' },
      share: 0.7,
      status: 'processing',
    },
    {
      id: 'approval',
      name: 'Lãnh đạo phê duyệt',
      kind: 'approval',
      owner: { role: 'leader', unit: 'receiving' },
      share: 0.3,
      status: 'awaiting_approval',
    },
    {
      id: 'return',
      name: 'Trả kết quả',
      kind: 'return',
      owner: { role: 'intake_officer', unit: 'receiving' },
      status: 'result_ready',
    },
    ...END_STEPS,
  ],
  transitions: [
    ...intakeTransitions('processing'),
    ...assignment('processing'),
    ...supplementRoundTrip('processing', 'processing', ['intake_officer', 'specialist']),
    ...paymentRoundTrip('processing'),
    { from: 'processing', action: 'submit_for_approval', to: 'approval' },
    stop('processing', 'processing'),
    { from: 'approval', action: 'approve', to: 'return' },
    { from: 'approval', action: 'send_back', to: 'processing', requiresNote: true },
    stop('approval', 'awaiting_approval'),
    { from: 'return', action: 'return_result', to: 'returned' },
    ...withdrawal([
      ['intake', 'submitted'],
      ['intake', 'supplement_requested'],
      ['processing', 'received'],
      ['processing', 'processing'],
      ['processing', 'supplement_requested'],
      ['processing', 'payment_requested'],
      ['approval', 'awaiting_approval'],
    ]),
  ],
});

/** Sở Tư pháp of the demo province (QCVN 102:2016 code of the seed data). */
const DEPARTMENT = { code: '000.00.11.H99' };

/**
 * Inter-agency (liên thông) example: the commune receives and prepares the dossier, transfers it
 * to a province department, whose leader approves; the result goes back to the commune's desk.
 */
export const INTER_AGENCY_WORKFLOW: WorkflowDefinition = deepFreeze({
  id: 'lien-thong.xa-so',
  version: 1,
  name: 'Quy trình liên thông UBND xã – Sở Tư pháp',
  steps: [
    {
      id: 'intake',
      name: 'Tiếp nhận hồ sơ tại UBND xã',
      kind: 'intake',
      owner: { role: 'intake_officer', unit: 'receiving' },
      share: 0,
      status: 'submitted',
    },
    {
      id: 'commune_processing',
      name: 'UBND xã thẩm định, lập hồ sơ liên thông',
      kind: 'processing',
      owner: { role: 'specialist', unit: 'receiving' },
      share: 0.3,
      status: 'processing',
    },
    {
      id: 'department_intake',
      name: 'Sở Tư pháp tiếp nhận hồ sơ liên thông',
      kind: 'transfer',
      owner: { role: 'intake_officer', unit: DEPARTMENT },
      share: 0.05,
      status: 'processing',
    },
    {
      id: 'department_processing',
      name: 'Sở Tư pháp thẩm định, xử lý',
      kind: 'processing',
      owner: { role: 'specialist', unit: DEPARTMENT },
      share: 0.45,
      status: 'processing',
    },
    {
      id: 'department_approval',
      name: 'Lãnh đạo Sở Tư pháp phê duyệt',
      kind: 'approval',
      owner: { role: 'leader', unit: DEPARTMENT },
      share: 0.2,
      status: 'awaiting_approval',
    },
    {
      id: 'return',
      name: 'Trả kết quả tại UBND xã',
      kind: 'return',
      owner: { role: 'intake_officer', unit: 'receiving' },
      status: 'result_ready',
    },
    ...END_STEPS,
  ],
  transitions: [
    ...intakeTransitions('commune_processing'),
    ...assignment('commune_processing'),
    ...supplementRoundTrip('commune_processing', 'processing', ['intake_officer', 'specialist']),
    { from: 'commune_processing', action: 'transfer', to: 'department_intake' },
    stop('commune_processing', 'processing'),
    { from: 'department_intake', action: 'accept', to: 'department_processing' },
    { from: 'department_intake', action: 'send_back', to: 'commune_processing', requiresNote: true },
    ...assignment('department_processing').filter((t) => t.fromStatus !== 'received'),
    ...supplementRoundTrip('department_processing', 'processing', ['intake_officer', 'specialist']),
    ...paymentRoundTrip('department_processing'),
    { from: 'department_processing', action: 'submit_for_approval', to: 'department_approval' },
    stop('department_processing', 'processing'),
    { from: 'department_approval', action: 'approve', to: 'return' },
    { from: 'department_approval', action: 'send_back', to: 'department_processing', requiresNote: true },
    stop('department_approval', 'awaiting_approval'),
    { from: 'return', action: 'return_result', to: 'returned' },
    ...withdrawal([
      ['intake', 'submitted'],
      ['intake', 'supplement_requested'],
      ['commune_processing', 'received'],
      ['commune_processing', 'processing'],
      ['commune_processing', 'supplement_requested'],
      ['department_intake', 'processing'],
      ['department_processing', 'processing'],
      ['department_processing', 'supplement_requested'],
      ['department_processing', 'payment_requested'],
      ['department_approval', 'awaiting_approval'],
    ]),
  ],
});
