import { WorkingCalendar } from '@dvc/one-stop/calendar';
import { ACTORS, COMMUNE, DEPARTMENT, initialState, resolveUnit } from './__fixtures__/workflow-fixtures';
import { DEFAULT_WORKFLOW, INTER_AGENCY_WORKFLOW } from './default-workflows';
import type { WorkflowDefinition } from './workflow-definition';
import {
  type Decision,
  type WorkflowActor,
  type WorkflowState,
  allowedActions,
  decide,
  stepDueShares,
} from './workflow-engine';

const NOTE = { note: 'Thiếu bản sao giấy chứng sinh' };

/** Applies an accepted decision as the desk service would. */
function apply(state: WorkflowState, d: Decision, assignee?: string): WorkflowState {
  if (!d.ok) throw new Error(`${d.reason}: ${d.message}`);
  const t = d.transition;
  const moved = t.toStep !== t.fromStep;
  return {
    stepId: t.toStep,
    status: t.toStatus,
    assigneeId: moved
      ? null
      : t.action === 'assign' || t.action === 'reassign'
        ? assignee!
        : state.assigneeId,
    unitId: moved && t.toOwner ? resolveUnit(t.toOwner.unit, state.unitId) : state.unitId,
  };
}

function run(
  def: WorkflowDefinition,
  steps: [action: string, actor: WorkflowActor, extra?: { note?: string; assignee?: string }][],
  from: WorkflowState = initialState(),
): WorkflowState {
  return steps.reduce(
    (s, [action, actor, extra]) => apply(s, decide(def, s, action, actor, extra), extra?.assignee),
    from,
  );
}

const refusal = (d: Decision) => (d.ok ? 'ok' : d.reason);

