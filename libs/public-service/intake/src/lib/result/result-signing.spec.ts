import { certificateSubject, checkResultPdf, RESULT_BLOCK, resultFileName, resultSignatureRect } from './result-signing';

describe('e-result signing helpers', () => {
  it('puts the visible block at the bottom right of an A4 page, inside the margins', () => {
    const r = resultSignatureRect({ width: 595, height: 842 });
    expect(r).toEqual({ x: 595 - 36 - RESULT_BLOCK.width, y: 36, width: RESULT_BLOCK.width, height: RESULT_BLOCK.height });
  });

  it('keeps the block on a page smaller than the block and its margins', () => {
    const r = resultSignatureRect({ width: 200, height: 80 });
    expect(r.x).toBeGreaterThanOrEqual(0);
    expect(r.y).toBeGreaterThanOrEqual(0);
    expect(r.x + r.width).toBeLessThanOrEqual(200);
    expect(r.y + r.height).toBeLessThanOrEqual(80);
  });

  it('records the certificate subject as CN and O', () => {
    expect(certificateSubject({ commonName: 'Nguyễn Văn Ánh', organization: 'UBND phường Bến Nghé' })).toBe('CN=Nguyễn Văn Ánh, O=UBND phường Bến Nghé');
    expect(certificateSubject({ commonName: 'Sở Tư pháp' })).toBe('CN=Sở Tư pháp');
    expect(certificateSubject({})).toBe('(không rõ chủ thể chứng thư)');
  });

  it('names the stored file after the dossier code, with safe characters only', () => {
    expect(resultFileName('000.31.00.H99-261124-0001')).toBe('ket-qua-000.31.00.H99-261124-0001.pdf');
    expect(resultFileName('a/b c')).toBe('ket-qua-a-b-c.pdf');
  });

  it('accepts a PDF by its bytes and name only', () => {
    const pdf = Buffer.from('%PDF-1.7\n%âãÏÓ\n');
    expect(checkResultPdf('quyet-dinh.pdf', pdf)).toBeNull();
    expect(checkResultPdf('QD.PDF', pdf)).toBeNull();
    expect(checkResultPdf('quyet-dinh.docx', pdf)).toContain('không có phần mở rộng .pdf');
    expect(checkResultPdf('quyet-dinh.pdf', Buffer.from('<html>%PDF-1.7</html>'))).toContain('không phải tệp PDF');
    expect(checkResultPdf('quyet-dinh.pdf', Buffer.from('PK\x03\x04'))).toContain('không phải tệp PDF');
    expect(checkResultPdf('rong.pdf', Buffer.alloc(0))).toBe('Tệp "rong.pdf" rỗng');
  });
});
