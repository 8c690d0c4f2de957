import { KeyObject, createHash, createPublicKey, verify as cryptoVerify } from 'node:crypto';
import * as der from './der';
import { TAG, Tlv, decodeOctetString, decodeOid, decodeTime, isContext, parseDer } from './der';
import { SignatureError } from './errors';
import { HASH_BY_OID, HashName, OID, OID_BY_HASH } from './oids';
import { ParsedCertificate, parseCertificate } from './x509';

/** Produces the raw signature value over `toBeSigned` (hashing included), e.g. crypto.sign('sha256', …). */
export type RawSignFn = (toBeSigned: Buffer) => Promise<Buffer>;

export interface BuildSignedDataInput {
  /** Hash of the content (for detached signatures: of the bytes being signed). */
  digest: Buffer;
  hash?: HashName;
  certificate: Buffer;
  /** Further certificates to embed (intermediates; the root is optional). */
  chain?: Buffer[];
  /** signing-time attribute; omit (null) for strict PAdES baseline. */
  signingTime?: Date | null;
  keyType: 'rsa' | 'ec';
  signRaw: RawSignFn;
  /** Encapsulated content (e.g. TSTInfo for a time-stamp token); detached when absent. */
  eContent?: Buffer;
  eContentType?: string;
}

const algId = (o: string, nullParams = true): Buffer => der.seq(der.oid(o), ...(nullParams ? [der.nul()] : []));
const attribute = (type: string, ...values: Buffer[]): Buffer => der.seq(der.oid(type), der.set(...values));

/** ESS signing-certificate-v2 (RFC 5035) for SHA-256: certHash + issuerSerial. */
export function signingCertificateV2(cert: ParsedCertificate): Buffer {
  const issuerSerial = der.seq(der.seq(der.explicit(4, cert.issuerRaw)), cert.serialRaw);
  const essCertIdV2 = der.seq(der.octetString(cert.sha256), issuerSerial); // hashAlgorithm DEFAULT sha256
  return der.seq(der.seq(essCertIdV2));
}

/**
 * Builds a CMS ContentInfo(SignedData) with one SignerInfo (issuerAndSerialNumber) and the signed
 * attributes content-type, message-digest, signing-time (optional) and signing-certificate-v2.
 */
export async function buildSignedData(input: BuildSignedDataInput): Promise<Buffer> {
  const hash = input.hash ?? 'sha256';
  const cert = parseCertificate(input.certificate);
  const eContentType = input.eContentType ?? OID.data;
  const attrs = [
    attribute(OID.contentType, der.oid(eContentType)),
    attribute(OID.messageDigest, der.octetString(input.digest)),
    ...(input.signingTime ? [attribute(OID.signingTime, der.time(input.signingTime))] : []),
    attribute(OID.signingCertificateV2, signingCertificateV2(cert)),
  ];
  const signedAttrsSet = der.set(...attrs);
  const signature = await input.signRaw(signedAttrsSet);
  const sigAlg = input.keyType === 'rsa' ? algId(OID.rsaEncryption) : algId(ecdsaOid(hash), false);
  const signerInfo = der.seq(
    der.integer(1),
    der.seq(cert.issuerRaw, cert.serialRaw),
    algId(OID_BY_HASH[hash]),
    der.implicitConstructed(0, signedAttrsSet),
    sigAlg,
    der.octetString(signature),
  );
  const certs = [cert.der, ...(input.chain ?? []).filter((c) => !c.equals(cert.der))];
  const encap = der.seq(der.oid(eContentType), ...(input.eContent ? [der.explicit(0, der.octetString(input.eContent))] : []));
  const signedData = der.seq(
    der.integer(eContentType === OID.data ? 1 : 3),
    der.set(algId(OID_BY_HASH[hash])),
    encap,
    der.tlv(0xa0, Buffer.concat(certs)),
    der.set(signerInfo),
  );
  return der.seq(der.oid(OID.signedData), der.explicit(0, signedData));
}

function ecdsaOid(hash: HashName): string {
  if (hash === 'sha384') return OID.ecdsaWithSha384;
  if (hash === 'sha512') return OID.ecdsaWithSha512;
  return OID.ecdsaWithSha256;
}

// ---------------------------------------------------------------- parsing

export interface ParsedSignerInfo {
  raw: Tlv;
  sidIssuerRaw?: Buffer;
  sidSerialRaw?: Buffer;
  sidKeyId?: Buffer;
  hash: HashName | undefined;
  digestAlgorithmOid: string;
  /** The [0] IMPLICIT signed attributes as received, re-tagged as SET (what was signed). */
  signedAttrsDer?: Buffer;
  signedAttrs: Map<string, Tlv[]>;
  unsignedAttrs: Map<string, Tlv[]>;
  signatureAlgorithmOid: string;
  signatureAlgorithmParams?: Tlv;
  signature: Buffer;
}