describe('decide — default workflow', () => {
  const { intakeOfficer, specialistA, specialistB, leader, citizen, system } = ACTORS;

  it('walks the happy path: accept → assign → submit → approve → return', () => {
    let s = initialState();
    const accept = decide(DEFAULT_WORKFLOW, s, 'accept', intakeOfficer);
    expect(accept).toEqual({
      ok: true,
      transition: {
        action: 'accept',
        fromStep: 'intake',
        toStep: 'processing',
        fromStatus: 'submitted',
        toStatus: 'received',
        toOwner: { role: 'specialist', unit: 'receiving' },
      },
    });
    s = apply(s, accept);
    s = run(DEFAULT_WORKFLOW, [['assign', leader, { assignee: specialistA.id }]], s);
    expect(s).toEqual({
      stepId: 'processing',
      status: 'processing',
      assigneeId: specialistA.id,
      unitId: COMMUNE,
    });
    const submit = decide(DEFAULT_WORKFLOW, s, 'submit_for_approval', specialistA);
    expect(submit.ok && submit.transition).toMatchObject({
      toStep: 'approval',
      toStatus: 'awaiting_approval',
    });
    s = apply(s, submit);
    expect(s.assigneeId).toBeNull();
    s = run(DEFAULT_WORKFLOW, [['approve', leader]], s);
    expect(s).toMatchObject({ stepId: 'return', status: 'result_ready' });
    s = run(DEFAULT_WORKFLOW, [['return_result', intakeOfficer]], s);
    expect(s).toMatchObject({ stepId: 'returned', status: 'returned' });
    expect(refusal(decide(DEFAULT_WORKFLOW, s, 'return_result', intakeOfficer))).toBe('TERMINAL');
  });

  it('pauses the clock for a supplement at intake and resumes it when the citizen supplies it', () => {
    const request = decide(DEFAULT_WORKFLOW, initialState(), 'request_supplement', intakeOfficer, NOTE);
    expect(request.ok && request.transition).toMatchObject({
      fromStep: 'intake',
      toStep: 'intake',
      toStatus: 'supplement_requested',
      pauseClock: true,
    });
    const waiting = apply(initialState(), request);
    const received = decide(DEFAULT_WORKFLOW, waiting, 'supplement_received', citizen);
    expect(received.ok && received.transition).toMatchObject({
      toStep: 'intake',
      toStatus: 'submitted',
      resumeClock: true,
    });
    expect(received.ok && received.transition.pauseClock).toBeUndefined();
  });

  it('pauses and resumes the clock for a supplement during processing, received by the desk', () => {
    const s = run(DEFAULT_WORKFLOW, [
      ['accept', intakeOfficer],
      ['assign', specialistA, { assignee: specialistA.id }],
      ['request_supplement', specialistA, NOTE],
    ]);
    expect(s).toMatchObject({
      stepId: 'processing',
      status: 'supplement_requested',
      assigneeId: specialistA.id,
    });
    const d = decide(DEFAULT_WORKFLOW, s, 'supplement_received', intakeOfficer);
    expect(d.ok && d.transition).toMatchObject({ toStatus: 'processing', resumeClock: true });
  });

  it('lets the payment gateway (system) confirm a requested fee', () => {
    const s = run(DEFAULT_WORKFLOW, [
      ['accept', intakeOfficer],
      ['assign', specialistA, { assignee: specialistA.id }],
      ['request_payment', specialistA],
    ]);
    expect(s.status).toBe('payment_requested');
    const d = decide(DEFAULT_WORKFLOW, s, 'payment_received', system);
    expect(d.ok && d.transition).toMatchObject({ toStatus: 'processing', resumeClock: true });
  });

  it('sends back from approval to processing with a note', () => {
    const s = run(DEFAULT_WORKFLOW, [
      ['accept', intakeOfficer],
      ['assign', specialistA, { assignee: specialistA.id }],
      ['submit_for_approval', specialistA],
    ]);
    expect(refusal(decide(DEFAULT_WORKFLOW, s, 'send_back', leader))).toBe('NOTE_REQUIRED');
    const back = apply(
      s,
      decide(DEFAULT_WORKFLOW, s, 'send_back', leader, { note: 'Bổ sung ý kiến thẩm định' }),
    );
    expect(back).toMatchObject({ stepId: 'processing', status: 'processing', assigneeId: null });
    // Nobody holds it now: a leader assigns again.
    expect(decide(DEFAULT_WORKFLOW, back, 'assign', leader).ok).toBe(true);
  });

  it('refuses at intake with a reason, withdraws on request and stops by a leader', () => {
    expect(refusal(decide(DEFAULT_WORKFLOW, initialState(), 'refuse', intakeOfficer))).toBe('NOTE_REQUIRED');
    expect(refusal(decide(DEFAULT_WORKFLOW, initialState(), 'refuse', intakeOfficer, { note: '   ' }))).toBe(
      'NOTE_REQUIRED',
    );
    expect(
      run(DEFAULT_WORKFLOW, [['refuse', intakeOfficer, { note: 'Không thuộc thẩm quyền' }]]).status,
    ).toBe('refused');

    const withdrawn = run(DEFAULT_WORKFLOW, [
      ['accept', intakeOfficer],
      ['request_withdrawal', citizen],
      ['record_withdrawal', intakeOfficer, { note: 'Đơn rút hồ sơ ngày 05/01' }],
    ]);
    expect(withdrawn).toMatchObject({ stepId: 'withdrawn', status: 'withdrawn' });

    const stopped = run(DEFAULT_WORKFLOW, [
      ['accept', intakeOfficer],
      ['assign', specialistA, { assignee: specialistA.id }],
      ['stop', leader, { note: 'Có tranh chấp' }],
    ]);
    expect(stopped).toMatchObject({ stepId: 'stopped', status: 'stopped' });
  });

  describe('refusals', () => {
    const processing = () =>
      run(DEFAULT_WORKFLOW, [
        ['accept', intakeOfficer],
        ['assign', leader, { assignee: specialistA.id }],
      ]);

    it('UNKNOWN_ACTION for an action outside the vocabulary', () => {
      expect(decide(DEFAULT_WORKFLOW, initialState(), 'delete', intakeOfficer)).toEqual({
        ok: false,
        reason: 'UNKNOWN_ACTION',
        message: 'Hành động "delete" không tồn tại',
      });
    });

    it('NOT_ALLOWED_IN_STEP for an action the step does not offer, or an unknown step', () => {
      const d = decide(DEFAULT_WORKFLOW, initialState(), 'approve', ACTORS.leader);
      expect(d).toEqual({
        ok: false,
        reason: 'NOT_ALLOWED_IN_STEP',
        message: 'Không thể "Phê duyệt" khi hồ sơ ở bước "Tiếp nhận hồ sơ" (trạng thái submitted)',
      });
      const gone = { ...initialState(), stepId: 'archive' };
      expect(refusal(decide(DEFAULT_WORKFLOW, gone, 'accept', intakeOfficer))).toBe('NOT_ALLOWED_IN_STEP');
    });

    it('NOT_ALLOWED_IN_STEP for assign when assigned and reassign when not', () => {
      expect(decide(DEFAULT_WORKFLOW, processing(), 'assign', leader)).toMatchObject({
        ok: false,
        reason: 'NOT_ALLOWED_IN_STEP',
        message: 'Hồ sơ đã được phân công; hãy dùng "Phân công lại"',
      });
      const unassigned = run(DEFAULT_WORKFLOW, [['accept', intakeOfficer]]);
      expect(refusal(decide(DEFAULT_WORKFLOW, unassigned, 'reassign', leader))).toBe('NOT_ALLOWED_IN_STEP');
      expect(decide(DEFAULT_WORKFLOW, processing(), 'reassign', leader).ok).toBe(true);
    });

    it('ROLE_NOT_ALLOWED for the wrong role, citizens, the system and administrators', () => {
      expect(decide(DEFAULT_WORKFLOW, initialState(), 'accept', specialistA)).toEqual({
        ok: false,
        reason: 'ROLE_NOT_ALLOWED',
        message: 'Chỉ cán bộ tiếp nhận mới được "Tiếp nhận" ở bước "Tiếp nhận hồ sơ"',
      });
      expect(refusal(decide(DEFAULT_WORKFLOW, initialState(), 'accept', citizen))).toBe('ROLE_NOT_ALLOWED');
      expect(refusal(decide(DEFAULT_WORKFLOW, initialState(), 'accept', system))).toBe('ROLE_NOT_ALLOWED');
      expect(refusal(decide(DEFAULT_WORKFLOW, processing(), 'reassign', specialistA))).toBe(
        'ROLE_NOT_ALLOWED',
      );
      const atApproval = run(DEFAULT_WORKFLOW, [['submit_for_approval', specialistA]], processing());
      // A leader account that is also system admin does not act on dossiers.
      expect(decide(DEFAULT_WORKFLOW, atApproval, 'approve', ACTORS.systemAdmin)).toEqual({
        ok: false,
        reason: 'ROLE_NOT_ALLOWED',
        message: 'Tài khoản quản trị hệ thống không xử lý hồ sơ',
      });
      expect(refusal(decide(DEFAULT_WORKFLOW, atApproval, 'approve', ACTORS.agencyAdmin))).toBe(
        'ROLE_NOT_ALLOWED',
      );
    });

    it('WRONG_UNIT for an official of another unit', () => {
      expect(decide(DEFAULT_WORKFLOW, initialState(), 'accept', ACTORS.otherUnitOfficer)).toEqual({
        ok: false,
        reason: 'WRONG_UNIT',
        message: 'Hồ sơ đang do đơn vị khác giữ; cán bộ không thuộc đơn vị này',
      });
    });

    it('NOT_ASSIGNEE for another specialist; the leader and the desk may still act', () => {
      expect(decide(DEFAULT_WORKFLOW, processing(), 'submit_for_approval', specialistB)).toEqual({
        ok: false,
        reason: 'NOT_ASSIGNEE',
        message: 'Hồ sơ đã được phân công cho chuyên viên khác',
      });
      expect(decide(DEFAULT_WORKFLOW, processing(), 'submit_for_approval', specialistA).ok).toBe(true);
      expect(decide(DEFAULT_WORKFLOW, processing(), 'stop', leader, { note: 'Dừng theo yêu cầu' }).ok).toBe(
        true,
      );
      const waiting = run(DEFAULT_WORKFLOW, [['request_supplement', specialistA, NOTE]], processing());
      expect(decide(DEFAULT_WORKFLOW, waiting, 'supplement_received', intakeOfficer).ok).toBe(true);
      expect(refusal(decide(DEFAULT_WORKFLOW, waiting, 'supplement_received', specialistB))).toBe(
        'NOT_ASSIGNEE',
      );
    });

    it('TERMINAL for every action once the dossier is finished', () => {
      const refused = run(DEFAULT_WORKFLOW, [['refuse', intakeOfficer, { note: 'Không đủ điều kiện' }]]);
      expect(decide(DEFAULT_WORKFLOW, refused, 'accept', intakeOfficer)).toEqual({
        ok: false,
        reason: 'TERMINAL',
        message: 'Hồ sơ đã kết thúc xử lý; không thể thực hiện thêm hành động',
      });
      expect(allowedActions(DEFAULT_WORKFLOW, refused, intakeOfficer)).toEqual([]);
    });
  });
});

