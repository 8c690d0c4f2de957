import { DONG_BO_HO_SO_DATE_FIELDS, parsePortalDate } from '@dvc/platform/national-portal';

export type UpdateOutcome = 'accepted' | 'duplicate' | 'out_of_order';

/** What the portal holds of a dossier: the record of the newest version it accepted. */
export interface HeldDossier {
  maHoSo: string;
  madonvi: string;
  version: number;
  status: number;
  record: Record<string, unknown>;
  receivedCount: number;
  firstReceivedAt: number;
  updatedAt: number;
}

/** Every update the portal received, in arrival order. */
export interface ReceivedUpdate {
  seq: number;
  maHoSo: string;
  version: number;
  status: number;
  at: number;
  outcome: UpdateOutcome;
}

export interface SimCounts {
  requests: number;
  logins: number;
  /** DongBoHoSoMC records received (valid ones). */
  received: number;
  accepted: number;
  /** Same version as held: a re-delivery. */
  duplicates: number;
  /** Older version than held: arrived out of order, dropped. */
  outOfOrder: number;
  /** Records refused by validation. */
  rejected: number;
  /** isUpdating "False" for a dossier already held, or "True" for an unknown one. */
  isUpdatingMismatch: number;
  lookups: number;
  faults: { errors: number; timeouts: number; resets: number; droppedResponses: number };
}

const emptyCounts = (): SimCounts => ({
  requests: 0,
  logins: 0,
  received: 0,
  accepted: 0,
  duplicates: 0,
  outOfOrder: 0,
  rejected: 0,
  isUpdatingMismatch: 0,
  lookups: 0,
  faults: { errors: 0, timeouts: 0, resets: 0, droppedResponses: 0 },
});

const REQUIRED_TEXT = ['MaHoSo', 'MaTTHC'] as const;

/** Checks a DongBoHoSoMC record as the portal would; returns the problems (none = valid). */
export function validateRecord(r: unknown): string[] {
  if (!r || typeof r !== 'object' || Array.isArray(r)) return ['bản ghi phải là một đối tượng'];
  const rec = r as Record<string, unknown>;
  const errors: string[] = [];
  for (const f of REQUIRED_TEXT) {
    if (typeof rec[f] !== 'string' || !(rec[f] as string).trim()) errors.push(`${f} là bắt buộc`);
  }
  if (typeof rec['MaHoSo'] === 'string' && rec['MaHoSo'].length > 64) errors.push('MaHoSo dài quá 64 ký tự');
  const status = Number(rec['TrangThaiHoSo']);
  if (!Number.isInteger(status) || status < 1 || status > 10) errors.push('TrangThaiHoSo phải là số nguyên từ 1 đến 10');
  if (rec['KenhThucHien'] !== undefined && ![1, 2, 3].includes(Number(rec['KenhThucHien']))) errors.push('KenhThucHien phải là 1, 2 hoặc 3');
  const version = rec['PhienBan'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) errors.push('PhienBan phải là số nguyên dương');
  for (const f of DONG_BO_HO_SO_DATE_FIELDS) {
    const v = rec[f];
    if (v === undefined || v === null || v === '') continue;
    if (typeof v !== 'string' || !parsePortalDate(v)) errors.push(`${f} phải có dạng yyyyMMddHHmmss`);
  }
  return errors;
}

/** The portal's memory: in-process, reset by POST /sim/reset. */
export class PortalStore {
  readonly dossiers = new Map<string, HeldDossier>();
  readonly log: ReceivedUpdate[] = [];
  counts = emptyCounts();

  /** Upserts a valid record unless the held version is the same or newer. */
  receive(madonvi: string, record: Record<string, unknown>, isUpdating: boolean, now = Date.now()): UpdateOutcome {
    const maHoSo = String(record['MaHoSo']);
    const version = Number(record['PhienBan']);
    const status = Number(record['TrangThaiHoSo']);
    const held = this.dossiers.get(maHoSo);
    this.counts.received++;
    if (isUpdating !== !!held) this.counts.isUpdatingMismatch++;
    let outcome: UpdateOutcome;
    if (held && version === held.version) outcome = 'duplicate';
    else if (held && version < held.version) outcome = 'out_of_order';
    else outcome = 'accepted';
    if (outcome === 'accepted') {
      this.counts.accepted++;
      this.dossiers.set(maHoSo, {
        maHoSo,
        madonvi,
        version,
        status,
        record: { ...record },
        receivedCount: (held?.receivedCount ?? 0) + 1,
        firstReceivedAt: held?.firstReceivedAt ?? now,
        updatedAt: now,
      });
    } else {
      held!.receivedCount++;
      if (outcome === 'duplicate') this.counts.duplicates++;
      else this.counts.outOfOrder++;
    }
    this.log.push({ seq: this.log.length + 1, maHoSo, version, status, at: now, outcome });
    return outcome;
  }

  reset(): void {
    this.dossiers.clear();
    this.log.length = 0;
    this.counts = emptyCounts();
  }
}