export interface ParsedSignedData {
  raw: Buffer;
  eContentType: string;
  eContent?: Buffer;
  certificates: ParsedCertificate[];
  crls: Buffer[];
  signerInfos: ParsedSignerInfo[];
}

function attributesToMap(node: Tlv | undefined): Map<string, Tlv[]> {
  const map = new Map<string, Tlv[]>();
  for (const attr of node?.children ?? []) map.set(decodeOid(attr.children[0]), attr.children[1].children);
  return map;
}

export function parseSignedData(cms: Buffer): ParsedSignedData {
  try {
    const contentInfo = parseDer(cms);
    if (decodeOid(contentInfo.children[0]) !== OID.signedData) throw new Error('không phải SignedData');
    const sd = contentInfo.children[1].children[0];
    const [, , encap, ...rest] = sd.children;
    const eContentType = decodeOid(encap.children[0]);
    const eContent = encap.children[1] ? decodeOctetString(encap.children[1].children[0]) : undefined;
    const certificates: ParsedCertificate[] = [];
    const crls: Buffer[] = [];
    let signerInfosNode: Tlv | undefined;
    for (const node of rest) {
      if (isContext(node, 0)) {
        for (const c of node.children) if (c.tag === TAG.SEQUENCE) certificates.push(parseCertificate(Buffer.from(c.raw)));
      } else if (isContext(node, 1)) {
        for (const c of node.children) if (c.tag === TAG.SEQUENCE) crls.push(Buffer.from(c.raw));
      } else if (node.tag === TAG.SET) signerInfosNode = node;
    }
    const signerInfos = (signerInfosNode?.children ?? []).map(parseSignerInfo);
    return { raw: cms, eContentType, eContent, certificates, crls, signerInfos };
  } catch (e) {
    if (e instanceof SignatureError) throw e;
    throw new SignatureError('CMS', `Cấu trúc chữ ký CMS không hợp lệ: ${(e as Error).message}`, { cause: e });
  }
}

function parseSignerInfo(si: Tlv): ParsedSignerInfo {
  const c = si.children;
  let i = 1;
  const sid = c[i++];
  const out: Partial<ParsedSignerInfo> = { raw: si };
  if (sid.tag === TAG.SEQUENCE) {
    out.sidIssuerRaw = Buffer.from(sid.children[0].raw);
    out.sidSerialRaw = Buffer.from(sid.children[1].raw);
  } else out.sidKeyId = Buffer.from(sid.content);
  const digestAlgorithmOid = decodeOid(c[i++].children[0]);
  let signedAttrsNode: Tlv | undefined;
  if (isContext(c[i], 0)) {
    signedAttrsNode = c[i++];
    out.signedAttrsDer = Buffer.concat([Buffer.from([TAG.SET]), signedAttrsNode.raw.subarray(1)]);
  }
  const sigAlg = c[i++];
  const signature = decodeOctetString(c[i++]);
  const unsigned = c[i] && isContext(c[i], 1) ? c[i] : undefined;
  return {
    ...(out as ParsedSignerInfo),
    hash: HASH_BY_OID[digestAlgorithmOid],
    digestAlgorithmOid,
    signedAttrs: attributesToMap(signedAttrsNode),
    unsignedAttrs: attributesToMap(unsigned),
    signatureAlgorithmOid: decodeOid(sigAlg.children[0]),
    signatureAlgorithmParams: sigAlg.children[1],
    signature,
  };
}

export function findSignerCertificate(sd: ParsedSignedData, si: ParsedSignerInfo, extra: ParsedCertificate[] = []): ParsedCertificate | undefined {
  return [...sd.certificates, ...extra].find((c) =>
    si.sidKeyId
      ? c.subjectKeyIdentifier?.equals(si.sidKeyId)
      : c.serialRaw.equals(si.sidSerialRaw!) && c.issuerRaw.equals(si.sidIssuerRaw!),
  );
}

export function signingTimeOf(si: ParsedSignerInfo): Date | undefined {
  const v = si.signedAttrs.get(OID.signingTime)?.[0];
  return v ? decodeTime(v) : undefined;
}

const SIG_HASH: Record<string, HashName> = {
  [OID.sha1WithRSA]: 'sha1',
  [OID.sha256WithRSA]: 'sha256',
  [OID.sha384WithRSA]: 'sha384',
  [OID.sha512WithRSA]: 'sha512',
  [OID.ecdsaWithSha256]: 'sha256',
  [OID.ecdsaWithSha384]: 'sha384',
  [OID.ecdsaWithSha512]: 'sha512',
};

