import { FormWriter, FormPaper } from './form-layout';
import type { FormCommon, FormOfficer } from './form-types';
import { vnDate } from './vietnam-time';

/** One thing the applicant must supply or correct, with the reason. */
export interface SupplementItem {
  name: string;
  reason?: string | null;
}

/** The content of Mẫu 02 "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ". */
export interface SupplementRequestData extends FormCommon {
  items: SupplementItem[];
  /** The officer's general note on the request, printed under the list. */
  note?: string | null;
  /** The officer who guides the applicant (named, with a phone number, on the form). */
  officer: FormOfficer;
  /** Date by which the supplement is expected, if the procedure sets one. */
  deadline?: Date | null;
  paper?: FormPaper;
}

export const SUPPLEMENT_REQUEST_TITLE = 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ';

/**
 * Renders Mẫu 02 (TT 01/2018/TT-VPCP): an incomplete dossier is not received; the applicant is told
 * in writing, once and completely, what to add (NĐ 61/2018/NĐ-CP art. 19(2)(b)).
 */
export function renderSupplementRequest(data: SupplementRequestData): Promise<Buffer> {
  const f = FormWriter.create({ title: SUPPLEMENT_REQUEST_TITLE, subject: `Mã hồ sơ: ${data.dossierCode}`, creationDate: data.issuedAt, paper: data.paper });
  const deskName = data.agency.deskName ?? 'Bộ phận Một cửa';
  f.header(data.agency, data.issuedAt, data.number)
    .field('Mã hồ sơ', data.dossierCode)
    .title(SUPPLEMENT_REQUEST_TITLE.toLocaleUpperCase('vi'))
    .field(`${deskName} ${data.agency.name} tiếp nhận hồ sơ của`, data.applicant.name)
    .field('Nội dung yêu cầu giải quyết', `${data.procedure.name} (mã thủ tục ${data.procedure.code})`)
    .space(0.3)
    .paragraph(
      'Sau khi nghiên cứu, đối chiếu với các quy định hiện hành, hồ sơ của Ông/Bà chưa đầy đủ. ' +
        'Đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:',
      { align: 'justify' },
    )
    .list(data.items.map((i) => ({ text: i.name, detail: i.reason ? `Lý do: ${i.reason}` : undefined })));
  if (data.note) f.field('Ghi chú', data.note);
  if (data.deadline) f.field('Thời hạn bổ sung', `trước ${vnDate(data.deadline)}`);
  f.space(0.3).paragraph(
    `Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ với ${data.officer.name}` +
      (data.officer.phone ? `, số điện thoại ${data.officer.phone}` : '') +
      ' để được hướng dẫn.',
    { align: 'justify' },
  );
  f.signatures(null, { title: 'NGƯỜI HƯỚNG DẪN', note: '(Ký và ghi rõ họ tên)', name: data.officer.name });
  return f.end();
}
