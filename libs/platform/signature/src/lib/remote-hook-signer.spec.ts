import { createPrivateKey, privateEncrypt } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { Server, createServer } from 'node:http';
import { TestPki, createTestPki } from './__fixtures__/test-pki';
import { vietnamesePdf } from './__fixtures__/pdfs';
import { pdfsig } from './__fixtures__/pdfsig';
import { SignatureError } from './errors';
import { LocalKeySigner } from './pkcs12-signer';
import { RemoteHookSigner } from './remote-hook-signer';
import { sha256 } from './signer';
import { signPdf } from './sign-pdf';
import { verifyPdfSignatures } from './verify-pdf';

jest.setTimeout(30_000);

const TOKEN = 'token-bi-mat-cua-don-vi';
const KEY_ID = 'ubnd-ben-nghe-01';
const DIGEST_INFO_SHA256 = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/** A small remote signing service, in the shape of Vietnamese remote-signing APIs. */
function startSigningServer(pki: TestPki): Promise<{ server: Server; url: string; requests: any[] }> {
  const key = LocalKeySigner.fromPem(pki.signerKeyPem, pki.signerPem, pki.intermediatePem);
  const privateKey = createPrivateKey(pki.signerKeyPem);
  const requests: any[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', async () => {
      const reply = (status: number, json: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(json));
      };
      const input = body ? JSON.parse(body) : {};
      requests.push({ path: req.url, headers: req.headers, body: input });
      if (req.headers.authorization !== `Bearer ${TOKEN}`) return reply(401, { message: 'Unauthorized' });
      if (input.keyId !== KEY_ID) return reply(404, { message: `Không tìm thấy khóa ${input.keyId}` });
      const digest = Buffer.from(input.digest, 'base64');
      if (req.url === '/slow') return void setTimeout(() => reply(200, {}), 2000).unref();
      if (req.url === '/broken') return reply(500, { message: 'HSM không sẵn sàng' });
      if (req.url === '/not-json') {
        res.writeHead(200);
        return res.end('<html>');
      }
      if (req.url === '/wrong-digest') {
        const cms = await key.sign(sha256(Buffer.from('khác')), { signingTime: new Date(input.signingTime) });
        return reply(200, { signature: cms.toString('base64') });
      }
      if (input.format === 'raw') {
        return reply(200, { signature: privateEncrypt(privateKey, Buffer.concat([DIGEST_INFO_SHA256, digest])).toString('base64') });
      }
      const cms = await key.sign(digest, { signingTime: input.signingTime ? new Date(input.signingTime) : null });
      return reply(200, { signature: cms.toString('base64') });
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests })),
  );
}

