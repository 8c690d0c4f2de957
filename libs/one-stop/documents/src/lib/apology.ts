import { FormWriter, FormPaper } from './form-layout';
import type { FormCommon } from './form-types';
import { vnDate, vnDateTime } from './vietnam-time';

/** The content of Mẫu 04 "Phiếu xin lỗi và hẹn lại ngày trả kết quả". */
export interface ApologyData extends FormCommon {
  /** When the dossier was received (the date on Mẫu 01). */
  receivedAt: Date;
  /** The appointment that was missed (Mẫu 01's, or the previous apology's). */
  originalDueAt: Date;
  /** Why the result is late, as the unit wrote it when issuing. */
  reason: string;
  /** The new appointment to return the result. */
  newDueAt: Date;
  /** Who signs for the unit (head of the unit or the one-stop desk); dots when not issued yet. */
  signer?: { title?: string; name?: string | null } | null;
  /** A draft not yet issued: marked as such on the form. */
  draft?: boolean;
  paper?: FormPaper;
}

export const APOLOGY_TITLE = 'Phiếu xin lỗi và hẹn lại ngày trả kết quả';

/**
 * Renders Mẫu 04 (TT 01/2018/TT-VPCP; NĐ 118/2025/NĐ-CP): a dossier returned late is apologised for
 * in writing, with the reason and a new appointment date.
 */
export function renderApology(data: ApologyData): Promise<Buffer> {
  const f = FormWriter.create({ title: APOLOGY_TITLE, subject: `Mã hồ sơ: ${data.dossierCode}`, creationDate: data.issuedAt, paper: data.paper });
  const unit = data.agency.name;
  const a = data.applicant;
  f.header(data.agency, data.issuedAt, data.number)
    .title(APOLOGY_TITLE.toLocaleUpperCase('vi'), data.draft ? '(Dự thảo — chưa phát hành)' : undefined)
    .paragraph(`Kính gửi: Ông/Bà ${a.name}`, { bold: true, align: 'center' });
  const contact = [a.address && `Địa chỉ: ${a.address}`, a.phone && `Số điện thoại: ${a.phone}`].filter(Boolean).join('; ');
  if (contact) f.paragraph(`(${contact})`, { italic: true, align: 'center' });
  f.space(0.4)
    .paragraph(
      `Ngày ${vnDate(data.receivedAt).replace(/^ngày /, '')}, ${unit} tiếp nhận giải quyết hồ sơ đề nghị giải quyết thủ tục hành chính ` +
        `${data.procedure.name} (mã thủ tục ${data.procedure.code}) của Ông/Bà.`,
      { align: 'justify' },
    )
    .field('Mã hồ sơ', data.dossierCode)
    .field('Thời gian hẹn trả kết quả giải quyết hồ sơ', vnDateTime(data.originalDueAt))
    .paragraph(`Tuy nhiên đến nay, ${unit} chưa trả kết quả giải quyết hồ sơ của Ông/Bà đúng thời hạn.`, { align: 'justify' })
    .field('Lý do', data.reason)
    .paragraph(
      `Sự chậm trễ này đã gây phiền hà, tốn kém chi phí đi lại của Ông/Bà. ${unit} xin lỗi Ông/Bà và hẹn lại thời gian trả kết quả giải quyết hồ sơ:`,
      { align: 'justify' },
    )
    .paragraph(vnDateTime(data.newDueAt), { bold: true, indent: 12 })
    .paragraph('Xin trân trọng cảm ơn sự hợp tác của Ông/Bà./.')
    .signatures(null, {
      title: (data.signer?.title ?? `Thủ trưởng ${unit}`).toLocaleUpperCase('vi'),
      note: '(Ký, ghi rõ họ tên và đóng dấu)',
      name: data.signer?.name,
    });
  return f.end();
}
