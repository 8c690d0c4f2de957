import PDFDocument from 'pdfkit';
import { FONT, formFonts } from './fonts';
import type { FormAgency } from './form-types';
import { vnDate } from './vietnam-time';

/** Paper sizes of TT 01/2018/TT-VPCP: forms 01–05 on A5, the tracking book (Mẫu 06) on A4. */
export type FormPaper = 'A5' | 'A4';

export interface FormDocumentOptions {
  /** PDF Title, e.g. "Giấy tiếp nhận hồ sơ và hẹn trả kết quả". */
  title: string;
  /** PDF Subject, e.g. the dossier code. */
  subject?: string;
  /** PDF CreationDate; fixed by the caller so that the same data gives the same bytes. */
  creationDate: Date;
  paper?: FormPaper;
}

export interface SignatureBlock {
  title: string;
  note?: string;
  name?: string | null;
}

/** A column of {@link FormWriter.table}: its header text and relative width. */
export interface TableColumn {
  title: string;
  width: number;
  align?: 'left' | 'center';
}

const SIZE = { small: 8, body: 9, title: 11 } as const;
/** Room left for a handwritten signature between the block's note and the printed name. */
const SIGNATURE_GAP = 34;

/**
 * A one-stop form being written: the national header, a title, labelled lines, numbered lists and a
 * signature block, in an embedded Unicode font. Every form (Mẫu 01–06) is built from these pieces.
 */
export class FormWriter {
  readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;

  private constructor(opts: FormDocumentOptions) {
    const fonts = formFonts();
    this.doc = new PDFDocument({
      size: opts.paper ?? 'A5',
      margins: { top: 28, bottom: 28, left: 34, right: 30 },
      font: fonts.regular as unknown as string,
      lang: 'vi-VN',
      displayTitle: true,
      info: {
        Title: opts.title,
        // pdfkit hashes every info value into the file ID: an undefined entry would throw.
        ...(opts.subject ? { Subject: opts.subject } : {}),
        Author: 'Hệ thống thông tin một cửa điện tử',
        Creator: 'dvc-one-stop',
        Producer: 'dvc-one-stop',
        CreationDate: opts.creationDate,
      },
    });
    this.doc.registerFont(FONT.regular, fonts.regular);
    this.doc.registerFont(FONT.bold, fonts.bold);
    this.doc.registerFont(FONT.italic, fonts.italic);
    this.doc.font(FONT.regular).fontSize(SIZE.body).lineGap(1.5);
    this.doc.on('data', (c: Buffer) => this.chunks.push(c));
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
  }

  static create(opts: FormDocumentOptions): FormWriter {
    return new FormWriter(opts);
  }

