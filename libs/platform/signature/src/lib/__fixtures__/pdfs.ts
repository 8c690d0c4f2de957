import PDFDocument from 'pdfkit';
import { PDFDocument as PdfLibDocument, StandardFonts } from 'pdf-lib';

const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');

/** A receipt-like PDF made by pdfkit with Vietnamese text (classic xref table). */
export function vietnamesePdf(pages = 1): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: 'Giay tiep nhan ho so', Author: 'DVC test' } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('vn', FONT).font('vn');
  for (let i = 0; i < pages; i++) {
    if (i > 0) doc.addPage();
    doc.fontSize(13).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { align: 'center' });
    doc.fontSize(12).text('Độc lập - Tự do - Hạnh phúc', { align: 'center' }).moveDown();
    doc.fontSize(14).text('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', { align: 'center' }).moveDown();
    doc.fontSize(11).text(`Mã hồ sơ: H01.12-250101-000${i + 1}. Người nộp: Lê Thị Hằng, phường Bến Nghé, Quận 1.`);
    doc.text('Thủ tục: Đăng ký khai sinh. Ngày hẹn trả kết quả: 03/01/2025.');
  }
  doc.end();
  return done;
}

/** A PDF written by pdf-lib with object streams (cross-reference stream). */
export async function xrefStreamPdf(): Promise<Buffer> {
  const doc = await PdfLibDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText('Ket qua giai quyet TTHC', { x: 60, y: 760, size: 16, font: await doc.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await doc.save({ useObjectStreams: true }));
}
