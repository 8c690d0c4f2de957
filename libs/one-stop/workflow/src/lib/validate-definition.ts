import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import {
  TIMED_STEP_KINDS,
  type WorkflowDefinition,
  type WorkflowStatus,
  type WorkflowStep,
  type WorkflowTransition,
  isTerminalStatus,
} from './workflow-definition';
import { WORKFLOW_DEFINITION_SCHEMA } from './workflow-schema';

/** One reason a definition is refused; `path` is a JSON Pointer into the definition. */
export interface DefinitionError {
  path: string;
  /** Vietnamese, for the agency admin editing the definition. */
  message: string;
}

export type DefinitionValidation = { ok: true } | { ok: false; errors: DefinitionError[] };

const SHARE_TOLERANCE = 0.001;
/** Statuses that mean the result exists: reachable only through an approval. */
const RESULT_STATUSES: readonly WorkflowStatus[] = ['result_ready', 'returned'];

const KIND_LABELS: Record<WorkflowStep['kind'], string> = {
  intake: 'tiếp nhận',
  processing: 'xử lý',
  approval: 'phê duyệt',
  transfer: 'chuyển liên thông',
  return: 'trả kết quả',
  end: 'kết thúc',
};

// Compiled on first use, so that importing the engine alone (e.g. in the desk) compiles nothing.
let compiledSchema: ValidateFunction | undefined;
function schemaValidator(): ValidateFunction {
  compiledSchema ??= new Ajv({ allErrors: true, strict: true }).compile(WORKFLOW_DEFINITION_SCHEMA);
  return compiledSchema;
}

/**
 * Checks a workflow definition: its JSON Schema, then the graph rules — unique step ids, known
 * steps in transitions, exactly one intake step, an owner on every non-end step, every step
 * reachable from intake, a way to an end step from every state, no way to the result that skips
 * approval, unambiguous transitions, and time shares summing to 1.
 */
export function validateDefinition(def: unknown): DefinitionValidation {
  const validate = schemaValidator();
  if (!validate(def)) {
    return { ok: false, errors: schemaErrors(validate.errors ?? []) };
  }
  const errors = graphErrors(def as WorkflowDefinition);
  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}

function schemaErrors(raw: readonly ErrorObject[]): DefinitionError[] {
  // A failed `oneOf` also reports every branch's own failure: keep only the summary.
  const errors = raw
    .filter((e) => !e.schemaPath.includes('/oneOf/'))
    .map((e) => ({ path: errorPath(e), message: schemaMessage(e) }));
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.path}\u0000${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function errorPath(e: ErrorObject): string {
  if (e.keyword === 'required')
    return `${e.instancePath}/${(e.params as { missingProperty: string }).missingProperty}`;
  if (e.keyword === 'additionalProperties') {
    return `${e.instancePath}/${(e.params as { additionalProperty: string }).additionalProperty}`;
  }
  return e.instancePath;
}

const TYPE_LABELS: Record<string, string> = {
  string: 'chuỗi ký tự',
  integer: 'số nguyên',
  number: 'số',
  object: 'đối tượng',
  array: 'danh sách',
  boolean: 'true hoặc false',
};

function schemaMessage(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return `Thiếu trường bắt buộc "${String(p['missingProperty'])}"`;
    case 'additionalProperties':
      return `Trường "${String(p['additionalProperty'])}" không được phép`;
    case 'type':
      return `Phải là ${TYPE_LABELS[String(p['type'])] ?? String(p['type'])}`;
    case 'enum':
      return `Giá trị không hợp lệ; phải là một trong: ${(p['allowedValues'] as unknown[]).join(', ')}`;
    case 'const':
      return `Giá trị phải là "${String(p['allowedValue'])}"`;
    case 'pattern':
      return e.instancePath.endsWith('/code')
        ? 'Mã đơn vị phải theo QCVN 102:2016/BTTTT, ví dụ 000.00.11.H99'
        : 'Mã chỉ gồm chữ thường không dấu, chữ số, "_", "-", "." và bắt đầu bằng chữ cái';
    case 'minimum':
      return `Giá trị phải lớn hơn hoặc bằng ${String(p['limit'])}`;
    case 'maximum':
      return `Giá trị phải nhỏ hơn hoặc bằng ${String(p['limit'])}`;
    case 'minLength':
      return p['limit'] === 1 ? 'Không được để trống' : `Cần ít nhất ${String(p['limit'])} ký tự`;
    case 'maxLength':
      return `Không được dài quá ${String(p['limit'])} ký tự`;
    case 'minItems':
      return `Cần ít nhất ${String(p['limit'])} phần tử`;
    case 'uniqueItems':
      return 'Các phần tử không được trùng nhau';
    case 'oneOf':
      return 'Đơn vị chủ trì phải là "receiving", { "code": "<mã QCVN 102>" } hoặc { "relative": "parent" }';
    default:
      return `Không hợp lệ (${e.message ?? e.keyword})`;
  }
}

