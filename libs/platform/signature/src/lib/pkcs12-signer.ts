import { KeyObject, createPrivateKey, createPublicKey, sign as cryptoSign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as forge from 'node-forge';
import { buildSignedData } from './cms';
import { SignatureError } from './errors';
import { CmsSignOptions, CmsSigner, SignerCertificate, toSignerCertificate } from './signer';
import { ParsedCertificate, parseCertificate, pemBundleToDer, toDer } from './x509';

/** CMS signer holding a private key in process memory (RSA or EC), SHA-256. */
export class LocalKeySigner implements CmsSigner {
  private readonly cert: ParsedCertificate;
  private readonly keyType: 'rsa' | 'ec';

  constructor(
    private readonly key: KeyObject,
    certificate: Buffer | string,
    private readonly chain: Buffer[] = [],
    readonly description = 'khóa cục bộ',
  ) {
    this.cert = parseCertificate(certificate);
    const type = key.asymmetricKeyType;
    if (type !== 'rsa' && type !== 'ec') throw new SignatureError('CONFIG', `Loại khóa không được hỗ trợ: ${type} (chỉ RSA hoặc EC)`);
    this.keyType = type;
    const pub = this.cert.x509.publicKey.export({ format: 'der', type: 'spki' });
    if (key.type !== 'private') throw new SignatureError('CONFIG', 'Cần khóa bí mật để ký');
    if (!pub.equals(createPublicKey(key).export({ format: 'der', type: 'spki' }))) {
      throw new SignatureError('CONFIG', 'Khóa bí mật không khớp với chứng thư số của người ký');
    }
  }

  /** From PEM strings: private key (PKCS#8 or PKCS#1), certificate and optional chain bundle. */
  static fromPem(keyPem: string, certPem: string, chainPem = ''): LocalKeySigner {
    return new LocalKeySigner(createPrivateKey(keyPem), toDer(certPem), pemBundleToDer(chainPem));
  }

  async sign(digest: Buffer, options: CmsSignOptions = {}): Promise<Buffer> {
    if (digest.length !== 32) throw new SignatureError('CMS', 'Giá trị băm cần ký phải là SHA-256 (32 byte)');
    return buildSignedData({
      digest,
      certificate: this.cert.der,
      chain: this.chain,
      signingTime: options.signingTime === undefined ? new Date() : options.signingTime,
      keyType: this.keyType,
      signRaw: async (tbs) => cryptoSign('sha256', tbs, this.key),
    });
  }

  async certificate(): Promise<SignerCertificate> {
    return toSignerCertificate(this.cert, this.chain);
  }
}

/**
 * Local PKCS#12 (.p12/.pfx) signer for development and small agencies.
 * Supports RSA keys in PKCS#12 files readable by node-forge (3DES, RC2 or PBES2/AES, SHA-1/SHA-256 MAC).
 */
export class Pkcs12Signer extends LocalKeySigner {
  constructor(p12: Buffer, password: string, description = 'PKCS#12') {
    const { key, cert, chain } = readPkcs12(p12, password);
    super(key, cert, chain, description);
  }

  static fromFile(path: string, password: string): Pkcs12Signer {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (e) {
      throw new SignatureError('PKCS12', `Không đọc được tệp PKCS#12 tại ${path}: ${(e as Error).message}`, { cause: e });
    }
    return new Pkcs12Signer(bytes, password, `PKCS#12 ${path}`);
  }
}

function readPkcs12(p12: Buffer, password: string): { key: KeyObject; cert: Buffer; chain: Buffer[] } {
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary')));
    parsed = forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
  } catch (e) {
    const msg = (e as Error).message ?? '';
    const wrongPassword = /password|mac|decrypt|invalid/i.test(msg);
    throw new SignatureError(
      'PKCS12',
      wrongPassword
        ? 'Không mở được tệp PKCS#12: sai mật khẩu hoặc tệp hỏng'
        : `Không đọc được tệp PKCS#12: ${msg}`,
      { cause: e },
    );
  }
  const keyBags = [
    ...(parsed.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ?? []),
    ...(parsed.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag] ?? []),
  ];
  const keyBag = keyBags.find((b) => b.key);
  if (!keyBag?.key) throw new SignatureError('PKCS12', 'Tệp PKCS#12 không chứa khóa bí mật RSA');
  const key = createPrivateKey(forge.pki.privateKeyToPem(keyBag.key));
  const certs = (parsed.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [])
    .filter((b) => b.cert)
    .map((b) => Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(b.cert!)).getBytes(), 'binary'));
  if (certs.length === 0) throw new SignatureError('PKCS12', 'Tệp PKCS#12 không chứa chứng thư số');
  const spki = createPublicKey(key).export({ format: 'der', type: 'spki' });
  const signerDer = certs.find((c) => parseCertificate(c).x509.publicKey.export({ format: 'der', type: 'spki' }).equals(spki));
  if (!signerDer) throw new SignatureError('PKCS12', 'Tệp PKCS#12 không có chứng thư số khớp với khóa bí mật');
  return { key, cert: signerDer, chain: orderChain(signerDer, certs.filter((c) => c !== signerDer)) };
}

/** Orders the other certificates issuer-first starting from the signer; unrelated ones go last. */
function orderChain(signer: Buffer, others: Buffer[]): Buffer[] {
  const pool = others.map((d) => parseCertificate(d));
  const out: Buffer[] = [];
  let current = parseCertificate(signer);
  for (;;) {
    const issuer = pool.find((c) => !out.includes(c.der) && c.subjectRaw.equals(current.issuerRaw) && !c.der.equals(current.der));
    if (!issuer) break;
    out.push(issuer.der);
    current = issuer;
  }
  return [...out, ...pool.map((c) => c.der).filter((d) => !out.includes(d))];
}