describe('allowedActions', () => {
  const names = (def: WorkflowDefinition, s: WorkflowState, a: WorkflowActor) =>
    allowedActions(def, s, a).map((x) => x.action);

  it('offers each actor only its buttons', () => {
    const s = initialState();
    expect(allowedActions(DEFAULT_WORKFLOW, s, ACTORS.intakeOfficer)).toEqual([
      {
        action: 'accept',
        label: 'Tiếp nhận',
        toStep: 'processing',
        toStatus: 'received',
        requiresNote: false,
      },
      {
        action: 'refuse',
        label: 'Từ chối tiếp nhận',
        toStep: 'refused',
        toStatus: 'refused',
        requiresNote: true,
      },
      {
        action: 'request_supplement',
        label: 'Yêu cầu bổ sung',
        toStep: 'intake',
        toStatus: 'supplement_requested',
        requiresNote: true,
      },
      {
        action: 'request_withdrawal',
        label: 'Yêu cầu rút hồ sơ',
        toStep: 'intake',
        toStatus: 'withdrawal_requested',
        requiresNote: false,
      },
    ]);
    expect(names(DEFAULT_WORKFLOW, s, ACTORS.citizen)).toEqual(['request_withdrawal']);
    expect(names(DEFAULT_WORKFLOW, s, ACTORS.specialistA)).toEqual([]);
    expect(names(DEFAULT_WORKFLOW, s, ACTORS.system)).toEqual([]);
    expect(names(DEFAULT_WORKFLOW, s, ACTORS.otherUnitOfficer)).toEqual([]);
  });

  it('follows the assignment in a processing step', () => {
    const s = run(DEFAULT_WORKFLOW, [
      ['accept', ACTORS.intakeOfficer],
      ['assign', ACTORS.leader, { assignee: ACTORS.specialistA.id }],
    ]);
    expect(names(DEFAULT_WORKFLOW, s, ACTORS.specialistA)).toEqual([
      'request_supplement',
      'request_payment',
      'submit_for_approval',
    ]);
    expect(names(DEFAULT_WORKFLOW, s, ACTORS.specialistB)).toEqual([]);
    expect(names(DEFAULT_WORKFLOW, s, ACTORS.leader)).toEqual(['reassign', 'stop']);
  });
});

