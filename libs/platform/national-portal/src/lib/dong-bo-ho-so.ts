import { DOSSIER_STATUS_PORTAL_CODE } from '@dvc/shared/contracts';
import type { DossierChannel, DossierStatus } from '@dvc/shared/contracts';
import { portalDate } from './portal-date';

/** KenhThucHien: 1 direct (at the desk), 2 online, 3 public postal service (BCCI). */
export const KENH_THUC_HIEN: Record<DossierChannel, 1 | 2 | 3> = { desk: 1, online: 2, post: 3 };

/** What the sync reads of a dossier, in one statement, with its sync version. */
export interface DossierSyncSnapshot {
  id: string;
  code: string;
  status: DossierStatus;
  channel: DossierChannel;
  procedureCode: string;
  procedureName: string;
  fieldCode: string;
  fieldName: string;
  agencyCode: string;
  agencyName: string;
  applicantName: string;
  applicantIdentityNumber: string;
  applicantPhone: string | null;
  applicantEmail: string | null;
  submittedAt: Date;
  receivedAt: Date;
  dueAt: Date;
  /** When processing ended (result ready, refused, stopped, withdrawn), if it did. */
  finishedAt: Date | null;
  /** When the result was handed over, if it was. */
  returnedAt: Date | null;
  /** When intake refused the dossier, if it did. */
  refusedAt: Date | null;
  /** Monotonic per dossier: the number of its status-change outbox rows. */
  version: number;
  /** When the change that produced this version happened. */
  eventAt: Date;
}

/**
 * One record of DongBoHoSoMC (DOMAIN-REFERENCE §5.1, exact field names). Dates are
 * `yyyyMMddHHmmss` in Vietnam time, '' when absent. `PhienBan` and `NgayCapNhat` are ours: the
 * per-dossier version and the time of the change, so that the receiver can drop stale updates.
 */
export interface DongBoHoSoRecord {
  MaHoSo: string;
  MaTTHC: string;
  TenTTHC: string;
  MaLinhVuc: string;
  TenLinhVuc: string;
  KenhThucHien: 1 | 2 | 3;
  ChuHoSo: string;
  /** 1 = citizen (OpenCPS convention; the only applicants we have). */
  LoaiDoiTuong: 1;
  SoDinhDanh: string;
  SoDienThoai: string;
  Email: string;
  NgayNopHoSo: string;
  NgayTiepNhan: string;
  NgayHenTra: string;
  TrangThaiHoSo: number;
  NgayTra: string;
  NgayKetThucXuLy: string;
  NgayTuChoi: string;
  DonViXuLy: string;
  PhienBan: number;
  NgayCapNhat: string;
}

const NOT_RECEIVED: readonly DossierStatus[] = ['submitted', 'refused'];
const FINISHED: readonly DossierStatus[] = ['result_ready', 'returned', 'refused', 'stopped', 'withdrawn'];

/** Builds the DongBoHoSoMC record of a dossier's current state; the status code comes from contracts. */
export function buildDongBoHoSoRecord(s: DossierSyncSnapshot): DongBoHoSoRecord {
  const received = !NOT_RECEIVED.includes(s.status);
  const finished = FINISHED.includes(s.status);
  return {
    MaHoSo: s.code,
    MaTTHC: s.procedureCode,
    TenTTHC: s.procedureName,
    MaLinhVuc: s.fieldCode,
    TenLinhVuc: s.fieldName,
    KenhThucHien: KENH_THUC_HIEN[s.channel],
    ChuHoSo: s.applicantName,
    LoaiDoiTuong: 1,
    SoDinhDanh: s.applicantIdentityNumber,
    SoDienThoai: s.applicantPhone ?? '',
    Email: s.applicantEmail ?? '',
    NgayNopHoSo: portalDate(s.submittedAt),
    // An online dossier not yet accepted at the desk (status 1) or refused (3) was never received.
    NgayTiepNhan: received ? portalDate(s.receivedAt) : '',
    NgayHenTra: received ? portalDate(s.dueAt) : '',
    TrangThaiHoSo: DOSSIER_STATUS_PORTAL_CODE[s.status],
    NgayTra: s.status === 'returned' ? portalDate(s.returnedAt ?? s.eventAt) : '',
    NgayKetThucXuLy: finished ? portalDate(s.finishedAt ?? s.eventAt) : '',
    NgayTuChoi: s.status === 'refused' ? portalDate(s.refusedAt ?? s.eventAt) : '',
    DonViXuLy: s.agencyName,
    PhienBan: s.version,
    NgayCapNhat: portalDate(s.eventAt),
  };
}

/** Date fields of a DongBoHoSoMC record (checked by the simulator). */
export const DONG_BO_HO_SO_DATE_FIELDS = ['NgayNopHoSo', 'NgayTiepNhan', 'NgayHenTra', 'NgayTra', 'NgayKetThucXuLy', 'NgayTuChoi', 'NgayCapNhat'] as const;
