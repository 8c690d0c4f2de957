import { cleanFileName, contentDisposition } from './file-name';

describe('file names', () => {
  it('keeps the last path segment, NFC, without control characters', () => {
    expect(cleanFileName('C:\\Users\\An\\Giấy chứng sinh.pdf')).toBe('Giấy chứng sinh.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('a\u0000b\r\n.pdf')).toBe('ab.pdf');
    expect(cleanFileName('Gia\u0301y.pdf')).toBe('Giáy.pdf'.normalize('NFC'));
    expect(cleanFileName('   ')).toBe('');
  });

  it('shortens long names to 255 characters keeping the extension', () => {
    const long = cleanFileName(`${'ă'.repeat(300)}.docx`);
    expect(long).toHaveLength(255);
    expect(long.endsWith('.docx')).toBe(true);
  });

  it('writes Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 8187)', () => {
    expect(contentDisposition('Giấy chứng sinh (bản sao).pdf')).toBe(
      `attachment; filename="Giay chung sinh (ban sao).pdf"; filename*=UTF-8''Gi%E1%BA%A5y%20ch%E1%BB%A9ng%20sinh%20%28b%E1%BA%A3n%20sao%29.pdf`,
    );
    expect(contentDisposition('a"b;c%.pdf')).toBe(`attachment; filename="a_b_c_.pdf"; filename*=UTF-8''a%22b%3Bc%25.pdf`);
  });
});
