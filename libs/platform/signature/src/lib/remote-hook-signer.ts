import { buildSignedData, parseSignedData, verifySignedData } from './cms';
import { SignatureError } from './errors';
import { CmsSignOptions, CmsSigner, SignerCertificate, sha256, signerCertificateFromDer } from './signer';
import { parseCertificate, pemBundleToDer, toDer } from './x509';

export interface RemoteHookSignerOptions {
  /** Endpoint receiving the POST (e.g. https://ky-so.example.gov.vn/api/sign). */
  url: string;
  /** Identifier of the key/certificate at the signing service (credential id, key alias). */
  keyId: string;
  /** Bearer token sent as `Authorization: Bearer …`. */
  token?: string;
  /** Per-request timeout; default 30 s (remote services may wait for the holder's confirmation). */
  timeoutMs?: number;
  /**
   * `cms` (default): the service returns a detached CMS SignedData for the digest.
   * `raw`: the service returns only the signature value (PKCS#1 v1.5 / ECDSA) over the digest of the
   * CMS signed attributes we build; requires `certificatePem`.
   */
  mode?: 'cms' | 'raw';
  /** Signer certificate (PEM), and optionally its chain after it; required for `raw`. */
  certificatePem?: string;
  /** Injected for tests; defaults to global fetch. */
  fetch?: typeof fetch;
}

/**
 * Request (JSON, POST): { keyId, hashAlgorithm: "SHA-256", digest: base64, signingTime: ISO-8601, format: "cms"|"raw" }
 * Response (JSON): { signature: base64 } — DER CMS SignedData (detached) for `cms`, the raw signature value for `raw`;
 * optional `certificate` (base64 DER or PEM) is remembered for certificate().
 */
export class RemoteHookSigner implements CmsSigner {
  readonly description: string;
  private lastCertificate?: SignerCertificate;
  private readonly configured?: SignerCertificate;