describe('inter-agency workflow (liên thông)', () => {
  const {
    intakeOfficer,
    specialistA,
    leader,
    deptIntakeOfficer,
    deptSpecialist,
    deptSpecialistB,
    deptLeader,
  } = ACTORS;

  it('moves the dossier to the department and back to the commune for return', () => {
    let s = run(INTER_AGENCY_WORKFLOW, [
      ['accept', intakeOfficer],
      ['assign', specialistA, { assignee: specialistA.id }],
    ]);
    const transfer = decide(INTER_AGENCY_WORKFLOW, s, 'transfer', specialistA);
    expect(transfer.ok && transfer.transition.toOwner).toEqual({
      role: 'intake_officer',
      unit: { code: '000.00.11.H99' },
    });
    s = apply(s, transfer);
    expect(s).toMatchObject({ stepId: 'department_intake', status: 'processing', unitId: DEPARTMENT });

    // The commune no longer holds the dossier.
    expect(refusal(decide(INTER_AGENCY_WORKFLOW, s, 'accept', intakeOfficer))).toBe('WRONG_UNIT');
    expect(refusal(decide(INTER_AGENCY_WORKFLOW, s, 'stop', leader, NOTE))).toBe('NOT_ALLOWED_IN_STEP');

    s = run(
      INTER_AGENCY_WORKFLOW,
      [
        ['accept', deptIntakeOfficer],
        ['assign', deptSpecialist, { assignee: deptSpecialist.id }],
      ],
      s,
    );
    expect(refusal(decide(INTER_AGENCY_WORKFLOW, s, 'submit_for_approval', deptSpecialistB))).toBe(
      'NOT_ASSIGNEE',
    );
    s = run(
      INTER_AGENCY_WORKFLOW,
      [
        ['submit_for_approval', deptSpecialist],
        ['approve', deptLeader],
      ],
      s,
    );
    expect(s).toMatchObject({ stepId: 'return', status: 'result_ready', unitId: COMMUNE });
    s = run(INTER_AGENCY_WORKFLOW, [['return_result', intakeOfficer]], s);
    expect(s.status).toBe('returned');
  });

  it('lets the department send an incomplete transfer back to the commune', () => {
    const s = run(INTER_AGENCY_WORKFLOW, [
      ['accept', intakeOfficer],
      ['assign', specialistA, { assignee: specialistA.id }],
      ['transfer', specialistA],
      ['send_back', deptIntakeOfficer, { note: 'Thiếu văn bản đề nghị của UBND xã' }],
    ]);
    expect(s).toMatchObject({
      stepId: 'commune_processing',
      status: 'processing',
      unitId: COMMUNE,
      assigneeId: null,
    });
  });
});

