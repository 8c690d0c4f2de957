import { atLocalTime, toLocalDate, type WorkingCalendar } from '@dvc/one-stop/calendar';
import { TIMED_STEP_KINDS, type WorkflowDefinition } from '@dvc/one-stop/workflow';
import type { DossierStatus, SlaState } from '@dvc/shared/contracts';
import { TERMINAL_DOSSIER_STATUSES } from '@dvc/shared/contracts';

const MINUTE = 60_000;

/** What a dossier's deadlines are computed from. */
export interface DossierClock {
  receivedAt: Date;
  timeLimitDays: number;
  dueAt: Date;
}

/** Working time (ms) from receipt to the legal due time, without pauses: the window steps share. */
export function workingWindow(calendar: WorkingCalendar, d: DossierClock): number {
  const receipt = calendar.receivedAt(d.receivedAt);
  return calendar.workingTimeBetween(
    receipt,
    calendar.dueDate({ receivedAt: receipt, workingDays: d.timeLimitDays }),
  );
}

/**
 * Due time of a step entered at `startedAt`: its share of the time limit, counted in working time
 * from when it received the dossier. A return step is due with the dossier; a step without a share
 * (intake) has no due time of its own; end steps have no row at all.
 */
export function stepDueAt(
  calendar: WorkingCalendar,
  def: WorkflowDefinition,
  stepId: string,
  startedAt: Date,
  d: DossierClock,
): Date | null {
  const step = def.steps.find((s) => s.id === stepId);
  if (!step || step.kind === 'end') return null;
  if (step.kind === 'return') return d.dueAt;
  const share = step.share ?? 0;
  if (share <= 0) return null;
  const ms = Math.floor((workingWindow(calendar, d) * share) / MINUTE) * MINUTE;
  return calendar.addWorkingTime(startedAt, ms);
}

/** Working milliseconds of one full working day under the calendar's office hours. */
export function dailyWorkingMs(calendar: WorkingCalendar): number {
  const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
  return calendar.officeHours.sessions.reduce(
    (sum, s) => sum + (minutes(s.end) - minutes(s.start)) * MINUTE,
    0,
  );
}

/** Share of the time limit still ahead: the current timed step's and the later ones' (definition order). */
export function remainingShare(def: WorkflowDefinition, currentStepId: string): number {
  const timed = def.steps.filter((s) => TIMED_STEP_KINDS.includes(s.kind));
  const i = timed.findIndex((s) => s.id === currentStepId);
  if (i < 0) return 0;
  return timed.slice(i).reduce((sum, s) => sum + (s.share ?? 0), 0);
}

/**
 * The new appointment proposed in Mẫu 04 for an overdue dossier: the due time (or now, if later)
 * plus the remaining share of the time limit — at least one working day — at the closing time of
 * that working day.
 */
export function proposedAppointment(
  calendar: WorkingCalendar,
  def: WorkflowDefinition,
  d: DossierClock & { stepId: string },
  now: Date,
): Date {
  const base = d.dueAt.getTime() > now.getTime() ? d.dueAt : now;
  const ms = Math.max(workingWindow(calendar, d) * remainingShare(def, d.stepId), dailyWorkingMs(calendar));
  const reached = calendar.addWorkingTime(base, Math.ceil(ms / MINUTE) * MINUTE);
  const closing = calendar.officeHours.sessions[calendar.officeHours.sessions.length - 1]!.end;
  return atLocalTime(toLocalDate(reached), closing);
}

/** The badge of a dossier's deadline. */
export function slaStateOf(
  calendar: WorkingCalendar,
  d: {
    status: DossierStatus;
    dueAt: Date;
    clockPausedAt: Date | null;
    overdueAt: Date | null;
    dueSoonAt: Date | null;
  },
  now: Date,
): SlaState {
  if (TERMINAL_DOSSIER_STATUSES.includes(d.status)) return 'closed';
  if (d.clockPausedAt) return 'paused';
  if (d.overdueAt || d.dueAt.getTime() <= now.getTime()) return 'overdue';
  if (d.dueSoonAt || calendar.workingTimeBetween(now, d.dueAt) <= dailyWorkingMs(calendar)) return 'due_soon';
  return 'on_time';
}
