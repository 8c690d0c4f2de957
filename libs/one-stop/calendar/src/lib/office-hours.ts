/**
 * An agency's office hours (giờ làm việc): one or more sessions per working day, in Vietnam time.
 * The same sessions apply on every working day, make-up Saturdays included.
 */
import { parseClock } from './local-date';

/** One office session, `HH:MM`–`HH:MM` Vietnam time; `end` is exclusive. */
export interface OfficeSession {
  start: string;
  end: string;
}

/** Office hours of an agency. */
export interface OfficeHours {
  /** Sessions in chronological order, not overlapping, e.g. morning and afternoon. */
  sessions: readonly OfficeSession[];
  /**
   * Reception sessions on Saturdays that are days off only for being Saturdays (some one-stop desks
   * receive on Saturday mornings). A dossier received then is received that day, but the Saturday
   * stays a day off: it adds no working time and time limits count from the next working day.
   */
  saturday?: readonly OfficeSession[];
}

/**
 * Default office hours: 07:30–11:30 and 13:00–17:00 (8 hours), Monday–Friday plus make-up Saturdays.
 * Agencies configure their own (many provincial systems use 07:00–11:30, 13:30–17:00).
 */
export const DEFAULT_OFFICE_HOURS: OfficeHours = Object.freeze({
  sessions: Object.freeze([
    Object.freeze({ start: '07:30', end: '11:30' }),
    Object.freeze({ start: '13:00', end: '17:00' }),
  ]),
});

/** Office hours as minute ranges after local midnight. */
export interface CompiledOfficeHours {
  /** `[startMinute, endMinute)` pairs, sorted, disjoint. */
  sessions: readonly (readonly [number, number])[];
  /** Minute of the first session's start. */
  opening: number;
  /** Minute of the last session's end. */
  closing: number;
  /** Working minutes in a full working day. */
  dailyMinutes: number;
  /** Saturday reception sessions as minute ranges; empty when the agency does not receive on Saturdays. */
  saturday: readonly (readonly [number, number])[];
}

/** Validates office hours and converts them to minutes; throws `RangeError` when invalid. */
export function compileOfficeHours(hours: OfficeHours): CompiledOfficeHours {
  if (!hours || !Array.isArray(hours.sessions) || hours.sessions.length === 0) {
    throw new RangeError('Office hours need at least one session');
  }
  const sessions = compileSessions(hours.sessions);
  const saturday = compileSessions(hours.saturday ?? []);
  const first = sessions[0] as readonly [number, number];
  const last = sessions[sessions.length - 1] as readonly [number, number];
  return {
    sessions,
    opening: first[0],
    closing: last[1],
    dailyMinutes: sessions.reduce((sum, [s, e]) => sum + (e - s), 0),
    saturday,
  };
}

function compileSessions(list: readonly OfficeSession[]): (readonly [number, number])[] {
  if (!Array.isArray(list)) throw new RangeError('Office sessions must be a list');
  const sessions = list.map((s) => [parseClock(s.start), parseClock(s.end)] as const);
  let previousEnd = -1;
  for (const [start, end] of sessions) {
    if (start >= end) throw new RangeError(`Office session must end after it starts: ${start}–${end} min`);
    if (start < previousEnd) throw new RangeError('Office sessions must be in order and must not overlap');
    previousEnd = end;
  }
  return sessions;
}