type StateKey = string;
const key = (stepId: string, status: string): StateKey => `${stepId}\u0000${status}`;

function graphErrors(def: WorkflowDefinition): DefinitionError[] {
  const errors: DefinitionError[] = [];
  const err = (path: string, message: string) => errors.push({ path, message });

  // Steps: unique ids, owners, status by kind, shares.
  const steps = new Map<string, { step: WorkflowStep; index: number }>();
  def.steps.forEach((step, i) => {
    const first = steps.get(step.id);
    if (first) err(`/steps/${i}/id`, `Mã bước "${step.id}" bị trùng với /steps/${first.index}`);
    else steps.set(step.id, { step, index: i });

    if (step.kind !== 'end' && !step.owner) {
      err(
        `/steps/${i}/owner`,
        `Bước "${step.id}" (${KIND_LABELS[step.kind]}) chưa có chủ trì: cần vai trò và đơn vị`,
      );
    }
    if (step.kind === 'end' && step.owner) {
      err(`/steps/${i}/owner`, `Bước kết thúc "${step.id}" không có chủ trì`);
    }
    if (step.kind === 'end' && !isTerminalStatus(step.status)) {
      err(
        `/steps/${i}/status`,
        `Bước kết thúc "${step.id}" phải có trạng thái kết thúc (refused, withdrawn, stopped, returned)`,
      );
    }
    if (step.kind !== 'end' && isTerminalStatus(step.status)) {
      err(
        `/steps/${i}/status`,
        `Trạng thái "${step.status}" chỉ dùng cho bước kết thúc, không dùng cho bước "${step.id}"`,
      );
    }
    const resultError = resultStatusError(step.kind, step.status);
    if (resultError) err(`/steps/${i}/status`, resultError);

    const timed = TIMED_STEP_KINDS.includes(step.kind);
    if (timed && step.share === undefined) {
      err(
        `/steps/${i}/share`,
        `Bước "${step.id}" (${KIND_LABELS[step.kind]}) chưa có tỷ lệ thời hạn (share)`,
      );
    }
    if (!timed && step.share !== undefined && step.share !== 0) {
      err(
        `/steps/${i}/share`,
        `Bước ${KIND_LABELS[step.kind]} "${step.id}" không được chia thời hạn giải quyết`,
      );
    }
  });

  const intakes = def.steps.filter((s) => s.kind === 'intake');
  if (intakes.length !== 1) {
    err('/steps', `Quy trình phải có đúng một bước tiếp nhận (intake); hiện có ${intakes.length}`);
  }
  if (!def.steps.some((s) => s.kind === 'end')) {
    err('/steps', 'Quy trình phải có ít nhất một bước kết thúc (end)');
  }

  const shareSum = def.steps
    .filter((s) => TIMED_STEP_KINDS.includes(s.kind))
    .reduce((sum, s) => sum + (s.share ?? 0), 0);
  if (Math.abs(shareSum - 1) > SHARE_TOLERANCE) {
    err(
      '/steps',
      `Tổng tỷ lệ thời hạn của các bước tiếp nhận, xử lý, phê duyệt, chuyển liên thông phải bằng 1 (hiện là ${round(shareSum)})`,
    );
  }

  // Transitions: known steps, coherent statuses, no ambiguity, approval before the result.
  let unknownStep = false;
  const applicable = new Map<StateKey, number>();
  def.transitions.forEach((t, i) => {
    const from = steps.get(t.from)?.step;
    const to = steps.get(t.to)?.step;
    if (!from)
      err(`/transitions/${i}/from`, `Chuyển tiếp "${t.action}" đi từ bước không tồn tại "${t.from}"`);
    if (!to) err(`/transitions/${i}/to`, `Chuyển tiếp "${t.action}" đi tới bước không tồn tại "${t.to}"`);
    if (!from || !to) {
      unknownStep = true;
      return;
    }
    if (from.kind === 'end') {
      err(
        `/transitions/${i}/from`,
        `Bước kết thúc "${from.id}" không được có chuyển tiếp đi ("${t.action}")`,
      );
      return;
    }
    const fromStatus = t.fromStatus ?? from.status;
    const toStatus = t.toStatus ?? to.status;
    if (isTerminalStatus(fromStatus)) {
      err(`/transitions/${i}/fromStatus`, `Không có hành động nào từ trạng thái kết thúc "${fromStatus}"`);
    }
    if (to.kind === 'end' && !isTerminalStatus(toStatus)) {
      err(`/transitions/${i}/toStatus`, `Chuyển tới bước kết thúc "${to.id}" phải có trạng thái kết thúc`);
    }
    if (to.kind !== 'end' && isTerminalStatus(toStatus)) {
      err(
        `/transitions/${i}/toStatus`,
        `Trạng thái kết thúc "${toStatus}" chỉ dùng khi chuyển tới bước kết thúc`,
      );
    }
    const resultError = resultStatusError(to.kind, toStatus);
    if (resultError) err(`/transitions/${i}/toStatus`, resultError);

    if (t.action === 'approve' && from.kind !== 'approval') {
      err(
        `/transitions/${i}/action`,
        `Chỉ bước phê duyệt mới có hành động "approve" (bước "${from.id}" là bước ${KIND_LABELS[from.kind]})`,
      );
    }
    if (
      to.kind === 'return' &&
      from.kind !== 'return' &&
      (t.action !== 'approve' || from.kind !== 'approval')
    ) {
      err(
        `/transitions/${i}`,
        `Chỉ được chuyển tới bước trả kết quả "${to.id}" bằng hành động "approve" từ một bước phê duyệt`,
      );
    }
    if (t.pausesClock && t.resumesClock) {
      err(`/transitions/${i}`, `Chuyển tiếp "${t.action}" không thể vừa tạm dừng vừa tiếp tục tính thời hạn`);
    }

    const k = key(t.from, fromStatus) + `\u0000${t.action}`;
    const dup = applicable.get(k);
    if (dup !== undefined) {
      err(
        `/transitions/${i}`,
        `Hành động "${t.action}" tại bước "${t.from}" (trạng thái "${fromStatus}") đã được khai báo ở /transitions/${dup}`,
      );
    } else applicable.set(k, i);
  });

  if (unknownStep || intakes.length !== 1) return errors;
  return [...errors, ...reachabilityErrors(def, steps, intakes[0]!)];
}

