/**
 * `@dvc/one-stop/documents` — the one-stop forms of TT 01/2018/TT-VPCP rendered to PDF with an
 * embedded Unicode font (DejaVu Sans). Each form is a pure `render…(data) → Promise<Buffer>` built
 * on {@link FormWriter}.
 */
export type { FormAgency, FormApplicant, FormCommon, FormOfficer, FormProcedure } from './lib/form-types';
export { FormWriter, type FormDocumentOptions, type FormPaper, type SignatureBlock, type TableColumn } from './lib/form-layout';
export { renderReceipt, RECEIPT_TITLE, type ReceiptData, type ReceivedDocument } from './lib/receipt';
export { renderSupplementRequest, SUPPLEMENT_REQUEST_TITLE, type SupplementItem, type SupplementRequestData } from './lib/supplement-request';
export { renderRefusal, REFUSAL_TITLE, type RefusalData } from './lib/refusal';
export { renderApology, APOLOGY_TITLE, type ApologyData } from './lib/apology';
export { renderControlSheet, handOverResult, CONTROL_SHEET_TITLE, type ControlSheetData, type ControlSheetRow } from './lib/control-sheet';
export { placeOf, receivedDocuments, type ReceivedFile } from './lib/received-documents';
export { vnDate, vnDateTime, vnShortDateTime, vietnamTimeParts } from './lib/vietnam-time';
