import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { TestPki, createTestPki } from './__fixtures__/test-pki';
import { vietnamesePdf, xrefStreamPdf } from './__fixtures__/pdfs';
import { pdfsig } from './__fixtures__/pdfsig';
import { LocalKeySigner, Pkcs12Signer } from './pkcs12-signer';
import { signPdf } from './sign-pdf';
import { verifyPdfSignatures } from './verify-pdf';
import { formatVnDateTime } from './vn-time';

jest.setTimeout(60_000);

describe('PAdES signing and verification (test CA, pdfsig as independent validator)', () => {
  let pki: TestPki;
  let signer: Pkcs12Signer;
  let original: Buffer;
  let signed: Buffer;
  const signedAt = new Date('2025-01-02T03:04:05Z'); // 10:04 in Vietnam

  beforeAll(async () => {
    pki = createTestPki();
    signer = new Pkcs12Signer(pki.signerP12, pki.p12Password);
    original = await vietnamesePdf();
    signed = await signPdf(original, signer, {
      signerName: 'Nguyễn Văn Ánh',
      unitName: 'UBND phường Bến Nghé, Quận 1',
      reason: 'Ký giấy tiếp nhận hồ sơ',
      location: 'TP. Hồ Chí Minh',
      signedAt,
      visible: { page: 1, rect: { x: 330, y: 60, width: 220, height: 64 } },
    });
  });

  it('keeps the original bytes (incremental update)', () => {
    expect(signed.subarray(0, original.length).equals(original)).toBe(true);
    expect(signed.length).toBeGreaterThan(original.length);
  });

  it('pdfsig reports the signature valid and the whole document signed', () => {
    const { raw, signatures } = pdfsig(signed);
    expect(signatures).toHaveLength(1);
    expect(signatures[0].signatureValidation).toBe('Signature is Valid.');
    expect(signatures[0].totalDocumentSigned).toBe(true);
    expect(signatures[0].signatureType).toBe('ETSI.CAdES.detached');
    expect(signatures[0].commonName).toBe('Nguyễn Văn Ánh');
    // The test CA is not in poppler's NSS database: the certificate is reported untrusted, which is expected.
    expect(signatures[0].certificateValidation).toMatch(/issuer is unknown|issuer isn't Trusted|Certificate is Trusted/);
    expect(raw).not.toMatch(/Digest Mismatch/);
  });

  it('our verifier: integrity valid, chain trusted with the test root, untrusted without it', () => {
    const [trusted] = verifyPdfSignatures(signed, [pki.rootPem]);
    expect(trusted).toMatchObject({
      signerName: 'Nguyễn Văn Ánh',
      signerOrganization: 'UBND phường Bến Nghé',
      integrity: 'valid',
      chain: 'trusted',
      certValidAtSigningTime: false, // 2025-01-02 is before the test certificates' validity
      revocation: 'not_checked',
      coversWholeDocument: true,
      reason: 'Ký giấy tiếp nhận hồ sơ',
      location: 'TP. Hồ Chí Minh',
      subFilter: 'ETSI.CAdES.detached',
      fieldName: 'Signature1',
      signedAtSource: 'signing-time',
    });
    expect(trusted.signedAt?.toISOString()).toBe(signedAt.toISOString());
    const [untrusted] = verifyPdfSignatures(signed, [pki.otherRootPem]);
    expect(untrusted).toMatchObject({ integrity: 'valid', chain: 'untrusted', status: 'unknown_signer' });
    expect(verifyPdfSignatures(signed, [])[0]).toMatchObject({ integrity: 'valid', chain: 'untrusted', status: 'unknown_signer' });
  });

  it('status valid for a signature made now with a trusted, valid certificate', async () => {
    const now = await signPdf(original, signer, { signerName: 'Nguyễn Văn Ánh', unitName: 'UBND phường Bến Nghé' });
    const [r] = verifyPdfSignatures(now, [pki.rootPem]);
    expect(r).toMatchObject({ integrity: 'valid', chain: 'trusted', certValidAtSigningTime: true, status: 'valid' });
    expect(r.problems).toEqual([]);
  });

  it('a byte flipped inside the signed range: both our verifier and pdfsig report invalid', () => {
    const tampered = Buffer.from(signed);
    const at = tampered.indexOf('Giay tiep nhan ho so');
    expect(at).toBeGreaterThan(0);
    tampered[at] = 'H'.charCodeAt(0); // "Giay" → "Hiay" in the Info dictionary (first signed range)
    const [ours] = verifyPdfSignatures(tampered, [pki.rootPem]);
    expect(ours).toMatchObject({ integrity: 'invalid', status: 'invalid' });
    expect(ours.problems.join(' ')).toMatch(/đã bị thay đổi/);
    const { signatures } = pdfsig(tampered);
    expect(signatures[0].signatureValidation).not.toBe('Signature is Valid.');
    expect(signatures[0].signatureValidation).toMatch(/Digest Mismatch|Invalid/i);
  });

  it('a byte flipped in the second signed range (after the signature value) is detected too', () => {
    const tampered = Buffer.from(signed);
    const at = tampered.lastIndexOf('/Prop_Build');
    tampered[at + 1] = 'p'.charCodeAt(0);
    expect(verifyPdfSignatures(tampered, [pki.rootPem])[0].integrity).toBe('invalid');
    expect(pdfsig(tampered).signatures[0].signatureValidation).not.toBe('Signature is Valid.');
  });

  it('returns [] for an unsigned PDF', () => {
    expect(verifyPdfSignatures(original, [pki.rootPem])).toEqual([]);
  });

  it('a second signature keeps the first valid; the first no longer covers the whole document', async () => {
    const leader = LocalKeySigner.fromPem(pki.signerKeyPem, pki.signerPem, pki.intermediatePem);
    const twice = await signPdf(signed, leader, {
      signerName: 'Nguyễn Văn Ánh',
      unitName: 'Lãnh đạo phê duyệt',
      visible: { page: 1, rect: { x: 60, y: 60, width: 220, height: 64 } },
      subFilter: 'adbe.pkcs7.detached',
    });
    const ours = verifyPdfSignatures(twice, [pki.rootPem]);
    expect(ours.map((s) => [s.fieldName, s.integrity, s.coversWholeDocument, s.subFilter])).toEqual([
      ['Signature1', 'valid', false, 'ETSI.CAdES.detached'],
      ['Signature2', 'valid', true, 'adbe.pkcs7.detached'],
    ]);
    const { signatures } = pdfsig(twice);
    expect(signatures.map((s) => s.signatureValidation)).toEqual(['Signature is Valid.', 'Signature is Valid.']);
    expect(signatures.map((s) => s.totalDocumentSigned)).toEqual([false, true]);
  });

  it('signs a PDF with a cross-reference stream (pdf-lib output), invisibly', async () => {
    const pdf = await xrefStreamPdf();
    const out = await signPdf(pdf, signer, { signerName: 'Nguyễn Văn Ánh' });
    expect(verifyPdfSignatures(out, [pki.rootPem])[0]).toMatchObject({ integrity: 'valid', chain: 'trusted', coversWholeDocument: true });
    const { signatures } = pdfsig(out);
    expect(signatures[0]).toMatchObject({ signatureValidation: 'Signature is Valid.', totalDocumentSigned: true });
    // Still a well-formed PDF for another parser.
    expect((await PDFDocument.load(out)).getPageCount()).toBe(1);
  });

  it('an expired signer certificate: integrity valid but status invalid', async () => {
    const expired = LocalKeySigner.fromPem(pki.expiredSignerKeyPem, pki.expiredSignerPem, pki.intermediatePem);
    const out = await signPdf(original, expired, { signerName: 'Trần Thị Hết Hạn' });
    expect(verifyPdfSignatures(out, [pki.rootPem])[0]).toMatchObject({ integrity: 'valid', chain: 'trusted', certValidAtSigningTime: false, status: 'invalid' });
  });

  it('renders the visible block in Vietnamese with an embedded font', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sigvis-'));
    const file = join(dir, 'signed.pdf');
    writeFileSync(file, signed);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/DejaVuSans/);
    // Rasterize the signature rectangle and check it is not blank.
    execFileSync('pdftoppm', ['-r', '72', '-x', '330', '-y', String(842 - 60 - 64), '-W', '220', '-H', '64', '-gray', file, join(dir, 'crop')]);
    const pgm = readFileSync(join(dir, 'crop-1.pgm'));
    const pixels = pgm.subarray(pgm.length - 220 * 64);
    const dark = pixels.filter((p) => p < 128).length;
    expect(dark).toBeGreaterThan(200);
    expect(formatVnDateTime(signedAt)).toBe('02/01/2025 10:04 (GMT+7)');
  });
});
