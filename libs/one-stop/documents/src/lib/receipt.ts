import { DOSSIER_CHANNEL_LABELS } from '@dvc/shared/contracts';
import { FormWriter, FormPaper } from './form-layout';
import type { FormCommon, FormOfficer } from './form-types';
import { vnDateTime } from './vietnam-time';

/** One component of the dossier as received: paper copies and/or uploaded files. */
export interface ReceivedDocument {
  name: string;
  /** Number of copies (số bản); omitted for an electronic-only component. */
  copies?: number | null;
  /** Original, copy, certified copy … as the procedure asks for it. */
  formLabel?: string | null;
  /** Names of the files uploaded for this component. */
  files?: string[];
}

/** The content of Mẫu 01 "Giấy tiếp nhận hồ sơ và hẹn trả kết quả". */
export interface ReceiptData extends FormCommon {
  documents: ReceivedDocument[];
  /** Number of dossier sets (số lượng hồ sơ, bộ); 1 by default. */
  sets?: number;
  /** Legal time limit in working days; 0 = within the working day. */
  timeLimitDays: number;
  timeLimitNote?: string | null;
  /** Received at, per the working calendar (an online dossier outside office hours: next working day). */
  receivedAt: Date;
  /** Appointment to return the result (ngày hẹn trả). */
  dueAt: Date;
  /** Where the applicant receives the result, e.g. "Trực tuyến" or "Bộ phận Một cửa". */
  resultDelivery?: string | null;
  /** Entry in the tracking book (Mẫu 06). */
  trackingBook?: { volume: string; entry: number | string } | null;
  /** The officer who received the dossier, or null when the system received it online. */
  officer: FormOfficer | null;
  /** Where a citizen looks the dossier up by code (printed in the footer). */
  lookupUrl?: string | null;
  paper?: FormPaper;
}

export const RECEIPT_TITLE = 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả';

function documentDetail(d: ReceivedDocument): string | undefined {
  const parts: string[] = [];
  if (d.copies) parts.push(`Số lượng: ${String(d.copies).padStart(2, '0')} bản${d.formLabel ? ` (${d.formLabel})` : ''}`);
  else if (d.formLabel) parts.push(d.formLabel);
  if (d.files?.length) parts.push(`Tệp: ${d.files.join('; ')}`);
  return parts.length ? parts.join(' — ') : undefined;
}

/**
 * Renders Mẫu 01 (TT 01/2018/TT-VPCP; NĐ 61/2018/NĐ-CP art. 19: the receipt and appointment given
 * for a complete dossier). Pure: the same data gives the same bytes.
 */
export function renderReceipt(data: ReceiptData): Promise<Buffer> {
  const f = FormWriter.create({ title: RECEIPT_TITLE, subject: `Mã hồ sơ: ${data.dossierCode}`, creationDate: data.issuedAt, paper: data.paper });
  const deskName = data.agency.deskName ?? 'Bộ phận Một cửa';
  const a = data.applicant;
  f.header(data.agency, data.issuedAt, data.number)
    .field('Mã hồ sơ', data.dossierCode)
    .title(RECEIPT_TITLE.toLocaleUpperCase('vi'))
    .paragraph(`${deskName} ${data.agency.name}`)
    .field('Tiếp nhận hồ sơ của', a.name)
    .field('Số định danh cá nhân', a.identityNumber);
  if (a.address) f.field('Địa chỉ', a.address);
  f.fields([
    ['Số điện thoại', a.phone],
    ['Email', a.email],
  ])
    .field('Nội dung yêu cầu giải quyết', `${data.procedure.name} (mã thủ tục ${data.procedure.code})`)
    .paragraph('1. Thành phần hồ sơ nộp gồm:')
    .list(
      data.documents.map((d) => ({ text: d.name, detail: documentDetail(d) })),
      { empty: 'Biểu mẫu điện tử đã kê khai trực tuyến' },
    )
    .field('2. Số lượng hồ sơ', `${String(data.sets ?? 1).padStart(2, '0')} bộ`)
    .field(
      '3. Thời gian giải quyết hồ sơ theo quy định là',
      data.timeLimitDays > 0 ? `${data.timeLimitDays} ngày làm việc` : 'trong ngày làm việc',
    );
  if (data.timeLimitNote) f.paragraph(data.timeLimitNote, { italic: true, indent: 12 });
  f.field('4. Thời gian nhận hồ sơ', vnDateTime(data.receivedAt))
    .field('5. Thời gian trả kết quả giải quyết hồ sơ', vnDateTime(data.dueAt))
    .field('6. Hình thức nộp hồ sơ', DOSSIER_CHANNEL_LABELS[data.channel])
    .field('7. Đăng ký nhận kết quả tại', data.resultDelivery);
  if (data.trackingBook) f.paragraph(`Vào Sổ theo dõi hồ sơ, Quyển số: ${data.trackingBook.volume}, Số thứ tự: ${data.trackingBook.entry}`);
  f.signatures(
    { title: 'NGƯỜI NỘP HỒ SƠ', note: data.channel === 'online' ? '(Nộp trực tuyến)' : '(Ký và ghi rõ họ tên)', name: a.name },
    data.officer
      ? { title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', note: '(Ký và ghi rõ họ tên)', name: data.officer.name }
      : { title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', note: '(Tiếp nhận tự động trên hệ thống)', name: 'Hệ thống' },
  ).note(
    `Tra cứu tình trạng hồ sơ bằng mã hồ sơ ${data.dossierCode} và số điện thoại hoặc số định danh cá nhân của người nộp` +
      (data.lookupUrl ? ` tại ${data.lookupUrl}.` : '.'),
  );
  return f.end();
}
