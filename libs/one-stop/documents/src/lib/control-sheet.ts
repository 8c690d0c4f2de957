import { FormWriter, FormPaper } from './form-layout';
import type { FormCommon } from './form-types';
import { vietnamTimeParts, vnDateTime, vnShortDateTime } from './vietnam-time';

/** One hand-over of the dossier: who gave it, who received it, when, and how that step ended. */
export interface ControlSheetRow {
  stepName: string;
  /** Giver (unit — official); null for the first row, handed over by the applicant. */
  from: string | null;
  /** Receiver (unit — official). */
  to: string;
  handedOverAt: Date;
  /** Due time of the receiver's step; null when the step has no time limit of its own. */
  dueAt: Date | null;
  finishedAt: Date | null;
  /** Whether the step was finished by its due time; null while it is open. */
  onTime: boolean | null;
  note?: string | null;
}

/** The content of Mẫu 05 "Phiếu kiểm soát quá trình giải quyết hồ sơ". */
export interface ControlSheetData extends FormCommon {
  receivedAt: Date;
  dueAt: Date;
  rows: ControlSheetRow[];
  /** When the result was returned to the applicant: the last hand-over, against the dossier's due time. */
  returnedAt?: Date | null;
  /** A4 by default: the table needs the width. */
  paper?: FormPaper;
}

export const CONTROL_SHEET_TITLE = 'Phiếu kiểm soát quá trình giải quyết hồ sơ';

const sameVnDay = (a: Date, b: Date) => {
  const x = vietnamTimeParts(a);
  const y = vietnamTimeParts(b);
  return x.year === y.year && x.month === y.month && x.day === y.day;
};

/** "Trước hạn" (an earlier day than due), "Đúng hạn", "Quá hạn" (NĐ 118/2025 Mẫu 05), or still open. */
export function handOverResult(finishedAt: Date | null, dueAt: Date | null, onTime: boolean | null): string {
  if (!finishedAt) return 'Đang xử lý';
  if (onTime === false || (dueAt && finishedAt.getTime() > dueAt.getTime())) return 'Quá hạn';
  return dueAt && !sameVnDay(finishedAt, dueAt) ? 'Trước hạn' : 'Đúng hạn';
}

/**
 * Renders Mẫu 05 (TT 01/2018/TT-VPCP; NĐ 118/2025/NĐ-CP): every hand-over of the dossier, from the
 * applicant to the desk, between units and officials, to the return of the result, with the time,
 * the step's due time, the result (before/on time/late), notes and room for the signatures of the
 * giver and the receiver. The header row repeats on every page.
 */
export function renderControlSheet(data: ControlSheetData): Promise<Buffer> {
  const f = FormWriter.create({ title: CONTROL_SHEET_TITLE, subject: `Mã hồ sơ: ${data.dossierCode}`, creationDate: data.issuedAt, paper: data.paper ?? 'A4' });
  f.header(data.agency, data.issuedAt, data.number)
    .title(CONTROL_SHEET_TITLE.toLocaleUpperCase('vi'), '(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả)')
    .field('Mã hồ sơ', data.dossierCode)
    .field('Người nộp hồ sơ', data.applicant.name)
    .field('Thủ tục hành chính', `${data.procedure.name} (mã thủ tục ${data.procedure.code})`)
    .field('Thời gian nhận hồ sơ', vnDateTime(data.receivedAt))
    .field('Thời gian hẹn trả kết quả', vnDateTime(data.dueAt))
    .space(0.4);
  const rows = data.rows.map((r, i) => [
    String(i + 1),
    r.stepName,
    `Giao: ${r.from ?? `Người nộp hồ sơ ${data.applicant.name}`}\nNhận: ${r.to}`,
    vnShortDateTime(r.handedOverAt),
    r.dueAt ? vnShortDateTime(r.dueAt) : '—',
    handOverResult(r.finishedAt, r.dueAt, r.onTime) + (r.finishedAt ? `\nHoàn thành: ${vnShortDateTime(r.finishedAt)}` : ''),
    r.note ?? '',
    '',
  ]);
  if (data.returnedAt) {
    const last = data.rows[data.rows.length - 1];
    rows.push([
      String(rows.length + 1),
      'Trả kết quả cho người nộp hồ sơ',
      `Giao: ${last?.to ?? data.agency.name}\nNhận: Người nộp hồ sơ ${data.applicant.name}`,
      vnShortDateTime(data.returnedAt),
      vnShortDateTime(data.dueAt),
      handOverResult(data.returnedAt, data.dueAt, null),
      '',
      '',
    ]);
  }
  f.table(
    [
      { title: 'TT', width: 4, align: 'center' },
      { title: 'Bước xử lý', width: 12 },
      { title: 'Tên cơ quan, người giao và nhận hồ sơ', width: 25 },
      { title: 'Thời gian giao, nhận hồ sơ', width: 12 },
      { title: 'Hạn xử lý', width: 12 },
      { title: 'Kết quả (trước hạn/ đúng hạn/ quá hạn)', width: 14 },
      { title: 'Ghi chú', width: 11 },
      { title: 'Ký giao, nhận', width: 10 },
    ],
    rows,
  ).note('Thời gian ghi theo giờ Việt Nam (giờ:phút ngày/tháng/năm). Hạn xử lý là hạn của bước do cơ quan, người nhận hồ sơ thực hiện.');
  return f.end();
}
