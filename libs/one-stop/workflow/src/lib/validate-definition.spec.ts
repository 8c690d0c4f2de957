import { DEFAULT_WORKFLOW, INTER_AGENCY_WORKFLOW } from './default-workflows';
import { type DefinitionError, validateDefinition } from './validate-definition';
import type { WorkflowDefinition } from './workflow-definition';

/** A mutable copy of the default workflow, changed by `edit`. */
function broken(edit: (def: WorkflowDefinition) => void): WorkflowDefinition {
  const def = structuredClone(DEFAULT_WORKFLOW);
  edit(def);
  return def;
}

function errorsOf(def: unknown): DefinitionError[] {
  const result = validateDefinition(def);
  if (result.ok) throw new Error('expected the definition to be refused');
  return result.errors;
}

const stepIndex = (id: string) => DEFAULT_WORKFLOW.steps.findIndex((s) => s.id === id);
const transitionIndex = (from: string, action: string) =>
  DEFAULT_WORKFLOW.transitions.findIndex((t) => t.from === from && t.action === action);

describe('validateDefinition', () => {
  it.each([
    ['DEFAULT_WORKFLOW', DEFAULT_WORKFLOW],
    ['INTER_AGENCY_WORKFLOW', INTER_AGENCY_WORKFLOW],
  ])('accepts %s, also after a JSON round trip', (_name, def) => {
    expect(validateDefinition(def)).toEqual({ ok: true });
    const json = JSON.parse(JSON.stringify(def));
    expect(json).toEqual(def);
    expect(validateDefinition(json)).toEqual({ ok: true });
  });

  describe('schema', () => {
    it('refuses a value that is not an object', () => {
      expect(errorsOf('quy trình')).toEqual([{ path: '', message: 'Phải là đối tượng' }]);
    });

    it('names a missing required field', () => {
      const errors = errorsOf(broken((d) => delete (d as Partial<WorkflowDefinition>).name));
      expect(errors).toEqual([{ path: '/name', message: 'Thiếu trường bắt buộc "name"' }]);
    });

    it('lists the allowed values of an unknown step kind, action or status', () => {
      const errors = errorsOf(
        broken((d) => {
          (d.steps[1] as { kind: string }).kind = 'review';
          (d.transitions[0] as { action: string }).action = 'delete';
          (d.steps[2] as { status: string }).status = 'done';
        }),
      );
      expect(errors).toEqual(
        expect.arrayContaining([
          {
            path: '/steps/1/kind',
            message: expect.stringMatching(/^Giá trị không hợp lệ; phải là một trong: intake, processing/),
          },
          { path: '/transitions/0/action', message: expect.stringContaining('accept, refuse') },
          { path: '/steps/2/status', message: expect.stringContaining('submitted, received') },
        ]),
      );
    });

    it('refuses a unit code that is not QCVN 102 and an unknown unit form, once each', () => {
      const errors = errorsOf(
        broken((d) => {
          d.steps[1]!.owner!.unit = { code: 'SO-TU-PHAP' };
          d.steps[2]!.owner!.unit = 'department' as never;
        }),
      );
      expect(errors).toEqual([
        {
          path: '/steps/1/owner/unit',
          message: expect.stringContaining('Đơn vị chủ trì phải là "receiving"'),
        },
        { path: '/steps/2/owner/unit', message: expect.stringContaining('{ "code": "<mã QCVN 102>" }') },
      ]);
    });

    it('refuses unknown fields, a version below 1 and a share above 1', () => {
      const errors = errorsOf(
        broken((d) => {
          (d as unknown as Record<string, unknown>)['owner'] = 'x';
          d.version = 0;
          d.steps[1]!.share = 1.5;
        }),
      );
      expect(errors).toEqual(
        expect.arrayContaining([
          { path: '/owner', message: 'Trường "owner" không được phép' },
          { path: '/version', message: 'Giá trị phải lớn hơn hoặc bằng 1' },
          { path: '/steps/1/share', message: 'Giá trị phải nhỏ hơn hoặc bằng 1' },
        ]),
      );
    });
  });

  describe('graph rules', () => {
    it('refuses duplicate step ids', () => {
      const errors = errorsOf(broken((d) => d.steps.push({ ...d.steps[3]!, name: 'Trả kết quả lần 2' })));
      expect(errors).toContainEqual({
        path: `/steps/${DEFAULT_WORKFLOW.steps.length}/id`,
        message: `Mã bước "return" bị trùng với /steps/${stepIndex('return')}`,
      });
    });

    it('refuses transitions from or to unknown steps', () => {
      const errors = errorsOf(
        broken((d) => {
          d.transitions.push({ from: 'archive', action: 'forward', to: 'processing' });
          d.transitions.push({ from: 'processing', action: 'forward', to: 'so-xay-dung' });
        }),
      );
      const n = DEFAULT_WORKFLOW.transitions.length;
      expect(errors).toEqual([
        {
          path: `/transitions/${n}/from`,
          message: 'Chuyển tiếp "forward" đi từ bước không tồn tại "archive"',
        },
        {
          path: `/transitions/${n + 1}/to`,
          message: 'Chuyển tiếp "forward" đi tới bước không tồn tại "so-xay-dung"',
        },
      ]);
    });

    it('refuses a step that cannot be reached from intake', () => {
      const errors = errorsOf(
        broken((d) => {
          d.steps.splice(3, 0, {
            id: 'archive',
            name: 'Lưu trữ',
            kind: 'processing',
            owner: { role: 'specialist', unit: 'receiving' },
            share: 0,
            status: 'processing',
          });
          d.transitions.push({ from: 'archive', action: 'submit_for_approval', to: 'approval' });
        }),
      );
      expect(errors).toEqual([
        { path: '/steps/3', message: 'Bước "archive" không thể tới được từ bước tiếp nhận "intake"' },
      ]);
    });

    it('refuses a state with no way to an end step', () => {
      const errors = errorsOf(
        broken((d) => {
          d.transitions = d.transitions.filter(
            (t) => !(t.from === 'approval' && t.action === 'record_withdrawal'),
          );
        }),
      );
      expect(errors).toEqual([
        {
          path: `/steps/${stepIndex('approval')}`,
          message: 'Từ bước "approval" (trạng thái "withdrawal_requested") không có đường tới bước kết thúc',
        },
      ]);
    });

    it('refuses a loop that never ends', () => {
      const errors = errorsOf(
        broken((d) => {
          const owner = { role: 'specialist' as const, unit: { relative: 'parent' as const } };
          d.steps.push(
            { id: 'review', name: 'Thẩm tra', kind: 'transfer', owner, share: 0, status: 'processing' },
            {
              id: 'review_2',
              name: 'Thẩm tra lần 2',
              kind: 'transfer',
              owner,
              share: 0,
              status: 'processing',
            },
          );
          d.transitions.push(
            { from: 'processing', action: 'forward', to: 'review' },
            { from: 'review', action: 'forward', to: 'review_2' },
            { from: 'review_2', action: 'send_back', to: 'review' },
          );
        }),
      );
      const n = DEFAULT_WORKFLOW.steps.length;
      expect(errors).toEqual([
        {
          path: `/steps/${n}`,
          message: 'Từ bước "review" (trạng thái "processing") không có đường tới bước kết thúc',
        },
        {
          path: `/steps/${n + 1}`,
          message: 'Từ bước "review_2" (trạng thái "processing") không có đường tới bước kết thúc',
        },
      ]);
    });

    it('refuses a non-end step without an owner', () => {
      const errors = errorsOf(broken((d) => delete d.steps[stepIndex('approval')]!.owner));
      expect(errors).toEqual([
        {
          path: `/steps/${stepIndex('approval')}/owner`,
          message: 'Bước "approval" (phê duyệt) chưa có chủ trì: cần vai trò và đơn vị',
        },
      ]);
    });

    it('refuses a way to the returned result that skips approval', () => {
      const errors = errorsOf(
        broken((d) => d.transitions.push({ from: 'processing', action: 'return_result', to: 'returned' })),
      );
      expect(errors).toEqual([
        {
          path: `/steps/${stepIndex('returned')}`,
          message:
            'Có thể tới "returned" (trả kết quả) mà không qua bước phê duyệt: intake → processing → returned',
        },
      ]);
    });

    it('refuses entering the return step other than by approve from an approval step', () => {
      const errors = errorsOf(
        broken((d) => d.transitions.push({ from: 'processing', action: 'forward', to: 'return' })),
      );
      expect(errors).toEqual(
        expect.arrayContaining([
          {
            path: `/transitions/${DEFAULT_WORKFLOW.transitions.length}`,
            message:
              'Chỉ được chuyển tới bước trả kết quả "return" bằng hành động "approve" từ một bước phê duyệt',
          },
          {
            path: `/steps/${stepIndex('return')}`,
            message:
              'Có thể tới "return" (trả kết quả) mà không qua bước phê duyệt: intake → processing → return',
          },
        ]),
      );
    });

    it('refuses approve outside an approval step', () => {
      const errors = errorsOf(
        broken((d) => {
          const t = d.transitions[transitionIndex('processing', 'submit_for_approval')]!;
          t.action = 'approve';
        }),
      );
      expect(errors).toContainEqual({
        path: `/transitions/${transitionIndex('processing', 'submit_for_approval')}/action`,
        message: 'Chỉ bước phê duyệt mới có hành động "approve" (bước "processing" là bước xử lý)',
      });
    });

    it('refuses shares that do not sum to 1, and a timed step without a share', () => {
      expect(errorsOf(broken((d) => (d.steps[stepIndex('approval')]!.share = 0.2)))).toEqual([
        {
          path: '/steps',
          message:
            'Tổng tỷ lệ thời hạn của các bước tiếp nhận, xử lý, phê duyệt, chuyển liên thông phải bằng 1 (hiện là 0.9)',
        },
      ]);
      expect(errorsOf(broken((d) => delete d.steps[stepIndex('intake')]!.share))).toEqual([
        { path: '/steps/0/share', message: 'Bước "intake" (tiếp nhận) chưa có tỷ lệ thời hạn (share)' },
      ]);
    });

    it('tolerates rounding in shares (±0.001)', () => {
      const def = broken((d) => {
        d.steps[stepIndex('processing')]!.share = 0.6995;
      });
      expect(validateDefinition(def)).toEqual({ ok: true });
    });

    it('refuses an ambiguous action (same step, status and action twice)', () => {
      const errors = errorsOf(
        broken((d) =>
          d.transitions.push({ from: 'approval', action: 'send_back', to: 'intake', requiresNote: true }),
        ),
      );
      expect(errors).toEqual([
        {
          path: `/transitions/${DEFAULT_WORKFLOW.transitions.length}`,
          message: `Hành động "send_back" tại bước "approval" (trạng thái "awaiting_approval") đã được khai báo ở /transitions/${transitionIndex('approval', 'send_back')}`,
        },
      ]);
    });

    it('refuses zero or two intake steps, and no end step', () => {
      expect(errorsOf(broken((d) => (d.steps[stepIndex('processing')]!.kind = 'intake')))).toContainEqual({
        path: '/steps',
        message: 'Quy trình phải có đúng một bước tiếp nhận (intake); hiện có 2',
      });
      const noEnd = broken((d) => {
        d.steps = d.steps.filter((s) => s.kind !== 'end');
        d.transitions = d.transitions.filter((t) => d.steps.some((s) => s.id === t.to));
      });
      expect(errorsOf(noEnd)).toContainEqual({
        path: '/steps',
        message: 'Quy trình phải có ít nhất một bước kết thúc (end)',
      });
    });

    it('refuses transitions out of an end step and statuses that contradict the step kind', () => {
      const errors = errorsOf(
        broken((d) => {
          d.transitions.push({ from: 'stopped', action: 'accept', to: 'processing' });
          d.steps[stepIndex('refused')]!.status = 'processing';
          d.steps[stepIndex('processing')]!.status = 'result_ready';
        }),
      );
      expect(errors).toEqual(
        expect.arrayContaining([
          {
            path: `/transitions/${DEFAULT_WORKFLOW.transitions.length}/from`,
            message: 'Bước kết thúc "stopped" không được có chuyển tiếp đi ("accept")',
          },
          {
            path: `/steps/${stepIndex('refused')}/status`,
            message:
              'Bước kết thúc "refused" phải có trạng thái kết thúc (refused, withdrawn, stopped, returned)',
          },
          {
            path: `/steps/${stepIndex('processing')}/status`,
            message: 'Trạng thái "result_ready" chỉ dùng cho bước trả kết quả',
          },
        ]),
      );
    });

    it('refuses a transition whose source state never occurs', () => {
      const errors = errorsOf(
        broken((d) =>
          d.transitions.push({
            from: 'approval',
            fromStatus: 'payment_requested',
            action: 'payment_received',
            to: 'approval',
          }),
        ),
      );
      expect(errors).toEqual([
        {
          path: `/transitions/${DEFAULT_WORKFLOW.transitions.length}`,
          message:
            'Chuyển tiếp "payment_received" không bao giờ áp dụng: hồ sơ không bao giờ ở bước "approval" với trạng thái "payment_requested"',
        },
      ]);
    });

    it('refuses a transition that both pauses and resumes the clock', () => {
      const i = transitionIndex('processing', 'request_payment');
      expect(errorsOf(broken((d) => (d.transitions[i]!.resumesClock = true)))).toEqual([
        {
          path: `/transitions/${i}`,
          message: 'Chuyển tiếp "request_payment" không thể vừa tạm dừng vừa tiếp tục tính thời hạn',
        },
      ]);
    });
  });
});
