import { createPrivateKey, sign as cryptoSign } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { Server, createServer } from 'node:http';
import { TestPki, createTestPki } from './__fixtures__/test-pki';
import { vietnamesePdf } from './__fixtures__/pdfs';
import { pdfsig } from './__fixtures__/pdfsig';
import { buildSignedData, parseSignedData } from './cms';
import * as der from './der';
import { decodeInteger, decodeOctetString, decodeOid, parseDer } from './der';
import { OID } from './oids';
import { Pkcs12Signer } from './pkcs12-signer';
import { sha256 } from './signer';
import { signPdf } from './sign-pdf';
import { encodeTimeStampRequest, parseTimeStampResponse, requestTimestamp } from './timestamp';
import { verifyPdfSignatures } from './verify-pdf';
import { toDer } from './x509';

jest.setTimeout(30_000);

/** A tiny RFC 3161 TSA: answers a TimeStampReq with a token signed by the test TSA certificate. */
function startTsa(pki: TestPki, genTime: Date): Promise<{ server: Server; url: string }> {
  const key = createPrivateKey(pki.tsaKeyPem);
  let serial = 1;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const send = (body: Buffer) => {
        res.writeHead(200, { 'content-type': 'application/timestamp-reply' });
        res.end(body);
      };
      if (req.url === '/reject') return send(der.seq(der.seq(der.integer(2), der.seq(der.tlv(0x0c, Buffer.from('Từ chối thử nghiệm', 'utf8'))))));
      const tsReq = parseDer(Buffer.concat(chunks));
      const imprint = tsReq.children[1];
      const nonce = tsReq.children.find((c, i) => i > 1 && c.tag === 0x02);
      const tstInfo = der.seq(
        der.integer(1),
        der.oid('1.3.6.1.4.1.99999.1'),
        Buffer.from(imprint.raw),
        der.integer(serial++),
        der.generalizedTime(genTime),
        ...(nonce ? [Buffer.from(nonce.raw)] : []),
      );
      const token = await buildSignedData({
        digest: sha256(tstInfo),
        certificate: toDer(pki.tsaPem),
        chain: [toDer(pki.intermediatePem)],
        eContent: tstInfo,
        eContentType: OID.tstInfo,
        signingTime: genTime,
        keyType: 'rsa',
        signRaw: async (tbs) => cryptoSign('sha256', tbs, key),
      });
      send(der.seq(der.seq(der.integer(0)), token));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })),
  );
}

describe('RFC 3161 time-stamps', () => {
  let pki: TestPki;
  let tsa: { server: Server; url: string };
  const genTime = new Date(Date.now() - 60_000);
  genTime.setUTCMilliseconds(0);

  beforeAll(async () => {
    pki = createTestPki();
    tsa = await startTsa(pki, genTime);
  });
  afterAll(async () => {
    tsa.server.closeAllConnections();
    await new Promise<void>((r) => tsa.server.close(() => r()));
  });

  it('encodes a TimeStampReq: version 1, SHA-256 imprint, nonce, certReq', () => {
    const hash = sha256(Buffer.from('chữ ký'));
    const { der: req, nonce } = encodeTimeStampRequest(hash, { nonce: 0x1234567890abcdefn });
    const n = parseDer(req).children;
    expect(decodeInteger(n[0])).toBe(1n);
    expect(decodeOid(n[1].children[0].children[0])).toBe(OID.sha256);
    expect(decodeOctetString(n[1].children[1]).equals(hash)).toBe(true);
    expect(decodeInteger(n[2])).toBe(nonce);
    expect(nonce).toBe(0x1234567890abcdefn);
    expect(n[3].raw.toString('hex')).toBe('0101ff');
    expect(req.toString('hex')).toBe(
      // SEQ { INTEGER 1, SEQ { SEQ { sha256, NULL }, OCTET STRING hash }, INTEGER nonce, BOOLEAN TRUE }
      '3043' + '020101' + '3031' + '300d06096086480165030402010500' + '0420' + hash.toString('hex') + '02081234567890abcdef' + '0101ff',
    );
  });

  it('requests a token from the TSA and checks imprint and nonce', async () => {
    const hash = sha256(Buffer.from('giá trị chữ ký'));
    const { token, tstInfo } = await requestTimestamp(hash, { url: `${tsa.url}/tsa` });
    expect(tstInfo.hashedMessage.equals(hash)).toBe(true);
    expect(tstInfo.genTime.toISOString()).toBe(genTime.toISOString());
    expect(parseSignedData(token).eContentType).toBe(OID.tstInfo);
  });

  it('reports a rejection with the TSA status text', async () => {
    await expect(requestTimestamp(sha256(Buffer.from('x')), { url: `${tsa.url}/reject` })).rejects.toThrow(/từ chối yêu cầu \(trạng thái 2: Từ chối thử nghiệm\)/);
    expect(parseTimeStampResponse(der.seq(der.seq(der.integer(2)))).status).toBe(2);
  });

  it('signPdf with a TSA: the token is an unsigned attribute; signedAt comes from it; pdfsig still valid', async () => {
    const signer = new Pkcs12Signer(pki.signerP12, pki.p12Password);
    const out = await signPdf(await vietnamesePdf(), signer, { signerName: 'Nguyễn Văn Ánh', tsa: { url: `${tsa.url}/tsa` } });
    const [r] = verifyPdfSignatures(out, [pki.rootPem]);
    expect(r).toMatchObject({ integrity: 'valid', chain: 'trusted', status: 'valid', signedAtSource: 'timestamp' });
    expect(r.timestamp).toEqual({ time: genTime, integrity: 'valid', chain: 'trusted' });
    expect(r.signedAt).toEqual(genTime);
    expect(pdfsig(out).signatures[0]).toMatchObject({ signatureValidation: 'Signature is Valid.', totalDocumentSigned: true });
  });

  it('a TSA that cannot be reached fails the signature with a Vietnamese error', async () => {
    const signer = new Pkcs12Signer(pki.signerP12, pki.p12Password);
    await expect(signPdf(await vietnamesePdf(), signer, { signerName: 'A', tsa: { url: 'http://127.0.0.1:1/tsa', timeoutMs: 2000 } })).rejects.toThrow(
      /Không kết nối được máy chủ dấu thời gian/,
    );
  });
});
