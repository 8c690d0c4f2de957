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

/**
 * How dossier codes are built: a prefix of the unit and day, then the sequence padded to at least
 * `minDigits` (never cut). Data rather than a function, so the database can number and format a
 * dossier in the statement that inserts it (see `dossierCodeSql`).
 */
export interface DossierCodeFormat {
  prefix(parts: Omit<DossierCodeParts, 'seq'>): string;
  minDigits: number;
}

/**
 * TT 01/2018/TT-VPCP art. 19: `<agency code>-<yymmdd>-<sequence>`, the sequence at least 4 digits
 * (a 10 000th dossier of a unit in one day simply gets 5).
 */
export const tt01DossierCode: DossierCodeFormat = {
  prefix: ({ agencyCode, day }) => {
    const m = /^\d{2}(\d{2})-(\d{2})-(\d{2})$/.exec(day);
    if (!m) throw new RangeError(`Not a YYYY-MM-DD day: ${day}`);
    if (!agencyCode) throw new RangeError('Missing agency code');
    return `${agencyCode}-${m[1]}${m[2]}${m[3]}-`;
  },
  minDigits: 4,
};

/**
 * A code in SQL: the prefix, then the sequence padded to at least `minDigits` (never cut). `prefix` and
 * `minDigits` are parameters, `seq` an integer expression.
 */
export const dossierCodeSql = (prefix: string, minDigits: string, seq: string): string =>
  `${prefix}::text || lpad(${seq}::text, greatest(${minDigits}::int, length(${seq}::text)), '0')`;

/** The day a dossier code is numbered under: the receipt day in Vietnam time (UTC+7). */
export function codeDay(receivedAt: Date): string {
  return toLocalDate(receivedAt);
}