  private get left(): number {
    return this.doc.page.margins.left;
  }
  private get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  /**
   * The header of NĐ 30/2020/NĐ-CP: issuing unit on the left, the national motto on the right, then
   * "Số: …" and the place and date line.
   */
  header(agency: FormAgency, issuedAt: Date, number?: string | null): this {
    const d = this.doc;
    const top = d.y;
    const leftW = this.width * 0.42;
    const rightX = this.left + leftW;
    const rightW = this.width - leftW;

    d.fontSize(SIZE.small);
    let y = top;
    if (agency.parentName) y = this.centered(agency.parentName.toLocaleUpperCase('vi'), this.left, y, leftW, FONT.regular);
    y = this.centered(agency.name.toLocaleUpperCase('vi'), this.left, y, leftW, FONT.bold);
    y = this.centered((agency.deskName ?? 'Bộ phận Một cửa').toLocaleUpperCase('vi'), this.left, y, leftW, FONT.bold);
    const leftBottom = this.rule(this.left + leftW / 2, y + 2, leftW * 0.35);

    let ry = this.centered('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rightX, top, rightW, FONT.bold);
    ry = this.centered('Độc lập - Tự do - Hạnh phúc', rightX, ry, rightW, FONT.bold, SIZE.body);
    const rightBottom = this.rule(rightX + rightW / 2, ry + 2, d.font(FONT.bold).fontSize(SIZE.body).widthOfString('Độc lập - Tự do - Hạnh phúc'));

    const lineY = Math.max(leftBottom, rightBottom) + 6;
    d.font(FONT.regular).fontSize(SIZE.body).text(`Số: ${number || '……/……'}`, this.left, lineY, { width: leftW, align: 'center' });
    d.font(FONT.italic).text(`${agency.place || '……………'}, ${vnDate(issuedAt)}`, rightX, lineY, { width: rightW, align: 'center' });
    d.x = this.left;
    d.y = Math.max(d.y, lineY) + 8;
    d.font(FONT.regular);
    return this;
  }

  /** The form's name, bold and centred, with an optional italic line below (e.g. "Liên: …"). */
  title(text: string, subtitle?: string): this {
    const d = this.doc;
    d.moveDown(0.6);
    d.font(FONT.bold).fontSize(SIZE.title).text(text, this.left, d.y, { width: this.width, align: 'center' });
    if (subtitle) d.font(FONT.italic).fontSize(SIZE.body).text(subtitle, { width: this.width, align: 'center' });
    d.moveDown(0.6);
    d.font(FONT.regular).fontSize(SIZE.body);
    return this;
  }

  /** "Label: value", the value in bold so that it stands out from the printed form text. */
  field(label: string, value: string | null | undefined, opts: { indent?: number } = {}): this {
    const d = this.doc;
    const indent = opts.indent ?? 0;
    d.font(FONT.regular).text(`${label}: `, this.left + indent, d.y, { width: this.width - indent, continued: true });
    d.font(FONT.bold).text(value || '……………………', { continued: false });
    d.font(FONT.regular);
    return this;
  }

  /** Several "Label: value" pairs on one line when they fit, else one per line. */
  fields(pairs: [string, string | null | undefined][]): this {
    const d = this.doc;
    const gap = '      ';
    const parts = pairs.map(([label, value]) => ({ label: `${label}: `, value: value || '……………' }));
    const width = parts.reduce(
      (w, p, i) => w + d.font(FONT.regular).widthOfString(`${i ? gap : ''}${p.label}`) + d.font(FONT.bold).widthOfString(p.value),
      0,
    );
    if (width > this.width) {
      for (const [label, value] of pairs) this.field(label, value);
      return this;
    }
    // Placed segment by segment: pdfkit's wrapper of `continued` text breaks such lines too early.
    if (d.y + d.currentLineHeight(true) > d.page.height - d.page.margins.bottom) d.addPage();
    const y = d.y;
    let x = this.left;
    parts.forEach((p, i) => {
      const label = `${i ? gap : ''}${p.label}`;
      d.font(FONT.regular).text(label, x, y, { lineBreak: false });
      x += d.widthOfString(label);
      d.font(FONT.bold).text(p.value, x, y, { lineBreak: false });
      x += d.widthOfString(p.value);
    });
    d.font(FONT.regular);
    d.x = this.left;
    // The advance pdfkit gives one line of flowing text (line height plus its gap).
    d.y = y + d.heightOfString('Ag', { width: this.width });
    return this;
  }

  paragraph(text: string, opts: { italic?: boolean; bold?: boolean; indent?: number; align?: 'left' | 'justify' | 'center' } = {}): this {
    const d = this.doc;
    const indent = opts.indent ?? 0;
    d.font(opts.bold ? FONT.bold : opts.italic ? FONT.italic : FONT.regular);
    d.text(text, this.left + indent, d.y, { width: this.width - indent, align: opts.align ?? 'left' });
    d.font(FONT.regular);
    return this;
  }

  /** A numbered list; each item may carry a detail line in smaller text. */
  list(items: { text: string; detail?: string }[], opts: { indent?: number; empty?: string } = {}): this {
    const d = this.doc;
    const indent = opts.indent ?? 12;
    if (!items.length && opts.empty) return this.paragraph(opts.empty, { italic: true, indent });
    items.forEach((item, i) => {
      const marker = `${i + 1}.`;
      const y = d.y;
      d.font(FONT.regular).fontSize(SIZE.body).text(marker, this.left + indent, y, { width: 16 });
      d.text(item.text, this.left + indent + 16, y, { width: this.width - indent - 16 });
      if (item.detail) d.font(FONT.italic).fontSize(SIZE.small).text(item.detail, this.left + indent + 16, d.y, { width: this.width - indent - 16 });
      d.font(FONT.regular).fontSize(SIZE.body);
    });
    return this;
  }

  /**
   * A ruled table: the header row (bold, centred) is repeated at the top of every page the rows run
   * onto; a row is never split across pages. Widths are fractions of the text width.
   */
  table(columns: TableColumn[], rows: string[][]): this {
    const d = this.doc;
    const pad = 3;
    const total = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const heightOf = (cells: string[], font: string) => {
      d.font(font).fontSize(SIZE.small);
      return Math.max(...cells.map((c, i) => d.heightOfString(c || ' ', { width: widths[i]! - 2 * pad }))) + 2 * pad;
    };
    const draw = (cells: string[], font: string, align: 'left' | 'center', height: number) => {
      const top = d.y;
      let x = this.left;
      cells.forEach((c, i) => {
        const w = widths[i]!;
        d.lineWidth(0.5).rect(x, top, w, height).stroke();
        d.font(font).fontSize(SIZE.small).text(c, x + pad, top + pad, { width: w - 2 * pad, align: columns[i]!.align ?? align });
        x += w;
      });
      d.x = this.left;
      d.y = top + height;
    };
    const header = columns.map((c) => c.title);
    const headerHeight = heightOf(header, FONT.bold);
    const bottom = () => d.page.height - d.page.margins.bottom;
    if (d.y + headerHeight + heightOf(rows[0] ?? header, FONT.regular) > bottom()) d.addPage();
    draw(header, FONT.bold, 'center', headerHeight);
    for (const row of rows) {
      const h = heightOf(row, FONT.regular);
      if (d.y + h > bottom()) {
        d.addPage();
        draw(header, FONT.bold, 'center', headerHeight);
      }
      draw(row, FONT.regular, 'left', h);
    }
    d.font(FONT.regular).fontSize(SIZE.body);
    return this;
  }

  space(lines = 0.5): this {
    this.doc.moveDown(lines);
    return this;
  }

  /** Signature blocks side by side (left and right), kept together on one page. */
  signatures(left: SignatureBlock | null, right: SignatureBlock): this {
    const d = this.doc;
    const needed = 4 * d.currentLineHeight(true) + SIGNATURE_GAP;
    if (d.y + needed > d.page.height - d.page.margins.bottom) d.addPage();
    const top = d.y + 8;
    const colW = this.width / 2;
    const block = (b: SignatureBlock, x: number): number => {
      let y = this.centered(b.title, x, top, colW, FONT.bold, SIZE.body);
      if (b.note) y = this.centered(b.note, x, y, colW, FONT.italic, SIZE.small);
      y += SIGNATURE_GAP;
      if (b.name) y = this.centered(b.name, x, y, colW, FONT.bold, SIZE.body);
      return y;
    };
    const bottom = Math.max(left ? block(left, this.left) : top, block(right, this.left + colW));
    d.x = this.left;
    d.y = bottom + 4;
    d.font(FONT.regular).fontSize(SIZE.body);
    return this;
  }

  /** A small note in italics at the current position (e.g. how to look the dossier up). */
  note(text: string): this {
    const d = this.doc;
    d.moveDown(0.5);
    d.font(FONT.italic).fontSize(SIZE.small).text(text, this.left, d.y, { width: this.width });
    d.font(FONT.regular).fontSize(SIZE.body);
    return this;
  }

  /** Ends the document and returns its bytes. */
  end(): Promise<Buffer> {
    this.doc.end();
    return this.done;
  }

  private centered(text: string, x: number, y: number, width: number, font: string, size: number = SIZE.small): number {
    this.doc.font(font).fontSize(size).text(text, x, y, { width, align: 'center' });
    return this.doc.y;
  }

  /** A short horizontal rule centred on cx; returns the y below it. */
  private rule(cx: number, y: number, length: number): number {
    this.doc.moveTo(cx - length / 2, y).lineTo(cx + length / 2, y).lineWidth(0.6).stroke();
    return y + 2;
  }
}
