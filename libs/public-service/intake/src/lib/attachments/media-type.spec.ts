import { crc32 } from 'node:zlib';
import { checkMediaType, extensionOf, MEDIA_TYPES, sniffKind, zipEntryNames } from './media-type';

/** A real ZIP (stored entries, with central directory); `descriptor` sets flag bit 3 with zero sizes up front. */
function zip(entries: Record<string, string>, descriptor = false): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text);
    const n = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(descriptor ? 0x08 : 0, 6);
    local.writeUInt32LE(descriptor ? 0 : crc, 14);
    local.writeUInt32LE(descriptor ? 0 : data.length, 18);
    local.writeUInt32LE(descriptor ? 0 : data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const dd = Buffer.alloc(descriptor ? 16 : 0);
    if (descriptor) {
      dd.writeUInt32LE(0x08074b50, 0);
      dd.writeUInt32LE(crc, 4);
      dd.writeUInt32LE(data.length, 8);
      dd.writeUInt32LE(data.length, 12);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(descriptor ? 0x08 : 0, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, data, dd);
    centrals.push(central, n);
    offset += local.length + n.length + data.length + dd.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const CT = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const docx = (descriptor = false) =>
  zip({ '[Content_Types].xml': CT, '_rels/.rels': '<Relationships/>', 'word/document.xml': '<w:document/>' }, descriptor);
const xlsx = () => zip({ '[Content_Types].xml': CT, '_rels/.rels': '<Relationships/>', 'xl/workbook.xml': '<workbook/>' });

const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('\0\0\0\rIHDR')]);
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);
/** The start of a Windows program: DOS header, stub, PE signature. */
const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.from('This program cannot be run in DOS mode.'), Buffer.from('PE\0\0')]);
const html = Buffer.from('\uFEFF\n  <!DOCTYPE html><html><body><script>location="https://evil.example"</script>%PDF-1.7</body></html>');

describe('sniffKind: the type comes from the bytes', () => {
  it.each([
    ['PDF', pdf, 'pdf'],
    ['PNG', png, 'png'],
    ['JPEG', jpeg, 'jpeg'],
    ['DOCX', docx(), 'docx'],
    ['DOCX with data descriptors (sizes after the data)', docx(true), 'docx'],
    ['XLSX', xlsx(), 'xlsx'],
    ['a plain ZIP', zip({ 'a.txt': 'x' }), 'zip'],
    ['a ZIP with Office names but no [Content_Types].xml', zip({ 'word/document.xml': '<w/>' }), 'zip'],
    ['a Windows program', exe, 'executable'],
    ['an ELF program', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), 'executable'],
    ['a shell script', Buffer.from('#!/bin/sh\nrm -rf /\n'), 'executable'],
    ['an HTML page (BOM, blank lines, %PDF- inside)', html, 'html'],
    ['an SVG image', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'html'],
    ['an old Word file', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), 'ole'],
    ['plain text', Buffer.from('xin chào'), 'unknown'],
    ['nothing', Buffer.alloc(0), 'unknown'],
    ['a PDF header not at the start', Buffer.concat([Buffer.from('junk'), pdf]), 'unknown'],
  ])('%s → %s', (_what, bytes, kind) => {
    expect(sniffKind(bytes)).toBe(kind);
  });

  it('lists ZIP entry names from the head only, also when it is cut mid-entry', () => {
    expect(zipEntryNames(docx())).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
    const cut = docx().subarray(0, 60);
    expect(zipEntryNames(cut)).toEqual(['[Content_Types].xml']);
  });
});

describe('checkMediaType: allowed type and a matching extension', () => {
  it('accepts the five allowed types with their extensions, in any case', () => {
    expect(checkMediaType('Giấy chứng sinh.PDF', pdf)).toEqual({ ok: true, kind: 'pdf', mediaType: 'application/pdf' });
    expect(checkMediaType('anh.jpg', jpeg)).toMatchObject({ ok: true, mediaType: 'image/jpeg' });
    expect(checkMediaType('anh.jpeg', jpeg)).toMatchObject({ ok: true });
    expect(checkMediaType('so-do.png', png)).toMatchObject({ ok: true, mediaType: 'image/png' });
    expect(checkMediaType('don.docx', docx())).toMatchObject({ ok: true, mediaType: MEDIA_TYPES.docx });
    expect(checkMediaType('bang.xlsx', xlsx())).toMatchObject({ ok: true, mediaType: MEDIA_TYPES.xlsx });
  });

  it('refuses a program renamed .pdf, naming the file', () => {
    const r = checkMediaType('giay-khai-sinh.pdf', exe);
    expect(r).toEqual({ ok: false, kind: 'executable', message: 'Tệp "giay-khai-sinh.pdf" là chương trình thực thi, không phải tệp PDF, JPEG, PNG, DOCX hoặc XLSX hợp lệ' });
  });

  it('refuses an HTML page named .pdf', () => {
    expect(checkMediaType('to-khai.pdf', html)).toMatchObject({ ok: false, kind: 'html', message: expect.stringContaining('"to-khai.pdf" là trang web') });
  });

  it('refuses an allowed type under another type\'s extension, or without one', () => {
    expect(checkMediaType('anh.pdf', png)).toEqual({
      ok: false,
      kind: 'png',
      message: 'Tệp "anh.pdf" có nội dung là ảnh PNG nhưng phần mở rộng .pdf không khớp; hãy dùng .png',
    });
    expect(checkMediaType('tailieu', pdf)).toMatchObject({ ok: false, message: expect.stringContaining('(không có)') });
    expect(checkMediaType('bang.docx', xlsx())).toMatchObject({ ok: false, kind: 'xlsx' });
  });

  it('refuses a plain ZIP and unknown bytes', () => {
    expect(checkMediaType('hoso.zip', zip({ 'a.txt': 'x' }))).toMatchObject({ ok: false, kind: 'zip' });
    expect(checkMediaType('ghichu.pdf', Buffer.from('xin chào'))).toMatchObject({ ok: false, kind: 'unknown', message: 'Tệp "ghichu.pdf" không phải tệp PDF, JPEG, PNG, DOCX hoặc XLSX hợp lệ' });
  });

  it('reads the extension', () => {
    expect(extensionOf('a.b.PDF')).toBe('pdf');
    expect(extensionOf('noext')).toBe('');
    expect(extensionOf('dot.')).toBe('');
  });
});