  constructor(private readonly opts: RemoteHookSignerOptions) {
    if (!/^https?:\/\//.test(opts.url)) throw new SignatureError('CONFIG', `URL dịch vụ ký số từ xa không hợp lệ: ${opts.url}`);
    if (!opts.keyId) throw new SignatureError('CONFIG', 'Thiếu mã khóa (keyId) của dịch vụ ký số từ xa');
    this.description = `dịch vụ ký số từ xa ${new URL(opts.url).origin} (khóa ${opts.keyId})`;
    if (opts.certificatePem) {
      const [cert, ...chain] = pemBundleToDer(opts.certificatePem);
      if (!cert) throw new SignatureError('CONFIG', 'certificatePem không chứa chứng thư số PEM');
      this.configured = signerCertificateFromDer(cert, chain);
    }
    if ((opts.mode ?? 'cms') === 'raw' && !this.configured) {
      throw new SignatureError('CONFIG', 'Chế độ ký "raw" cần cấu hình chứng thư số của người ký (certificatePem)');
    }
  }

  async sign(digest: Buffer, options: CmsSignOptions = {}): Promise<Buffer> {
    if (digest.length !== 32) throw new SignatureError('CMS', 'Giá trị băm cần ký phải là SHA-256 (32 byte)');
    const signingTime = options.signingTime === undefined ? new Date() : options.signingTime;
    if ((this.opts.mode ?? 'cms') === 'raw') {
      const cert = this.configured!;
      const keyType = parseCertificate(cert.der).x509.publicKey.asymmetricKeyType === 'ec' ? 'ec' : 'rsa';
      return buildSignedData({
        digest,
        certificate: cert.der,
        chain: cert.chain,
        signingTime,
        keyType,
        signRaw: (tbs) => this.call(sha256(tbs), signingTime, 'raw'),
      }).then((cms) => this.checkCms(cms, digest));
    }
    const cms = await this.call(digest, signingTime, 'cms');
    return this.checkCms(cms, digest);
  }

  async certificate(): Promise<SignerCertificate> {
    const cert = this.configured ?? this.lastCertificate;
    if (!cert) {
      throw new SignatureError(
        'CONFIG',
        `Chưa biết chứng thư số của ${this.description}: cấu hình certificatePem hoặc ký một lần để lấy chứng thư từ chữ ký`,
      );
    }
    return cert;
  }

  /** Rejects a CMS that does not sign this digest or whose signature does not verify. */
  private checkCms(cms: Buffer, digest: Buffer): Buffer {
    let ok = false;
    try {
      const sd = parseSignedData(cms);
      const v = verifySignedData(sd, { contentDigest: digest });
      ok = v.digestMatches && v.signatureValid;
      if (ok && v.signerCertificate) {
        const chain = sd.certificates.filter((c) => c !== v.signerCertificate).map((c) => c.der);
        this.lastCertificate = signerCertificateFromDer(v.signerCertificate.der, chain);
      }
    } catch (e) {
      throw new SignatureError('REMOTE_RESPONSE', `Chữ ký do ${this.description} trả về không phải CMS hợp lệ: ${(e as Error).message}`, { cause: e });
    }
    if (!ok) throw new SignatureError('REMOTE_RESPONSE', `Chữ ký do ${this.description} trả về không khớp với dữ liệu cần ký`);
    return cms;
  }

  private async call(digest: Buffer, signingTime: Date | null, format: 'cms' | 'raw'): Promise<Buffer> {
    const timeoutMs = this.opts.timeoutMs ?? 30_000;
    const doFetch = this.opts.fetch ?? fetch;
    let res: Response;
    try {
      res = await doFetch(this.opts.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          ...(this.opts.token ? { authorization: `Bearer ${this.opts.token}` } : {}),
        },
        body: JSON.stringify({
          keyId: this.opts.keyId,
          hashAlgorithm: 'SHA-256',
          digest: digest.toString('base64'),
          signingTime: signingTime?.toISOString(),
          format,
        }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (e) {
      const err = e as Error & { cause?: { code?: string; message?: string } };
      if (err.name === 'TimeoutError' || err.name === 'AbortError') {
        throw new SignatureError('REMOTE_TIMEOUT', `Dịch vụ ký số từ xa không phản hồi sau ${formatDuration(timeoutMs)} (${this.opts.url})`, { cause: e });
      }
      const detail = err.cause?.code ?? err.cause?.message ?? err.message;
      throw new SignatureError('REMOTE_UNREACHABLE', `Không kết nối được dịch vụ ký số từ xa tại ${this.opts.url}: ${detail}`, { cause: e });
    }
    let text: string;
    try {
      text = await res.text();
    } catch (e) {
      const timedOut = (e as Error).name === 'TimeoutError' || (e as Error).name === 'AbortError';
      throw new SignatureError(
        timedOut ? 'REMOTE_TIMEOUT' : 'REMOTE_RESPONSE',
        timedOut
          ? `Dịch vụ ký số từ xa không phản hồi sau ${formatDuration(timeoutMs)} (${this.opts.url})`
          : `Không đọc được phản hồi của dịch vụ ký số từ xa: ${(e as Error).message}`,
        { cause: e },
      );
    }
    if (res.status === 401 || res.status === 403) {
      throw new SignatureError('REMOTE_AUTH', `Dịch vụ ký số từ xa từ chối xác thực (HTTP ${res.status}): kiểm tra token và mã khóa ${this.opts.keyId}`);
    }
    if (!res.ok) {
      throw new SignatureError('REMOTE_HTTP', `Dịch vụ ký số từ xa báo lỗi HTTP ${res.status}${errorDetail(text)}`);
    }
    let body: { signature?: unknown; cms?: unknown; certificate?: unknown };
    try {
      body = JSON.parse(text);
    } catch {
      throw new SignatureError('REMOTE_RESPONSE', 'Phản hồi của dịch vụ ký số từ xa không phải JSON hợp lệ');
    }
    const b64 = body.signature ?? body.cms;
    if (typeof b64 !== 'string' || !/^[A-Za-z0-9+/=\s_-]+$/.test(b64) || b64.length < 8) {
      throw new SignatureError('REMOTE_RESPONSE', 'Phản hồi của dịch vụ ký số từ xa thiếu trường "signature" (base64)');
    }
    if (typeof body.certificate === 'string' && !this.configured) {
      try {
        this.lastCertificate = signerCertificateFromDer(toDer(body.certificate));
      } catch {
        /* ignored: the certificate embedded in the CMS is used instead */
      }
    }
    return Buffer.from(b64, 'base64');
  }
}

function errorDetail(text: string): string {
  if (!text) return '';
  try {
    const j = JSON.parse(text) as { message?: unknown; error?: unknown };
    const m = j.message ?? j.error;
    if (typeof m === 'string') return `: ${m.slice(0, 300)}`;
  } catch {
    /* not JSON */
  }
  return `: ${text.slice(0, 300)}`;
}

function formatDuration(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} giây` : `${ms} ms`;
}
