import { toLocalDate } from '@dvc/one-stop/calendar';

/** What a dossier code is built from. */
export interface DossierCodeParts {
  /** QCVN 102:2016/BTTTT code of the receiving unit, e.g. 000.31.00.H99. */
  agencyCode: string;
  /** Receipt day in Vietnam time, `YYYY-MM-DD`. */
  day: string;
  /** Sequence of the unit on that day, from 1. */
  seq: number;
}

/** Builds a dossier code; the format is configuration (some ministry adapters use another shape). */
export type DossierCodeFormat = (parts: DossierCodeParts) => string;

/**
 * TT 01/2018/TT-VPCP art. 19: `<agency code>-<yymmdd>-<sequence>`, the sequence at least 4 digits
 * (a 10 000th dossier of a unit in one day simply gets 5).
 */
export const tt01DossierCode: DossierCodeFormat = ({ agencyCode, day, seq }) => {
  const m = /^\d{2}(\d{2})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new RangeError(`Not a YYYY-MM-DD day: ${day}`);
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`Bad dossier sequence: ${seq}`);
  if (!agencyCode) throw new RangeError('Missing agency code');
  return `${agencyCode}-${m[1]}${m[2]}${m[3]}-${String(seq).padStart(4, '0')}`;
};

/** The day a dossier code is numbered under: the receipt day in Vietnam time (UTC+7). */
export function codeDay(receivedAt: Date): string {
  return toLocalDate(receivedAt);
}
