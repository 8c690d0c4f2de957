/**
 * `@dvc/one-stop/documents` — the one-stop forms of TT 01/2018/TT-VPCP rendered to PDF with an
 * embedded Unicode font (DejaVu Sans). Each form is a pure `render…(data) → Promise<Buffer>` built
 * on {@link FormWriter}; Mẫu 04–06 are added the same way.
 */
export type { FormAgency, FormApplicant, FormCommon, FormOfficer, FormProcedure } from './lib/form-types';
export { FormWriter, type FormDocumentOptions, type FormPaper, type SignatureBlock } from './lib/form-layout';
export { renderReceipt, RECEIPT_TITLE, type ReceiptData, type ReceivedDocument } from './lib/receipt';
export { renderSupplementRequest, SUPPLEMENT_REQUEST_TITLE, type SupplementItem, type SupplementRequestData } from './lib/supplement-request';
export { renderRefusal, REFUSAL_TITLE, type RefusalData } from './lib/refusal';
export { vnDate, vnDateTime, vietnamTimeParts } from './lib/vietnam-time';
