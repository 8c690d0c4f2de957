import { ROLE_LABELS, type WorkflowGraphDto, type WorkflowGraphEdgeDto, type WorkflowGraphNodeDto } from '@dvc/shared/contracts';
import {
  type StepKind,
  type StepOwner,
  WORKFLOW_ACTION_LABELS,
  type WorkflowAction,
  type WorkflowDefinition,
} from './workflow-definition';

/** Vietnamese names of the step kinds, as shown in the graph preview. */
export const STEP_KIND_LABELS: Record<StepKind, string> = {
  intake: 'Tiếp nhận',
  processing: 'Xử lý',
  approval: 'Phê duyệt',
  transfer: 'Chuyển liên thông',
  return: 'Trả kết quả',
  end: 'Kết thúc',
};

/** "Chuyên viên xử lý — đơn vị tiếp nhận hồ sơ", for the owner of a step. */
export function ownerLabel(owner: StepOwner): string {
  const role = ROLE_LABELS[owner.role] ?? owner.role;
  const u = owner.unit;
  const unit =
    u === 'receiving'
      ? 'đơn vị tiếp nhận hồ sơ'
      : typeof u === 'object' && u !== null && 'code' in u
        ? `đơn vị ${u.code}`
        : 'đơn vị cấp trên';
  return `${role} — ${unit}`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * The graph of a definition for the desk's preview: a node per step and an edge per action from a
 * step to a step (transitions differing only by status merged), laid out in layers — a step's column
 * is its breadth-first distance from the intake step, its row its order in the column (working steps
 * before end steps, each in the order of the definition). Steps that
 * cannot be reached go to a last column of their own. Tolerant of a definition being edited: steps
 * and transitions that cannot be read are skipped; `null` when there are no steps to draw.
 */
export function workflowGraph(def: unknown): WorkflowGraphDto | null {
  if (!isObject(def) || !Array.isArray(def['steps'])) return null;
  const steps = (def['steps'] as unknown[]).filter(
    (s): s is WorkflowDefinition['steps'][number] => isObject(s) && typeof s['id'] === 'string',
  );
  const ids = new Set(steps.map((s) => s.id));
  const transitions = (Array.isArray(def['transitions']) ? (def['transitions'] as unknown[]) : []).filter(
    (t): t is WorkflowDefinition['transitions'][number] =>
      isObject(t) && ids.has(t['from'] as string) && ids.has(t['to'] as string) && typeof t['action'] === 'string',
  );
  if (steps.length === 0) return null;

  const edges: WorkflowGraphEdgeDto[] = [];
  const seen = new Set<string>();
  for (const t of transitions) {
    const k = `${t.from}\u0000${t.to}\u0000${t.action}`;
    if (seen.has(k)) continue;
    seen.add(k);
    edges.push({
      from: t.from,
      to: t.to,
      action: t.action,
      label: WORKFLOW_ACTION_LABELS[t.action as WorkflowAction] ?? t.action,
    });
  }

  // Breadth-first depth from the (first) intake step; without one, from the first step.
  const start = (steps.find((s) => s.kind === 'intake') ?? steps[0]!).id;
  const depth = new Map<string, number>([[start, 0]]);
  const queue = [start];
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const e of edges) {
      if (e.from === id && !depth.has(e.to)) {
        depth.set(e.to, depth.get(id)! + 1);
        queue.push(e.to);
      }
    }
  }
  const lastColumn = Math.max(...depth.values()) + 1;
  const rowsUsed = new Map<number, number>();
  const nodes: WorkflowGraphNodeDto[] = [];
  // Within a column, working steps come before end steps, so the main flow keeps to the top rows.
  const ordered = [...steps.filter((s) => s.kind !== 'end'), ...steps.filter((s) => s.kind === 'end')];
  for (const s of ordered) {
    if (nodes.some((n) => n.id === s.id)) continue;
    const reachable = depth.has(s.id);
    const column = reachable ? depth.get(s.id)! : lastColumn;
    const row = rowsUsed.get(column) ?? 0;
    rowsUsed.set(column, row + 1);
    const owner = isObject(s.owner) && typeof s.owner.role === 'string' ? s.owner : null;
    nodes.push({
      id: s.id,
      name: typeof s.name === 'string' && s.name ? s.name : s.id,
      kind: String(s.kind),
      kindLabel: STEP_KIND_LABELS[s.kind] ?? String(s.kind),
      ownerRole: owner?.role ?? null,
      ownerLabel: owner ? ownerLabel(owner) : null,
      share: typeof s.share === 'number' ? s.share : null,
      column,
      row,
      reachable,
    });
  }
  return {
    nodes,
    edges,
    columns: Math.max(...nodes.map((n) => n.column)) + 1,
    rows: Math.max(...rowsUsed.values()),
  };
}
