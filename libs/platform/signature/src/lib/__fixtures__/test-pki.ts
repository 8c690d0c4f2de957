import { generateKeyPairSync, randomBytes } from 'node:crypto';
import * as forge from 'node-forge';

/**
 * A throw-away PKI created by the tests themselves (node-forge): root CA → intermediate CA →
 * signer (in a .p12), plus a TSA certificate and an unrelated root.
 */
export interface TestPki {
  rootPem: string;
  rootKeyPem: string;
  intermediatePem: string;
  intermediateKeyPem: string;
  signerPem: string;
  signerKeyPem: string;
  signerP12: Buffer;
  p12Password: string;
  tsaPem: string;
  tsaKeyPem: string;
  otherRootPem: string;
  expiredSignerPem: string;
  expiredSignerKeyPem: string;
}

type Attr = { name?: string; shortName?: string; value: string; valueTagClass?: number };
const dn = (cn: string, o: string): Attr[] => [
  { shortName: 'C', value: 'VN' },
  { name: 'organizationName', value: o, valueTagClass: forge.asn1.Type.UTF8 },
  { name: 'commonName', value: cn, valueTagClass: forge.asn1.Type.UTF8 },
];

function rsaKeys(): { forgePriv: forge.pki.rsa.PrivateKey; forgePub: forge.pki.rsa.PublicKey; pem: string } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ format: 'pem', type: 'pkcs1' }).toString();
  const forgePriv = forge.pki.privateKeyFromPem(pem) as forge.pki.rsa.PrivateKey;
  const forgePub = forge.pki.setRsaPublicKey(forgePriv.n, forgePriv.e);
  return { forgePriv, forgePub, pem };
}

function issue(opts: {
  subject: Attr[];
  issuer?: forge.pki.Certificate;
  issuerKey?: forge.pki.rsa.PrivateKey;
  pub: forge.pki.rsa.PublicKey;
  selfKey: forge.pki.rsa.PrivateKey;
  ca: boolean;
  notBefore?: Date;
  notAfter?: Date;
  extKeyUsage?: Record<string, boolean>;
}): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = opts.pub;
  cert.serialNumber = '01' + randomBytes(8).toString('hex'); // positive, minimal DER INTEGER
  cert.validity.notBefore = opts.notBefore ?? new Date(Date.now() - 24 * 3600e3);
  cert.validity.notAfter = opts.notAfter ?? new Date(Date.now() + 365 * 24 * 3600e3);
  cert.setSubject(opts.subject);
  cert.setIssuer(opts.issuer ? opts.issuer.subject.attributes : opts.subject);
  const exts: any[] = [
    { name: 'basicConstraints', cA: opts.ca, critical: true },
    opts.ca
      ? { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }
      : { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier', subjectKeyIdentifier: true },
  ];
  if (opts.issuer) {
    const iski = opts.issuer.getExtension('subjectKeyIdentifier') as { subjectKeyIdentifier: string } | null;
    if (iski) exts.push({ name: 'authorityKeyIdentifier', keyIdentifier: forge.util.hexToBytes(iski.subjectKeyIdentifier) });
  }
  if (opts.extKeyUsage) exts.push({ name: 'extKeyUsage', critical: true, ...opts.extKeyUsage });
  cert.setExtensions(exts);
  cert.sign(opts.issuerKey ?? opts.selfKey, forge.md.sha256.create());
  return cert;
}

export function createTestPki(): TestPki {
  const rootK = rsaKeys();
  const root = issue({ subject: dn('CA Gốc Thử Nghiệm DVC', 'Ban Cơ yếu (thử nghiệm)'), pub: rootK.forgePub, selfKey: rootK.forgePriv, ca: true });
  const interK = rsaKeys();
  const inter = issue({ subject: dn('CA Trung Gian Thử Nghiệm', 'Ban Cơ yếu (thử nghiệm)'), issuer: root, issuerKey: rootK.forgePriv, pub: interK.forgePub, selfKey: interK.forgePriv, ca: true });
  const signerK = rsaKeys();
  const signer = issue({ subject: dn('Nguyễn Văn Ánh', 'UBND phường Bến Nghé'), issuer: inter, issuerKey: interK.forgePriv, pub: signerK.forgePub, selfKey: signerK.forgePriv, ca: false });
  const tsaK = rsaKeys();
  const tsa = issue({ subject: dn('TSA Thử Nghiệm', 'Ban Cơ yếu (thử nghiệm)'), issuer: inter, issuerKey: interK.forgePriv, pub: tsaK.forgePub, selfKey: tsaK.forgePriv, ca: false, extKeyUsage: { timeStamping: true } });
  const otherK = rsaKeys();
  const other = issue({ subject: dn('CA Khác', 'Không liên quan'), pub: otherK.forgePub, selfKey: otherK.forgePriv, ca: true });
  const expK = rsaKeys();
  const expired = issue({
    subject: dn('Trần Thị Hết Hạn', 'UBND phường Bến Nghé'),
    issuer: inter,
    issuerKey: interK.forgePriv,
    pub: expK.forgePub,
    selfKey: expK.forgePriv,
    ca: false,
    notBefore: new Date(Date.now() - 30 * 24 * 3600e3),
    notAfter: new Date(Date.now() - 2 * 24 * 3600e3),
  });
  const p12Password = 'mat-khau-thu-nghiem';
  const p12Asn1 = forge.pkcs12.toPkcs12Asn1(signerK.forgePriv, [signer, inter], p12Password, { algorithm: '3des', friendlyName: 'ky-so' });
  const signerP12 = Buffer.from(forge.asn1.toDer(p12Asn1).getBytes(), 'binary');
  return {
    rootPem: forge.pki.certificateToPem(root),
    rootKeyPem: rootK.pem,
    intermediatePem: forge.pki.certificateToPem(inter),
    intermediateKeyPem: interK.pem,
    signerPem: forge.pki.certificateToPem(signer),
    signerKeyPem: signerK.pem,
    signerP12,
    p12Password,
    tsaPem: forge.pki.certificateToPem(tsa),
    tsaKeyPem: tsaK.pem,
    otherRootPem: forge.pki.certificateToPem(other),
    expiredSignerPem: forge.pki.certificateToPem(expired),
    expiredSignerKeyPem: expK.pem,
  };
}
