import type { SignatureRect, SignerCertificate } from '@dvc/platform/signature';
import { sniffKind } from '../attachments/media-type';

/** Size of the visible signature block (points): signer, unit and time, three lines. */
export const RESULT_BLOCK = { width: 250, height: 60 } as const;
const MARGIN = 36;

/**
 * Where the leader's visible signature goes on the last page: bottom right (where a decision's
 * signature stands), inside the margins; a page narrower than the block gets it at its left edge.
 */
export function resultSignatureRect(page: { width: number; height: number }): SignatureRect {
  const width = Math.min(RESULT_BLOCK.width, Math.max(page.width - 2 * MARGIN, 60));
  const height = Math.min(RESULT_BLOCK.height, Math.max(page.height - 2 * MARGIN, 24));
  return { x: Math.max(page.width - MARGIN - width, 0), y: Math.min(MARGIN, Math.max(page.height - height, 0)), width, height };
}

/** "CN=…, O=…" of the signing certificate, as recorded with the result. */
export function certificateSubject(cert: Pick<SignerCertificate, 'commonName' | 'organization'>): string {
  const parts = [cert.commonName && `CN=${cert.commonName}`, cert.organization && `O=${cert.organization}`].filter(Boolean);
  return parts.length ? parts.join(', ') : '(không rõ chủ thể chứng thư)';
}

/** The stored name of a dossier's e-result: "ket-qua-<dossier code>.pdf". */
export function resultFileName(dossierCode: string): string {
  return `ket-qua-${dossierCode.replace(/[^A-Za-z0-9.-]/g, '-')}.pdf`;
}

/** The result must be a PDF by its bytes (and its name): the message names the file otherwise. */
export function checkResultPdf(fileName: string, head: Uint8Array): string | null {
  if (head.length === 0) return `Tệp "${fileName}" rỗng`;
  if (sniffKind(head) !== 'pdf') return `Tệp "${fileName}" không phải tệp PDF; kết quả giải quyết phải là tệp PDF để ký số`;
  if (!/\.pdf$/i.test(fileName)) return `Tệp "${fileName}" có nội dung PDF nhưng không có phần mở rộng .pdf`;
  return null;
}
