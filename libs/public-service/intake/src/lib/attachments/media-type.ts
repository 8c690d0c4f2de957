/**
 * File types decided from the bytes, not the name: a small, dependency-free sniffer over the first
 * bytes of a file (SNIFF_BYTES). Only the types in ALLOWED_MEDIA_TYPES are accepted as attachments.
 */

/** How many leading bytes the sniffer looks at (enough for the ZIP entries of an Office file). */
export const SNIFF_BYTES = 64 * 1024;

export const MEDIA_TYPES = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export type AllowedKind = keyof typeof MEDIA_TYPES;
/** What the sniffer can tell; everything but the allowed kinds is refused. */
export type SniffedKind = AllowedKind | 'executable' | 'html' | 'zip' | 'ole' | 'unknown';

/** File name extensions (lower case, no dot) that each allowed type may carry. */
export const EXTENSIONS: Record<AllowedKind, readonly string[]> = {
  pdf: ['pdf'],
  jpeg: ['jpg', 'jpeg', 'jpe', 'jfif'],
  png: ['png'],
  docx: ['docx'],
  xlsx: ['xlsx'],
};

/** Vietnamese names of the kinds, for error messages. */
export const KIND_LABELS: Record<SniffedKind, string> = {
  pdf: 'tệp PDF',
  jpeg: 'ảnh JPEG',
  png: 'ảnh PNG',
  docx: 'văn bản Word (DOCX)',
  xlsx: 'bảng tính Excel (XLSX)',
  executable: 'chương trình thực thi',
  html: 'trang web (HTML/XML)',
  zip: 'tệp nén ZIP',
  ole: 'tệp Office cũ (DOC/XLS)',
  unknown: 'loại tệp không xác định',
};

export function isAllowedKind(k: SniffedKind): k is AllowedKind {
  return k in MEDIA_TYPES;
}

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const PDF = ascii('%PDF-');
const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const EXECUTABLES = [
  ascii('MZ'), // Windows PE / DOS
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0xfe, 0xed, 0xfa, 0xce], [0xfe, 0xed, 0xfa, 0xcf], [0xce, 0xfa, 0xed, 0xfe], [0xcf, 0xfa, 0xed, 0xfe], // Mach-O
  [0xca, 0xfe, 0xba, 0xbe], // Mach-O universal / Java class
  ascii('#!'), // script with an interpreter line
  [0x00, 0x61, 0x73, 0x6d], // WebAssembly
];
const MARKUP = /^(<!doctype\s+html|<html|<head|<body|<script|<iframe|<svg|<\?xml|<!--|<meta|<title|<div|<a\s|<img|<style|<object|<embed)/i;

/**
 * Names of the entries of a ZIP archive found in its head: walks the local file headers, skipping
 * each entry's data when its size is known, else searching for the next header.
 */
export function zipEntryNames(b: Uint8Array, max = 200): string[] {
  const names: string[] = [];
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let p = 0;
  while (names.length < max && p + 30 <= b.length && startsWith(b, ZIP_LOCAL, p)) {
    const flags = view.getUint16(p + 6, true);
    const compressed = view.getUint32(p + 18, true);
    const nameLen = view.getUint16(p + 26, true);
    const extraLen = view.getUint16(p + 28, true);
    if (p + 30 + nameLen > b.length) break;
    names.push(Buffer.from(b.subarray(p + 30, p + 30 + nameLen)).toString(flags & 0x800 ? 'utf8' : 'latin1'));
    const dataAt = p + 30 + nameLen + extraLen;
    // Bit 3: sizes follow the data in a descriptor; find the next header instead.
    if (flags & 0x08 || compressed === 0xffffffff) {
      const next = Buffer.from(b.buffer, b.byteOffset, b.byteLength).indexOf(Buffer.from(ZIP_LOCAL), dataAt);
      if (next < 0) break;
      p = next;
    } else {
      p = dataAt + compressed;
    }
  }
  return names;
}

/** Tells the kind of a file from its first bytes (pass at least SNIFF_BYTES, or the whole file if shorter). */
export function sniffKind(head: Uint8Array): SniffedKind {
  // A PDF must begin with its header: an HTML page or program with "%PDF-" further in is not a PDF.
  if (startsWith(head, PDF) && /^%PDF-\d\.\d/.test(Buffer.from(head.subarray(0, 8)).toString('latin1'))) return 'pdf';
  if (startsWith(head, PNG)) return 'png';
  if (startsWith(head, JPEG)) return 'jpeg';
  if (startsWith(head, ZIP_LOCAL)) {
    const names = zipEntryNames(head);
    if (names.includes('[Content_Types].xml')) {
      if (names.some((n) => n.startsWith('word/'))) return 'docx';
      if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
    }
    return 'zip';
  }
  if (startsWith(head, OLE)) return 'ole';
  if (EXECUTABLES.some((sig) => startsWith(head, sig))) return 'executable';
  const text = Buffer.from(head.subarray(0, 1024))
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (MARKUP.test(text)) return 'html';
  return 'unknown';
}

/** The lower-case extension of a file name, without the dot ('' when there is none). */
export function extensionOf(fileName: string): string {
  const m = /\.([A-Za-z0-9]{1,10})$/.exec(fileName);
  return m ? m[1].toLowerCase() : '';
}

export type MediaTypeCheck = { ok: true; kind: AllowedKind; mediaType: string } | { ok: false; kind: SniffedKind; message: string };

/**
 * Decides whether a file may be attached: its bytes must be one of the allowed types, and its name
 * must carry an extension of that type (a PNG named .pdf, or a program named .pdf, is refused).
 */
export function checkMediaType(fileName: string, head: Uint8Array): MediaTypeCheck {
  const kind = sniffKind(head);
  const ext = extensionOf(fileName);
  if (!isAllowedKind(kind)) {
    const what = kind === 'unknown' ? 'không phải' : `là ${KIND_LABELS[kind]}, không phải`;
    return { ok: false, kind, message: `Tệp "${fileName}" ${what} tệp PDF, JPEG, PNG, DOCX hoặc XLSX hợp lệ` };
  }
  if (!EXTENSIONS[kind].includes(ext)) {
    return {
      ok: false,
      kind,
      message: `Tệp "${fileName}" có nội dung là ${KIND_LABELS[kind]} nhưng phần mở rộng ${ext ? `.${ext}` : '(không có)'} không khớp; hãy dùng .${EXTENSIONS[kind][0]}`,
    };
  }
  return { ok: true, kind, mediaType: MEDIA_TYPES[kind] };
}
