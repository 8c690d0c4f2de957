import { DEFAULT_WORKFLOW, INTER_AGENCY_WORKFLOW } from './default-workflows';
import type { WorkflowDefinition } from './workflow-definition';
import { workflowGraph } from './workflow-graph';

const graphOf = (def: unknown) => {
  const g = workflowGraph(def);
  if (!g) throw new Error('expected a graph');
  return g;
};
const node = (def: unknown, id: string) => graphOf(def).nodes.find((n) => n.id === id)!;

describe('workflowGraph', () => {
  it('lays the default workflow out in layers by breadth-first depth from intake', () => {
    const g = graphOf(DEFAULT_WORKFLOW);
    const columns = Object.fromEntries(g.nodes.map((n) => [n.id, n.column]));
    expect(columns).toEqual({
      intake: 0,
      processing: 1,
      refused: 1,
      withdrawn: 1,
      approval: 2,
      stopped: 2,
      return: 3,
      returned: 4,
    });
    expect(g.columns).toBe(5);
    // Rows follow the order of the steps within each column, without gaps.
    expect(g.nodes.filter((n) => n.column === 1).map((n) => [n.id, n.row])).toEqual([
      ['processing', 0],
      ['refused', 1],
      ['withdrawn', 2],
    ]);
    expect(g.rows).toBe(3);
    // Working steps before end steps, whatever the order of the definition.
    const reordered = structuredClone(DEFAULT_WORKFLOW) as WorkflowDefinition;
    reordered.steps.sort((a, b) => (a.kind === 'end' ? 0 : 1) - (b.kind === 'end' ? 0 : 1));
    expect(graphOf(reordered).nodes.filter((n) => n.column === 1).map((n) => n.id)).toEqual([
      'processing',
      'refused',
      'withdrawn',
    ]);
    expect(g.nodes.every((n) => n.reachable)).toBe(true);
  });

  it('names steps, kinds and owners in Vietnamese, with the time share', () => {
    expect(node(DEFAULT_WORKFLOW, 'processing')).toMatchObject({
      name: 'Thẩm định, xử lý hồ sơ',
      kind: 'processing',
      kindLabel: 'Xử lý',
      ownerRole: 'specialist',
      ownerLabel: 'Chuyên viên xử lý — đơn vị tiếp nhận hồ sơ',
      share: 0.7,
    });
    expect(node(DEFAULT_WORKFLOW, 'returned')).toMatchObject({ kindLabel: 'Kết thúc', ownerRole: null, ownerLabel: null, share: null });
    const transfer = INTER_AGENCY_WORKFLOW.steps.find((s) => s.owner && typeof s.owner.unit === 'object');
    expect(transfer).toBeDefined();
    expect(node(INTER_AGENCY_WORKFLOW, transfer!.id).ownerLabel).toMatch(/— đơn vị (cấp trên|\d{3}\.)/);
  });

  it('has one edge per action between two steps, labelled in Vietnamese', () => {
    const g = graphOf(DEFAULT_WORKFLOW);
    // request_withdrawal is declared from five statuses of intake/processing/approval: one edge per step.
    expect(g.edges.filter((e) => e.action === 'request_withdrawal').map((e) => e.from)).toEqual([
      'intake',
      'processing',
      'approval',
    ]);
    expect(g.edges).toContainEqual({ from: 'approval', to: 'return', action: 'approve', label: 'Phê duyệt' });
    expect(g.edges).toContainEqual({ from: 'intake', to: 'intake', action: 'request_supplement', label: 'Yêu cầu bổ sung' });
    const keys = g.edges.map((e) => `${e.from}/${e.to}/${e.action}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('puts unreachable steps in a last column of their own, marked unreachable', () => {
    const def: WorkflowDefinition = structuredClone(DEFAULT_WORKFLOW);
    def.steps.push({ id: 'orphan', name: 'Bước bị bỏ quên', kind: 'processing', owner: { role: 'specialist', unit: 'receiving' }, share: 0, status: 'processing' });
    const orphan = node(def, 'orphan');
    expect(orphan).toMatchObject({ reachable: false, column: 5, row: 0 });
    expect(graphOf(def).columns).toBe(6);
  });

  it('draws what it can of a definition being edited, and nothing without steps', () => {
    expect(workflowGraph(null)).toBeNull();
    expect(workflowGraph({ steps: 'x' })).toBeNull();
    expect(workflowGraph({ steps: [] })).toBeNull();
    const g = graphOf({
      steps: [{ id: 'a', kind: 'intake' }, 42, { id: 'b', name: 'Bước B', kind: 'end' }],
      transitions: [{ from: 'a', action: 'accept', to: 'b' }, { from: 'a', action: 'refuse', to: 'missing' }, 'x'],
    });
    expect(g.nodes.map((n) => [n.id, n.name, n.column])).toEqual([
      ['a', 'a', 0],
      ['b', 'Bước B', 1],
    ]);
    expect(g.edges).toEqual([{ from: 'a', to: 'b', action: 'accept', label: 'Tiếp nhận' }]);
  });
});
