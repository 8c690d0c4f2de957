import type { RequiredDocument } from '@dvc/shared/contracts';
import type { ReceivedDocument } from './receipt';

const COPY_FORM_LABELS: Record<RequiredDocument['form'], string> = {
  original: 'bản chính',
  copy: 'bản sao',
  certified_copy: 'bản sao có chứng thực',
  original_or_copy: 'bản chính hoặc bản sao',
};

/** A file attached to the dossier (dossier_document). */
export interface ReceivedFile {
  document_code: string;
  name: string;
  file_name: string;
}

/** "UBND phường Bình Minh" → "Bình Minh": the place name of the form's date line. */
export function placeOf(...agencyNames: (string | null)[]): string | undefined {
  for (const name of agencyNames) {
    const m = name?.match(/^(?:UBND|Ủy ban nhân dân)\s+(?:tỉnh|thành phố|xã|phường|đặc khu|thị trấn)\s+(.+)$/iu);
    if (m) return m[1].trim();
  }
  return undefined;
}

/**
 * The components received (Mẫu 01): each required component of the pinned version, and every
 * component the applicant attached files to (uploaded or reused from their document store), with the files.
 */
export function receivedDocuments(docs: RequiredDocument[], files: ReceivedFile[]): ReceivedDocument[] {
  const byCode = new Map<string, ReceivedFile[]>();
  for (const f of files) byCode.set(f.document_code, [...(byCode.get(f.document_code) ?? []), f]);
  const listed: ReceivedDocument[] = docs
    .filter((d) => d.required || byCode.has(d.code))
    .map((d) => ({ name: d.name, copies: d.copies, formLabel: COPY_FORM_LABELS[d.form] ?? null, files: (byCode.get(d.code) ?? []).map((f) => f.file_name) }));
  const known = new Set(docs.map((d) => d.code));
  for (const [code, rows] of byCode) {
    if (!known.has(code)) listed.push({ name: rows[0].name, files: rows.map((f) => f.file_name) });
  }
  return listed;
}
