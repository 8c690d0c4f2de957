import type { WorkflowActor, WorkflowState } from '../workflow-engine';
import type { StepUnit } from '../workflow-definition';

/** Test fixtures: a commune (receiving unit), the province department of the examples, the province. */
export const COMMUNE = 'unit-commune';
export const DEPARTMENT = 'unit-department';
export const PROVINCE = 'unit-province';

const official = (id: string, roles: WorkflowActor['roles'], unitIds: string[]): WorkflowActor => ({
  kind: 'official',
  id,
  roles,
  unitIds,
});

export const ACTORS = {
  citizen: { kind: 'citizen', id: 'citizen-1', roles: [], unitIds: [] } as WorkflowActor,
  system: { kind: 'system', id: 'system', roles: [], unitIds: [] } as WorkflowActor,
  intakeOfficer: official('intake-1', ['intake_officer'], [COMMUNE]),
  specialistA: official('specialist-a', ['specialist'], [COMMUNE]),
  specialistB: official('specialist-b', ['specialist'], [COMMUNE]),
  leader: official('leader-1', ['leader'], [COMMUNE]),
  systemAdmin: official('admin-1', ['system_admin', 'leader'], [COMMUNE]),
  agencyAdmin: official('agency-admin-1', ['agency_admin'], [COMMUNE]),
  otherUnitOfficer: official('intake-other', ['intake_officer', 'specialist', 'leader'], [PROVINCE]),
  deptIntakeOfficer: official('dept-intake-1', ['intake_officer'], [DEPARTMENT]),
  deptSpecialist: official('dept-specialist-1', ['specialist'], [DEPARTMENT]),
  deptSpecialistB: official('dept-specialist-2', ['specialist'], [DEPARTMENT]),
  deptLeader: official('dept-leader-1', ['leader'], [DEPARTMENT]),
} satisfies Record<string, WorkflowActor>;

/** Resolves a step's owner unit the way the desk service would. */
export function resolveUnit(unit: StepUnit, current: string): string {
  if (unit === 'receiving') return COMMUNE;
  if ('code' in unit) return DEPARTMENT;
  return current === COMMUNE ? PROVINCE : current;
}

export const initialState = (): WorkflowState => ({
  stepId: 'intake',
  status: 'submitted',
  assigneeId: null,
  unitId: COMMUNE,
});
