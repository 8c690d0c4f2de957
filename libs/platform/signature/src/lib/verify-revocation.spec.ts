import { createPrivateKey, sign as cryptoSign } from 'node:crypto';
import { TestPki, createTestPki } from './__fixtures__/test-pki';
import { vietnamesePdf } from './__fixtures__/pdfs';
import { parseSignedData } from './cms';
import * as der from './der';
import { decodeOctetString, parseDer } from './der';
import { OID } from './oids';
import { Pkcs12Signer } from './pkcs12-signer';
import { sha256 } from './signer';
import { signPdf } from './sign-pdf';
import { verifyPdfSignatures } from './verify-pdf';
import { derToPem, parseCertificate } from './x509';

jest.setTimeout(30_000);

/** A CRL (v2) signed with sha256WithRSA, built with the library's DER helpers. */
function crl(issuerPem: string, issuerKeyPem: string, revoked: Array<{ certPem: string; at: Date }>): Buffer {
  const alg = der.seq(der.oid(OID.sha256WithRSA), der.nul());
  const now = Date.now();
  const tbs = der.seq(
    der.integer(1),
    alg,
    parseCertificate(issuerPem).subjectRaw,
    der.time(new Date(now - 3600e3)),
    der.time(new Date(now + 7 * 24 * 3600e3)),
    ...(revoked.length ? [der.seq(...revoked.map((r) => der.seq(parseCertificate(r.certPem).serialRaw, der.time(r.at))))] : []),
  );
  return der.seq(tbs, alg, der.bitString(cryptoSign('sha256', tbs, createPrivateKey(issuerKeyPem))));
}

describe('verification details: CMS attributes, revocation with CRLs', () => {
  let pki: TestPki;
  let signed: Buffer;

  beforeAll(async () => {
    pki = createTestPki();
    signed = await signPdf(await vietnamesePdf(), new Pkcs12Signer(pki.signerP12, pki.p12Password), { signerName: 'Nguyễn Văn Ánh' });
  });

  it('the CMS carries content-type, message-digest, signing-time and signing-certificate-v2 (PAdES)', () => {
    const [r] = verifyPdfSignatures(signed, [pki.rootPem]);
    const hex = signed.subarray(r.byteRange[1] + 1, r.byteRange[2] - 1).toString('latin1');
    const raw = Buffer.from(hex, 'hex');
    const sd = parseSignedData(raw.subarray(0, parseDer(raw).end));
    const si = sd.signerInfos[0];
    expect([...si.signedAttrs.keys()].sort()).toEqual([OID.contentType, OID.messageDigest, OID.signingTime, OID.signingCertificateV2].sort());
    expect(si.hash).toBe('sha256');
    // ESSCertIDv2.certHash = SHA-256 of the signer certificate.
    const essCertId = si.signedAttrs.get(OID.signingCertificateV2)![0].children[0].children[0];
    expect(decodeOctetString(essCertId.children[0]).equals(sha256(parseCertificate(pki.signerPem).der))).toBe(true);
    // Signer + intermediate embedded.
    expect(sd.certificates.map((c) => c.commonName)).toEqual(['Nguyễn Văn Ánh', 'CA Trung Gian Thử Nghiệm']);
  });

  it('revocation: good with CRLs for every issuer, revoked when listed, unknown when a CRL is missing', () => {
    const interCrl = crl(pki.intermediatePem, pki.intermediateKeyPem, []);
    const rootCrl = crl(pki.rootPem, pki.rootKeyPem, []);
    expect(verifyPdfSignatures(signed, [pki.rootPem], { crls: [interCrl, rootCrl] })[0]).toMatchObject({ revocation: 'good', status: 'valid' });
    expect(verifyPdfSignatures(signed, [pki.rootPem], { crls: [interCrl] })[0]).toMatchObject({ revocation: 'unknown', status: 'valid' });
    const revoking = crl(pki.intermediatePem, pki.intermediateKeyPem, [{ certPem: pki.signerPem, at: new Date(Date.now() - 3600e3) }]);
    const [r] = verifyPdfSignatures(signed, [pki.rootPem], { crls: [derToPem(revoking, 'X509 CRL'), rootCrl] });
    expect(r).toMatchObject({ integrity: 'valid', chain: 'trusted', revocation: 'revoked', status: 'invalid' });
    expect(r.problems.join(' ')).toMatch(/đã bị thu hồi/);
    // A CRL signed by another key is ignored.
    const forged = crl(pki.intermediatePem, pki.rootKeyPem, [{ certPem: pki.signerPem, at: new Date(Date.now() - 3600e3) }]);
    expect(verifyPdfSignatures(signed, [pki.rootPem], { crls: [forged, rootCrl] })[0].revocation).toBe('unknown');
  });

  it('revocation after the signing time does not invalidate the signature', () => {
    const later = crl(pki.intermediatePem, pki.intermediateKeyPem, [{ certPem: pki.signerPem, at: new Date(Date.now() + 3600e3) }]);
    expect(verifyPdfSignatures(signed, [pki.rootPem], { crls: [later, crl(pki.rootPem, pki.rootKeyPem, [])] })[0].revocation).toBe('good');
  });

  it('the trust store may be an intermediate (anchor) or a PEM bundle', () => {
    expect(verifyPdfSignatures(signed, [pki.intermediatePem])[0].chain).toBe('trusted');
    expect(verifyPdfSignatures(signed, [pki.otherRootPem + pki.rootPem])[0].chain).toBe('trusted');
  });

  it('a corrupted signature value (inside /Contents, outside the signed range) is invalid', () => {
    const [r] = verifyPdfSignatures(signed, [pki.rootPem]);
    const t = Buffer.from(signed);
    // Flip a hex digit near the end of the DER (inside the RSA signature value).
    const hex = t.subarray(r.byteRange[1] + 1, r.byteRange[2] - 1).toString('latin1');
    const derLen = parseDer(Buffer.from(hex, 'hex')).end;
    const pos = r.byteRange[1] + 1 + derLen * 2 - 10;
    t[pos] = t[pos] === 0x30 ? 0x31 : 0x30;
    expect(verifyPdfSignatures(t, [pki.rootPem])[0]).toMatchObject({ integrity: 'invalid', status: 'invalid' });
  });
});
