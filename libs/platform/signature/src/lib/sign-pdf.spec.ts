import { TestPki, createTestPki } from './__fixtures__/test-pki';
import { vietnamesePdf } from './__fixtures__/pdfs';
import { pdfsig } from './__fixtures__/pdfsig';
import { decodeOid, oid, parseDer } from './der';
import { Pkcs12Signer } from './pkcs12-signer';
import { embedCmsSignature, preparePdfForSigning, signPdf } from './sign-pdf';
import { verifyPdfSignatures } from './verify-pdf';
import { formatVnDateTime, parsePdfDate, pdfDate } from './vn-time';

jest.setTimeout(30_000);

describe('signPdf options and errors', () => {
  let pki: TestPki;
  let signer: Pkcs12Signer;
  beforeAll(() => {
    pki = createTestPki();
    signer = new Pkcs12Signer(pki.signerP12, pki.p12Password);
  });

  it('places the visible block on the requested page (1-based) of a multi-page document', async () => {
    const out = await signPdf(await vietnamesePdf(3), signer, { signerName: 'Nguyễn Văn Ánh', visible: { page: 2, rect: { x: 50, y: 50, width: 200, height: 50 } } });
    expect(pdfsig(out).signatures[0].signatureValidation).toBe('Signature is Valid.');
    expect(verifyPdfSignatures(out, [pki.rootPem])[0].integrity).toBe('valid');
  });

  it('two-phase signing: prepare (digest), then embed a CMS made elsewhere', async () => {
    const prepared = await preparePdfForSigning(await vietnamesePdf(), { signerName: 'Nguyễn Văn Ánh' });
    const cms = await signer.sign(prepared.digest);
    const out = embedCmsSignature(prepared, cms);
    expect(verifyPdfSignatures(out, [pki.rootPem])[0]).toMatchObject({ integrity: 'valid', status: 'valid' });
  });

  it('strict PAdES B-B without the signing-time attribute: signedAt comes from /M', async () => {
    const signedAt = new Date('2026-03-04T05:06:07Z');
    const out = await signPdf(await vietnamesePdf(), signer, { signerName: 'A', signedAt, signingTimeAttribute: false });
    const [r] = verifyPdfSignatures(out, [pki.rootPem]);
    expect(r).toMatchObject({ integrity: 'valid', signedAtSource: 'pdf', signedAt });
    expect(pdfsig(out).signatures[0].signatureValidation).toBe('Signature is Valid.');
  });

  it('clear errors', async () => {
    const pdf = await vietnamesePdf();
    await expect(signPdf(pdf, signer, { signerName: 'A', visible: { page: 2, rect: { x: 0, y: 0, width: 10, height: 10 } } })).rejects.toThrow(
      /Trang đặt chữ ký không tồn tại: 2 \(tài liệu có 1 trang\)/,
    );
    await expect(signPdf(pdf, signer, { signerName: 'A', signatureSize: 100 })).rejects.toThrow(/vượt quá chỗ dành sẵn \(100 byte\)/);
    await expect(signPdf(Buffer.from('không phải PDF'), signer, { signerName: 'A' })).rejects.toThrow(/Tệp PDF không hợp lệ/);
    const once = await signPdf(pdf, signer, { signerName: 'A', fieldName: 'KyTiepNhan' });
    await expect(signPdf(once, signer, { signerName: 'A', fieldName: 'KyTiepNhan' })).rejects.toThrow(/đã có trường "KyTiepNhan"/);
  });

  it('Vietnam time helpers and DER OIDs', () => {
    const d = new Date('2025-12-31T17:30:00Z');
    expect(formatVnDateTime(d)).toBe('01/01/2026 00:30 (GMT+7)');
    expect(pdfDate(d)).toBe("D:20260101003000+07'00'");
    expect(parsePdfDate(pdfDate(d))).toEqual(d);
    expect(decodeOid(parseDer(oid('1.2.840.113549.1.9.16.2.47')))).toBe('1.2.840.113549.1.9.16.2.47');
  });
});
