import { extensionOf } from './media-type';

/**
 * The name of an uploaded file as shown back to the citizen: the last path segment (some browsers
 * send a full path), NFC, without control characters, at most 255 characters keeping the extension.
 */
export function cleanFileName(raw: string): string {
  const base = [...(raw.split(/[\\/]/).pop() ?? '').normalize('NFC')]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c !== '\u007f')
    .join('')
    .trim();
  if (base.length <= 255) return base;
  const ext = extensionOf(base);
  return ext ? `${base.slice(0, 254 - ext.length)}.${ext}` : base.slice(0, 255);
}

/** "Giấy chứng sinh.pdf" → "Giay chung sinh.pdf": the plain-ASCII fallback of Content-Disposition. */
function asciiFallback(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\%;]/g, '_');
}

/** RFC 6266 / RFC 8187: the UTF-8 name in `filename*`, an ASCII one in `filename` for old clients. */
export function contentDisposition(fileName: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${asciiFallback(fileName)}"; filename*=UTF-8''${encoded}`;
}
