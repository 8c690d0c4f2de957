import { OFFICIAL_SCHEDULES_2024_2026, WorkingCalendar } from '@dvc/one-stop/calendar';
import { DEFAULT_WORKFLOW, INTER_AGENCY_WORKFLOW } from '@dvc/one-stop/workflow';
import {
  dailyWorkingMs,
  proposedAppointment,
  remainingShare,
  slaStateOf,
  stepDueAt,
  workingWindow,
} from './deadlines';
import { decodeCursor, encodeCursor } from './desk-query.service';

const calendar = new WorkingCalendar(OFFICIAL_SCHEDULES_2024_2026);
const HOUR = 3_600_000;
// Mon 2/3/2026 09:00 Vietnam time; 3 working days → due Thu 5/3/2026 17:00.
const receivedAt = new Date('2026-03-02T02:00:00Z');
const clock = { receivedAt, timeLimitDays: 3, dueAt: calendar.dueDate({ receivedAt, workingDays: 3 }) };

describe('step deadlines', () => {
  it('splits the working window by the steps’ shares, counted from when each step starts', () => {
    expect(clock.dueAt.toISOString()).toBe('2026-03-05T10:00:00.000Z');
    const window = workingWindow(calendar, clock);
    expect(window).toBe(calendar.workingTimeBetween(receivedAt, clock.dueAt));
    const processing = stepDueAt(calendar, DEFAULT_WORKFLOW, 'processing', receivedAt, clock)!;
    expect(calendar.workingTimeBetween(receivedAt, processing)).toBe(
      Math.floor((window * 0.7) / 60_000) * 60_000,
    );
    // A step that starts late still gets its whole share.
    const lateStart = new Date('2026-03-04T02:00:00Z');
    const approval = stepDueAt(calendar, DEFAULT_WORKFLOW, 'approval', lateStart, clock)!;
    expect(calendar.workingTimeBetween(lateStart, approval)).toBe(
      Math.floor((window * 0.3) / 60_000) * 60_000,
    );
  });

  it('gives intake no own due time, the return step the dossier’s, end steps nothing', () => {
    expect(stepDueAt(calendar, DEFAULT_WORKFLOW, 'intake', receivedAt, clock)).toBeNull();
    expect(stepDueAt(calendar, DEFAULT_WORKFLOW, 'return', receivedAt, clock)).toEqual(clock.dueAt);
    expect(stepDueAt(calendar, DEFAULT_WORKFLOW, 'returned', receivedAt, clock)).toBeNull();
    expect(stepDueAt(calendar, DEFAULT_WORKFLOW, 'nope', receivedAt, clock)).toBeNull();
  });

  it('counts the remaining share from the current timed step on', () => {
    expect(remainingShare(DEFAULT_WORKFLOW, 'processing')).toBeCloseTo(1);
    expect(remainingShare(DEFAULT_WORKFLOW, 'approval')).toBeCloseTo(0.3);
    expect(remainingShare(DEFAULT_WORKFLOW, 'return')).toBe(0);
    expect(remainingShare(INTER_AGENCY_WORKFLOW, 'department_processing')).toBeCloseTo(0.65);
  });

  it('proposes a Mẫu 04 appointment after now, at closing time, at least one working day ahead', () => {
    const now = new Date('2026-03-09T03:00:00Z'); // Mon 9/3 10:00, overdue since Thu 5/3
    const proposed = proposedAppointment(calendar, DEFAULT_WORKFLOW, { ...clock, stepId: 'return' }, now);
    expect(proposed.toISOString()).toBe('2026-03-10T10:00:00.000Z'); // Tue 10/3 17:00
    const fromProcessing = proposedAppointment(
      calendar,
      DEFAULT_WORKFLOW,
      { ...clock, stepId: 'processing' },
      now,
    );
    // The whole window again (30.5 working hours from Mon 10:00 ends Fri 08:30): Fri 13/3 17:00.
    expect(fromProcessing.toISOString()).toBe('2026-03-13T10:00:00.000Z');
  });

  it('derives the SLA badge', () => {
    const d = {
      status: 'processing' as const,
      dueAt: clock.dueAt,
      clockPausedAt: null,
      overdueAt: null,
      dueSoonAt: null,
    };
    expect(dailyWorkingMs(calendar)).toBe(8 * HOUR);
    expect(slaStateOf(calendar, d, receivedAt)).toBe('on_time');
    expect(slaStateOf(calendar, d, new Date('2026-03-04T10:00:00Z'))).toBe('due_soon');
    expect(slaStateOf(calendar, d, new Date('2026-03-05T10:00:00Z'))).toBe('overdue');
    expect(slaStateOf(calendar, { ...d, clockPausedAt: receivedAt }, new Date('2026-03-06T10:00:00Z'))).toBe(
      'paused',
    );
    expect(slaStateOf(calendar, { ...d, status: 'returned' }, new Date('2026-03-06T10:00:00Z'))).toBe(
      'closed',
    );
  });
});

describe('inbox cursor', () => {
  it('round-trips (due date, id) and refuses garbage', () => {
    const id = '4f0c3a5e-8a55-4c8e-9a44-2f8f0d0b7c11';
    expect(decodeCursor(encodeCursor(clock.dueAt, id))).toEqual({ dueAt: clock.dueAt, id });
    expect(() => decodeCursor('garbage')).toThrow();
    expect(() => decodeCursor(Buffer.from('2026-01-01|not-a-uuid').toString('base64url'))).toThrow();
  });
});