/** `result_ready` belongs to return steps and `returned` to end steps. */
function resultStatusError(kind: WorkflowStep['kind'], status: WorkflowStatus): string | null {
  if (status === 'result_ready' && kind !== 'return')
    return 'Trạng thái "result_ready" chỉ dùng cho bước trả kết quả';
  if (status === 'returned' && kind !== 'end') return 'Trạng thái "returned" chỉ dùng cho bước kết thúc';
  return null;
}

interface Edge {
  index: number;
  transition: WorkflowTransition;
  to: StateKey;
}

/** Reachability over (step, status) states, the engine's real state space. */
function reachabilityErrors(
  def: WorkflowDefinition,
  steps: Map<string, { step: WorkflowStep; index: number }>,
  intake: WorkflowStep,
): DefinitionError[] {
  const errors: DefinitionError[] = [];
  const stepOf = (id: string) => steps.get(id)!.step;
  const out = new Map<StateKey, Edge[]>();
  const nodes = new Map<StateKey, { stepId: string; status: WorkflowStatus }>();
  const node = (stepId: string, status: WorkflowStatus) => {
    const k = key(stepId, status);
    if (!nodes.has(k)) nodes.set(k, { stepId, status });
    return k;
  };
  def.transitions.forEach((t, index) => {
    const from = node(t.from, t.fromStatus ?? stepOf(t.from).status);
    const to = node(t.to, t.toStatus ?? stepOf(t.to).status);
    out.set(from, [...(out.get(from) ?? []), { index, transition: t, to }]);
  });
  const start = node(intake.id, intake.status);

  // Forward from intake.
  const reached = new Set<StateKey>([start]);
  const queue = [start];
  while (queue.length > 0) {
    for (const e of out.get(queue.shift()!) ?? []) {
      if (!reached.has(e.to)) {
        reached.add(e.to);
        queue.push(e.to);
      }
    }
  }
  const reachedSteps = new Set([...reached].map((k) => nodes.get(k)!.stepId));
  def.steps.forEach((s, i) => {
    if (!reachedSteps.has(s.id)) {
      errors.push({
        path: `/steps/${i}`,
        message: `Bước "${s.id}" không thể tới được từ bước tiếp nhận "${intake.id}"`,
      });
    }
  });
  def.transitions.forEach((t, i) => {
    const status = t.fromStatus ?? stepOf(t.from).status;
    if (reachedSteps.has(t.from) && !reached.has(key(t.from, status))) {
      errors.push({
        path: `/transitions/${i}`,
        message: `Chuyển tiếp "${t.action}" không bao giờ áp dụng: hồ sơ không bao giờ ở bước "${t.from}" với trạng thái "${status}"`,
      });
    }
  });

  // Backward from the end steps: every reachable state must be able to finish.
  const ends = new Set([...nodes.keys()].filter((k) => stepOf(nodes.get(k)!.stepId).kind === 'end'));
  const canFinish = new Set(ends);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [from, edges] of out) {
      if (!canFinish.has(from) && edges.some((e) => canFinish.has(e.to))) {
        canFinish.add(from);
        grew = true;
      }
    }
  }
  for (const k of reached) {
    if (!canFinish.has(k)) {
      const { stepId, status } = nodes.get(k)!;
      errors.push({
        path: `/steps/${steps.get(stepId)!.index}`,
        message: `Từ bước "${stepId}" (trạng thái "${status}") không có đường tới bước kết thúc`,
      });
    }
  }

  // Approval cannot be skipped: search from intake without passing through approval steps.
  const parent = new Map<StateKey, StateKey | null>([[start, null]]);
  const bypass = [start];
  while (bypass.length > 0) {
    const k = bypass.shift()!;
    const { stepId, status } = nodes.get(k)!;
    const step = stepOf(stepId);
    if (step.kind === 'return' || RESULT_STATUSES.includes(status)) {
      const path: string[] = [];
      for (let p: StateKey | null = k; p !== null; p = parent.get(p)!) path.unshift(nodes.get(p)!.stepId);
      errors.push({
        path: `/steps/${steps.get(stepId)!.index}`,
        message: `Có thể tới "${stepId}" (trả kết quả) mà không qua bước phê duyệt: ${dedupe(path).join(' → ')}`,
      });
      break;
    }
    if (step.kind === 'approval') continue;
    for (const e of out.get(k) ?? []) {
      if (!parent.has(e.to)) {
        parent.set(e.to, k);
        bypass.push(e.to);
      }
    }
  }
  return errors;
}

/** Consecutive duplicates collapse: a path through side states of one step names the step once. */
function dedupe(ids: string[]): string[] {
  return ids.filter((id, i) => i === 0 || ids[i - 1] !== id);
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
