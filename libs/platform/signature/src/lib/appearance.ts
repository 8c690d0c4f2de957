import PDFDocument from 'pdfkit';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SignatureError } from './errors';
import { formatVnDateTime } from './vn-time';

export interface AppearanceInput {
  width: number;
  height: number;
  signerName: string;
  unitName?: string;
  signedAt: Date;
  /** TTF with Vietnamese glyphs; DejaVu Sans by default. */
  fontPath?: string;
  boldFontPath?: string;
  color?: string;
}

export function defaultFontPaths(): { regular: string; bold?: string } {
  let regular: string;
  try {
    regular = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
  } catch (e) {
    throw new SignatureError('CONFIG', 'Không tìm thấy phông DejaVuSans.ttf (gói dejavu-fonts-ttf) để hiển thị tiếng Việt', { cause: e });
  }
  const bold = join(dirname(regular), 'DejaVuSans-Bold.ttf');
  return { regular, bold: existsSync(bold) ? bold : undefined };
}

/** The lines of the visible signature block, in Vietnamese. */
export function appearanceLines(input: Pick<AppearanceInput, 'signerName' | 'unitName' | 'signedAt'>): string[] {
  return [
    `Ký bởi: ${input.signerName}`,
    ...(input.unitName ? [`Đơn vị: ${input.unitName}`] : []),
    `Thời gian ký: ${formatVnDateTime(input.signedAt)}`,
  ];
}

/**
 * Renders the visible signature block as a one-page PDF of exactly width × height points (pdfkit,
 * with an embedded subset of DejaVu Sans so diacritics render); signPdf embeds that page as the
 * widget's appearance stream.
 */
export function renderAppearancePdf(input: AppearanceInput): Promise<Buffer> {
  const fonts = input.fontPath ? { regular: input.fontPath, bold: input.boldFontPath } : defaultFontPaths();
  const color = input.color ?? '#1f3b8c';
  const lines = appearanceLines(input);
  const { width: w, height: h } = input;
  const doc = new PDFDocument({ size: [w, h], margin: 0, autoFirstPage: true, compress: true, info: { Producer: 'dvc platform-signature' } });
  doc.registerFont('sig', fonts.regular);
  doc.registerFont('sig-bold', fonts.bold ?? fonts.regular);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const pad = Math.max(2, Math.min(6, h * 0.08));
  doc.lineWidth(0.8).rect(0.4, 0.4, w - 0.8, h - 0.8).stroke(color);
  let size = Math.min(11, (h - 2 * pad) / (lines.length * 1.3));
  const widest = (s: number): number =>
    Math.max(...lines.map((l, i) => doc.font(i === 0 ? 'sig-bold' : 'sig').fontSize(s).widthOfString(l)));
  while (size > 4 && widest(size) > w - 2 * pad) size -= 0.25;
  const lineHeight = size * 1.3;
  let y = (h - lineHeight * lines.length) / 2 + (lineHeight - size) / 2;
  doc.fillColor(color);
  lines.forEach((line, i) => {
    doc.font(i === 0 ? 'sig-bold' : 'sig').fontSize(size).text(line, pad, y, { lineBreak: false });
    y += lineHeight;
  });
  doc.end();
  return done;
}
