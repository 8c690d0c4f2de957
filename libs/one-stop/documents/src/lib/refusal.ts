import { FormWriter, FormPaper } from './form-layout';
import type { FormCommon, FormOfficer } from './form-types';

/** The content of Mẫu 03 "Phiếu từ chối tiếp nhận giải quyết hồ sơ". */
export interface RefusalData extends FormCommon {
  /** The specific reason, citing the rule the dossier does not meet. */
  reason: string;
  officer: FormOfficer;
  paper?: FormPaper;
}

export const REFUSAL_TITLE = 'Phiếu từ chối tiếp nhận giải quyết hồ sơ';

/** Renders Mẫu 03 (TT 01/2018/TT-VPCP): a dossier outside the rules is refused with its reason. */
export function renderRefusal(data: RefusalData): Promise<Buffer> {
  const f = FormWriter.create({ title: REFUSAL_TITLE, subject: `Mã hồ sơ: ${data.dossierCode}`, creationDate: data.issuedAt, paper: data.paper });
  const deskName = data.agency.deskName ?? 'Bộ phận Một cửa';
  const a = data.applicant;
  f.header(data.agency, data.issuedAt, data.number)
    .field('Mã hồ sơ', data.dossierCode)
    .title(REFUSAL_TITLE.toLocaleUpperCase('vi'))
    .paragraph(`${deskName} ${data.agency.name} tiếp nhận hồ sơ đề nghị giải quyết thủ tục hành chính:`)
    .paragraph(`${data.procedure.name} (mã thủ tục ${data.procedure.code})`, { bold: true, indent: 12 })
    .field('Của Ông/Bà', a.name)
    .field('Số định danh cá nhân', a.identityNumber);
  if (a.address) f.field('Địa chỉ', a.address);
  f.fields([
    ['Số điện thoại', a.phone],
    ['Email', a.email],
  ])
    .space(0.3)
    .paragraph(
      `Sau khi nghiên cứu các quy định của pháp luật, ${deskName} ${data.agency.name} từ chối tiếp nhận, ` +
        'giải quyết hồ sơ này với lý do cụ thể như sau:',
      { align: 'justify' },
    )
    .paragraph(data.reason, { bold: true, indent: 12, align: 'justify' })
    .space(0.3)
    .paragraph('Xin thông báo cho Ông/Bà được biết và thực hiện./.')
    .signatures(null, { title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', note: '(Ký và ghi rõ họ tên)', name: data.officer.name });
  return f.end();
}
