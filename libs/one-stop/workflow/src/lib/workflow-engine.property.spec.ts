import fc from 'fast-check';
import { ACTORS, initialState, resolveUnit } from './__fixtures__/workflow-fixtures';
import { DEFAULT_WORKFLOW, INTER_AGENCY_WORKFLOW } from './default-workflows';
import {
  WORKFLOW_ACTIONS,
  WORKFLOW_STATUSES,
  type WorkflowDefinition,
  type WorkflowStatus,
  isTerminalStatus,
} from './workflow-definition';
import {
  type Decision,
  type WorkflowActor,
  type WorkflowState,
  allowedActions,
  decide,
} from './workflow-engine';

const ACTOR_LIST = Object.values(ACTORS);
const SPECIALIST_IDS = ACTOR_LIST.filter((a) => a.roles.includes('specialist')).map((a) => a.id);

/**
 * One move: mostly a button some actor may press (so walks get deep), sometimes a random action by
 * a random actor (mostly refused). Guided moves usually avoid the exits (refuse, withdraw, stop),
 * so that walks also reach approval and return.
 */
const move = fc.record({
  guided: fc.nat({ max: 3 }).map((n) => n > 0),
  avoidExit: fc.nat({ max: 5 }).map((n) => n > 0),
  action: fc.nat(),
  actor: fc.nat({ max: ACTOR_LIST.length - 1 }),
  withNote: fc.boolean(),
  assignee: fc.nat({ max: SPECIALIST_IDS.length - 1 }),
});
type MoveValue = typeof move extends fc.Arbitrary<infer T> ? T : never;

const walk = (maxLength: number) => fc.array(move, { minLength: 1, maxLength, size: 'max' });

const isExit = (status: WorkflowStatus) =>
  status === 'withdrawal_requested' || (isTerminalStatus(status) && status !== 'returned');

/** Picks the move's actor and action: guided moves choose among all actors' allowed buttons. */
function pick(
  def: WorkflowDefinition,
  state: WorkflowState,
  m: MoveValue,
): [WorkflowActor, string] {
  if (m.guided) {
    const all = ACTOR_LIST.flatMap((actor) =>
      allowedActions(def, state, actor).map((a) => ({ actor, ...a })),
    );
    const preferred = m.avoidExit ? all.filter((b) => !isExit(b.toStatus)) : all;
    const buttons = preferred.length > 0 ? preferred : all;
    if (buttons.length > 0) {
      const b = buttons[m.action % buttons.length]!;
      return [b.actor, b.action];
    }
  }
  return [ACTOR_LIST[m.actor]!, WORKFLOW_ACTIONS[m.action % WORKFLOW_ACTIONS.length]!];
}

/** The state after an accepted transition, as the desk service would store it. */
function next(state: WorkflowState, d: Decision, assignee: string): WorkflowState {
  if (!d.ok) return state;
  const t = d.transition;
  const moved = t.toStep !== t.fromStep;
  return {
    stepId: t.toStep,
    status: t.toStatus,
    assigneeId: moved ? null : t.action === 'assign' || t.action === 'reassign' ? assignee : state.assigneeId,
    unitId: moved && t.toOwner ? resolveUnit(t.toOwner.unit, state.unitId) : state.unitId,
  };
}

/** The statuses a dossier can have at each step: the step's own, and those transitions set there. */
function possibleStatuses(def: WorkflowDefinition): Map<string, Set<WorkflowStatus>> {
  const map = new Map(def.steps.map((s) => [s.id, new Set<WorkflowStatus>([s.status])]));
  for (const t of def.transitions) {
    map.get(t.to)!.add(t.toStatus ?? def.steps.find((s) => s.id === t.to)!.status);
  }
  return map;
}

describe.each([
  ['DEFAULT_WORKFLOW', DEFAULT_WORKFLOW],
  ['INTER_AGENCY_WORKFLOW', INTER_AGENCY_WORKFLOW],
])('engine properties on %s', (_name, def) => {
  const statusesAt = possibleStatuses(def);
  const allStates = [...statusesAt].flatMap(([step, statuses]) => [...statuses].map((s) => `${step}/${s}`));

  it('never reaches an undefined state, never returns without approval, stops at terminal states, and only accepts allowed actions', () => {
    const visited = new Set<string>(['intake/submitted']);
    fc.assert(
      fc.property(walk(80), (moves) => {
        let state: WorkflowState = initialState();
        let approved = false;
        for (const m of moves) {
          const [actor, action] = pick(def, state, m);
          const allowed = allowedActions(def, state, actor);
          const d = decide(def, state, action, actor, m.withNote ? { note: 'Ghi chú' } : {});

          // (c) terminal states accept no action and offer no button.
          if (isTerminalStatus(state.status)) {
            expect(d).toMatchObject({ ok: false, reason: 'TERMINAL' });
            expect(allowed).toEqual([]);
            continue;
          }
          if (!d.ok) {
            // Refused for any reason but a missing note: the desk shows no such button either.
            if (d.reason !== 'NOTE_REQUIRED') expect(allowed.map((a) => a.action)).not.toContain(action);
            continue;
          }
          // (d) every accepted transition is among the actor's allowed actions.
          expect(allowed).toContainEqual(
            expect.objectContaining({ action, toStep: d.transition.toStep, toStatus: d.transition.toStatus }),
          );
          if (action === 'approve') approved = true;
          state = next(state, d, SPECIALIST_IDS[m.assignee]!);
          visited.add(`${state.stepId}/${state.status}`);

          // (a) the state is a defined step with a status defined for it.
          expect(def.steps.map((s) => s.id)).toContain(state.stepId);
          expect(WORKFLOW_STATUSES).toContain(state.status);
          expect(statusesAt.get(state.stepId)!.has(state.status)).toBe(true);
          // (b) no result without an approval earlier in the sequence.
          if (state.status === 'returned' || state.status === 'result_ready') expect(approved).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
    // The walks covered every (step, status) of the definition, so the properties are not vacuous.
    expect(allStates.filter((s) => !visited.has(s))).toEqual([]);
  });

  it('offers only actions that decide accepts (given a note when one is required)', () => {
    fc.assert(
      fc.property(walk(40), (moves) => {
        let state: WorkflowState = initialState();
        for (const m of moves) {
          for (const actor of ACTOR_LIST) {
            for (const a of allowedActions(def, state, actor)) {
              expect(decide(def, state, a.action, actor, { note: 'Ghi chú' })).toMatchObject({ ok: true });
            }
          }
          const [actor, action] = pick(def, state, m);
          state = next(
            state,
            decide(def, state, action, actor, { note: 'Ghi chú' }),
            SPECIALIST_IDS[m.assignee]!,
          );
        }
      }),
      { numRuns: 100 },
    );
  });
});