describe('stepDueShares', () => {
  it('gives each timed step its share, in order', () => {
    expect(stepDueShares(DEFAULT_WORKFLOW)).toEqual([
      { stepId: 'intake', share: 0 },
      { stepId: 'processing', share: 0.7 },
      { stepId: 'approval', share: 0.3 },
    ]);
    expect(stepDueShares(INTER_AGENCY_WORKFLOW).map((s) => s.stepId)).toEqual([
      'intake',
      'commune_processing',
      'department_intake',
      'department_processing',
      'department_approval',
    ]);
  });

  it('feeds the working-day calendar: 10 working days split 0 / 7 / 3', () => {
    const cal = new WorkingCalendar([]);
    // Monday 2025-03-03 09:00 Vietnam time.
    const receivedAt = new Date('2025-03-03T02:00:00Z');
    const due = cal.stepDueDates(receivedAt, 10, stepDueShares(DEFAULT_WORKFLOW));
    expect(due.map((d) => d.stepId)).toEqual(['intake', 'processing', 'approval']);
    expect(due[0]!.dueAt).toEqual(due[0]!.startAt);
    expect(cal.workingDaysBetween('2025-03-03', due[1]!.dueAt.toISOString().slice(0, 10))).toBe(7);
    expect(cal.workingDaysBetween('2025-03-03', due[2]!.dueAt.toISOString().slice(0, 10))).toBe(10);
  });
});