/** Verifies a raw signature value over `data` with the signer's key, per the SignerInfo's algorithms. */
export function verifyRawSignature(si: ParsedSignerInfo, data: Buffer, key: KeyObject): boolean {
  if (si.signatureAlgorithmOid === OID.rsaPss) return false; // not supported
  const hash = SIG_HASH[si.signatureAlgorithmOid] ?? si.hash;
  if (!hash) return false;
  try {
    return cryptoVerify(hash, data, key, si.signature);
  } catch {
    return false;
  }
}

export interface CmsVerification {
  signerCertificate?: ParsedCertificate;
  /** Digest of the content equals the message-digest attribute (or, without attributes, the signature covers it). */
  digestMatches: boolean;
  /** The signature verifies with the signer certificate's public key. */
  signatureValid: boolean;
  signingTime?: Date;
  problems: string[];
}

/**
 * Cryptographic check of the first SignerInfo of a SignedData against detached content (or the
 * encapsulated content when present). `contentDigest` may be given instead of the content.
 */
export function verifySignedData(
  sd: ParsedSignedData,
  opts: { content?: Buffer; contentDigest?: Buffer; extraCertificates?: ParsedCertificate[] },
): CmsVerification {
  const problems: string[] = [];
  const si = sd.signerInfos[0];
  if (!si) return { digestMatches: false, signatureValid: false, problems: ['Chữ ký CMS không có SignerInfo'] };
  const signerCertificate = findSignerCertificate(sd, si, opts.extraCertificates);
  if (!si.hash) problems.push(`Thuật toán băm không được hỗ trợ: ${si.digestAlgorithmOid}`);
  const content = opts.content ?? sd.eContent;
  const digest = si.hash ? (content ? createHash(si.hash).update(content).digest() : opts.contentDigest) : undefined;
  let digestMatches = false;
  let signatureValid = false;
  const key = signerCertificate ? createPublicKey(signerCertificate.x509.publicKey.export({ format: 'pem', type: 'spki' })) : undefined;
  if (!signerCertificate) problems.push('Không tìm thấy chứng thư số của người ký trong chữ ký');
  if (si.signedAttrsDer) {
    const md = si.signedAttrs.get(OID.messageDigest)?.[0];
    digestMatches = !!digest && !!md && decodeOctetString(md).equals(digest);
    if (!digestMatches) problems.push('Giá trị băm của tài liệu không khớp với chữ ký (tài liệu đã bị thay đổi)');
    if (key) {
      signatureValid = verifyRawSignature(si, si.signedAttrsDer, key);
      if (!signatureValid) problems.push('Giá trị chữ ký không hợp lệ với khóa công khai của chứng thư số');
    }
  } else if (key && content) {
    signatureValid = verifyRawSignature(si, content, key);
    digestMatches = signatureValid;
    if (!signatureValid) problems.push('Giá trị chữ ký không hợp lệ (tài liệu đã bị thay đổi hoặc sai khóa)');
  } else problems.push('Không kiểm tra được chữ ký không có thuộc tính ký');
  return { signerCertificate, digestMatches, signatureValid, signingTime: signingTimeOf(si), problems };
}

/** Returns the CMS with `attr` (a DER Attribute) appended to the first SignerInfo's unsigned attributes. */
export function addUnsignedAttribute(cms: Buffer, attr: Buffer): Buffer {
  const contentInfo = parseDer(cms);
  const explicit0 = contentInfo.children[1];
  const sd = explicit0.children[0];
  const siSet = sd.children[sd.children.length - 1];
  if (siSet.tag !== TAG.SET || siSet.children.length === 0) throw new SignatureError('CMS', 'CMS không có SignerInfo');
  const [first, ...others] = siSet.children;
  const last = first.children[first.children.length - 1];
  const keep = isContext(last, 1) ? first.children.slice(0, -1) : first.children;
  const existing = isContext(last, 1) ? last.children.map((c) => Buffer.from(c.raw)) : [];
  const unsigned = der.tlv(0xa1, Buffer.concat([...existing, attr]));
  const newSi = der.seq(...keep.map((c) => Buffer.from(c.raw)), unsigned);
  const newSet = der.tlv(TAG.SET, Buffer.concat([newSi, ...others.map((c) => Buffer.from(c.raw))]));
  const newSd = der.seq(...sd.children.slice(0, -1).map((c) => Buffer.from(c.raw)), newSet);
  return der.seq(Buffer.from(contentInfo.children[0].raw), der.explicit(0, newSd));
}

export { decodeTime };