describe('RemoteHookSigner against a signing server started by the test', () => {
  let pki: TestPki;
  let srv: { server: Server; url: string; requests: any[] };
  let pdf: Buffer;

  beforeAll(async () => {
    pki = createTestPki();
    srv = await startSigningServer(pki);
    pdf = await vietnamesePdf();
  });
  afterAll(async () => {
    srv.server.closeAllConnections();
    await new Promise<void>((r) => srv.server.close(() => r()));
  });

  const signer = (path = '/sign', extra: Partial<ConstructorParameters<typeof RemoteHookSigner>[0]> = {}) =>
    new RemoteHookSigner({ url: `${srv.url}${path}`, keyId: KEY_ID, token: TOKEN, timeoutMs: 5000, ...extra });

  it('signs a PDF: digest, key id and bearer token sent; pdfsig and our verifier accept the result', async () => {
    const remote = signer();
    const signedAt = new Date();
    const out = await signPdf(pdf, remote, { signerName: 'Nguyễn Văn Ánh', unitName: 'UBND phường Bến Nghé', signedAt, visible: { page: 1, rect: { x: 300, y: 40, width: 250, height: 60 } } });
    const last = srv.requests[srv.requests.length - 1];
    expect(last.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(last.body).toMatchObject({ keyId: KEY_ID, hashAlgorithm: 'SHA-256', format: 'cms', signingTime: signedAt.toISOString() });
    expect(Buffer.from(last.body.digest, 'base64')).toHaveLength(32);
    expect(verifyPdfSignatures(out, [pki.rootPem])[0]).toMatchObject({ integrity: 'valid', chain: 'trusted', status: 'valid', signerName: 'Nguyễn Văn Ánh' });
    expect(pdfsig(out).signatures[0]).toMatchObject({ signatureValidation: 'Signature is Valid.', totalDocumentSigned: true });
    // The certificate is learnt from the returned CMS.
    expect((await remote.certificate()).commonName).toBe('Nguyễn Văn Ánh');
  });

  it('raw mode: the service signs the hash of our signed attributes; we build the CMS', async () => {
    const remote = signer('/sign', { mode: 'raw', certificatePem: pki.signerPem + pki.intermediatePem });
    const out = await signPdf(pdf, remote, { signerName: 'Nguyễn Văn Ánh' });
    expect(srv.requests[srv.requests.length - 1].body.format).toBe('raw');
    expect(verifyPdfSignatures(out, [pki.rootPem])[0]).toMatchObject({ integrity: 'valid', chain: 'trusted', status: 'valid' });
    expect(pdfsig(out).signatures[0].signatureValidation).toBe('Signature is Valid.');
  });

  const digest = sha256(Buffer.from('dữ liệu'));
  const expectError = async (p: Promise<unknown>, code: SignatureError['code'], message: RegExp) => {
    const err = await p.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SignatureError);
    expect((err as SignatureError).code).toBe(code);
    expect((err as SignatureError).message).toMatch(message);
  };

  it('wrong token → clear Vietnamese authentication error', async () => {
    await expectError(signer('/sign', { token: 'sai' }).sign(digest), 'REMOTE_AUTH', /từ chối xác thực \(HTTP 401\)/);
  });

  it('timeout → clear Vietnamese timeout error', async () => {
    await expectError(signer('/slow', { timeoutMs: 300 }).sign(digest), 'REMOTE_TIMEOUT', /Dịch vụ ký số từ xa không phản hồi sau 300 ms/);
  });

  it('service unreachable → clear Vietnamese connection error', async () => {
    const closed = createServer();
    const port = await new Promise<number>((r) => closed.listen(0, '127.0.0.1', () => r((closed.address() as AddressInfo).port)));
    await new Promise<void>((r) => closed.close(() => r()));
    await expectError(
      new RemoteHookSigner({ url: `http://127.0.0.1:${port}/sign`, keyId: KEY_ID, token: TOKEN }).sign(digest),
      'REMOTE_UNREACHABLE',
      /Không kết nối được dịch vụ ký số từ xa.*ECONNREFUSED/,
    );
  });

  it('HTTP errors, non-JSON bodies and unknown keys are reported with the service message', async () => {
    await expectError(signer('/broken').sign(digest), 'REMOTE_HTTP', /HTTP 500: HSM không sẵn sàng/);
    await expectError(signer('/not-json').sign(digest), 'REMOTE_RESPONSE', /không phải JSON/);
    await expectError(signer('/sign', { keyId: 'khac' }).sign(digest), 'REMOTE_HTTP', /HTTP 404: Không tìm thấy khóa khac/);
  });

  it('rejects a CMS that signs another digest', async () => {
    await expectError(signer('/wrong-digest').sign(digest), 'REMOTE_RESPONSE', /không khớp với dữ liệu cần ký/);
  });

  it('validates its configuration', () => {
    expect(() => new RemoteHookSigner({ url: 'ftp://x', keyId: 'k' })).toThrow(/URL dịch vụ ký số từ xa không hợp lệ/);
    expect(() => new RemoteHookSigner({ url: 'https://x', keyId: 'k', mode: 'raw' })).toThrow(/certificatePem/);
  });

  it('certificate() before any signature needs certificatePem', async () => {
    await expect(signer().certificate()).rejects.toThrow(/Chưa biết chứng thư số/);
    expect((await signer('/sign', { certificatePem: pki.signerPem }).certificate()).commonName).toBe('Nguyễn Văn Ánh');
  });
});
