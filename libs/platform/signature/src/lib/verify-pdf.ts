import { createHash, verify as cryptoVerify } from 'node:crypto';
import { ParsedSignedData, parseSignedData, verifySignedData } from './cms';
import { TAG, Tlv, decodeInteger, decodeOid, decodeTime, isContext, parseDer, readTlv } from './der';
import { OID } from './oids';
import { parseTstInfo } from './timestamp';
import { parsePdfDate } from './vn-time';
import { ParsedCertificate, derToPem, parseCertificate, pemBundleToDer, toDer } from './x509';

export type SignatureStatus = 'valid' | 'invalid' | 'unknown_signer';
export type ChainStatus = 'trusted' | 'untrusted' | 'unknown';
export type RevocationStatus = 'not_checked' | 'good' | 'revoked' | 'unknown';

export interface PdfSignatureVerification {
  /** Field name (/T) when it could be read from an uncompressed field dictionary. */
  fieldName?: string;
  /** Common name of the signer's certificate (falls back to the /Name entry). */
  signerName?: string;
  signerOrganization?: string;
  /** Time-stamp time when a valid time-stamp is present, else the signing-time attribute, else /M. */
  signedAt?: Date;
  signedAtSource: 'timestamp' | 'signing-time' | 'pdf' | 'none';
  reason?: string;
  location?: string;
  subFilter?: string;
  /** The byte-range digest equals the message-digest attribute and the CMS signature verifies. */
  integrity: 'valid' | 'invalid';
  /** The signer's chain reaches a certificate of the trust store. */
  chain: ChainStatus;
  /** Every certificate of the chain was within its validity period at `signedAt`. */
  certValidAtSigningTime: boolean;
  revocation: RevocationStatus;
  timestamp?: { time: Date; integrity: 'valid' | 'invalid'; chain: ChainStatus };
  status: SignatureStatus;
  /** The signed byte ranges reach the end of the file (nothing was appended after this signature). */
  coversWholeDocument: boolean;
  byteRange: [number, number, number, number];
  certificate?: { subject: string; issuer: string; serialNumber: string; notBefore: Date; notAfter: Date; pem: string };
  /** Explanations in Vietnamese, for the desk. */
  problems: string[];
}

export interface VerifyPdfOptions {
  /** CRLs (DER or PEM) to check revocation with, besides those embedded in the signature. */
  crls?: Array<Buffer | string>;
}

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;

/**
 * Verifies every signature of a PDF (integrity, chain to the trust store, validity at signing
 * time, revocation when CRLs are available). Returns [] for an unsigned PDF.
 */
export function verifyPdfSignatures(pdf: Buffer, trustStore: Array<string | Buffer>, options: VerifyPdfOptions = {}): PdfSignatureVerification[] {
  const anchors = trustStore.flatMap((t) => (typeof t === 'string' && t.includes('-----BEGIN') ? pemBundleToDer(t) : [toDer(t)])).map((d) => parseCertificate(d));
  const extraCrls = (options.crls ?? []).flatMap((c) =>
    typeof c === 'string' || c.subarray(0, 11).toString('latin1') === '-----BEGIN ' ? pemBlocks(c.toString(), 'X509 CRL') : [c],
  );
  const text = pdf.toString('latin1');
  const seen = new Set<string>();
  const results: PdfSignatureVerification[] = [];
  for (const m of text.matchAll(BYTE_RANGE)) {
    const br = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] as [number, number, number, number];
    const key = br.join(' ');
    if (seen.has(key)) continue;
    const [a, b, c, d] = br;
    if (a !== 0 || b <= 0 || c <= b || c + d > pdf.length || pdf[b] !== 0x3c || pdf[c - 1] !== 0x3e) continue;
    seen.add(key);
    results.push(verifyOne(pdf, text, m.index!, br, anchors, extraCrls));
  }
  return results;
}

function verifyOne(pdf: Buffer, text: string, at: number, br: [number, number, number, number], anchors: ParsedCertificate[], extraCrls: Buffer[]): PdfSignatureVerification {
  const [, b, c, d] = br;
  const problems: string[] = [];
  const dict = sigDictionary(text, at, b, c);
  const coversWholeDocument = c + d === pdf.length;
  const base: PdfSignatureVerification = {
    fieldName: dict.fieldName,
    signerName: dict.name,
    reason: dict.reason,
    location: dict.location,
    subFilter: dict.subFilter,
    signedAt: dict.m,
    signedAtSource: dict.m ? 'pdf' : 'none',
    integrity: 'invalid',
    chain: 'unknown',
    certValidAtSigningTime: false,
    revocation: 'not_checked',
    status: 'invalid',
    coversWholeDocument,
    byteRange: br,
    problems,
  };
  if (!coversWholeDocument) problems.push('Tài liệu có nội dung được thêm sau chữ ký này (cập nhật sau khi ký)');

  let sd: ParsedSignedData;
  try {
    const hex = text.slice(b + 1, c - 1).replace(/[^0-9a-fA-F]/g, '');
    const raw = Buffer.from(hex.length % 2 ? hex + '0' : hex, 'hex');
    const first = readTlv(raw, 0);
    sd = parseSignedData(raw.subarray(0, first.end));
  } catch (e) {
    problems.push(`Không đọc được chữ ký CMS: ${(e as Error).message}`);
    return base;
  }
  const si = sd.signerInfos[0];
  const signed = Buffer.concat([pdf.subarray(0, b), pdf.subarray(c, c + d)]);
  const v = verifySignedData(sd, { content: signed });
  problems.push(...v.problems);
  const integrity = v.digestMatches && v.signatureValid ? 'valid' : 'invalid';
  const cert = v.signerCertificate;

  // Time: a valid signature time-stamp beats the claimed signing time.
  let signedAt = v.signingTime ?? dict.m;
  let signedAtSource: PdfSignatureVerification['signedAtSource'] = v.signingTime ? 'signing-time' : dict.m ? 'pdf' : 'none';
  let timestamp: PdfSignatureVerification['timestamp'];
  const tsNode = si?.unsignedAttrs.get(OID.signatureTimeStampToken)?.[0];
  if (tsNode && si) {
    timestamp = checkTimestamp(tsNode, si.signature, anchors, problems);
    if (timestamp?.integrity === 'valid') {
      signedAt = timestamp.time;
      signedAtSource = 'timestamp';
    }
  }
  if (!cert) return { ...base, integrity, signedAt, signedAtSource, timestamp };

  const chainResult = buildChain(cert, sd.certificates, anchors);
  const chain: ChainStatus = chainResult.trusted ? 'trusted' : 'untrusted';
  if (!chainResult.trusted) problems.push('Chứng thư số của người ký không thuộc danh sách tin cậy (không xác định được người ký)');
  const t = signedAt ?? new Date();
  const expired = chainResult.chain.filter((x) => t < x.notBefore || t > x.notAfter);
  const certValidAtSigningTime = expired.length === 0;
  for (const x of expired) problems.push(`Chứng thư số "${x.commonName ?? '?'}" không còn hiệu lực tại thời điểm ký`);

  const crls = [...sd.crls, ...archivedCrls(si?.signedAttrs.get('1.2.840.113583.1.1.8')?.[0]), ...extraCrls];
  const revocation = checkRevocation(chainResult.chain, anchors, crls, t, problems);

  let status: SignatureStatus;
  if (integrity === 'invalid') status = 'invalid';
  else if (chain !== 'trusted') status = 'unknown_signer';
  else if (!certValidAtSigningTime || revocation === 'revoked') status = 'invalid';
  else status = 'valid';

  return {
    ...base,
    signerName: cert.commonName ?? dict.name,
    signerOrganization: cert.organization,
    signedAt,
    signedAtSource,
    integrity,
    chain,
    certValidAtSigningTime,
    revocation,
    timestamp,
    status,
    certificate: {
      subject: cert.x509.subject,
      issuer: cert.x509.issuer,
      serialNumber: cert.x509.serialNumber,
      notBefore: cert.notBefore,
      notAfter: cert.notAfter,
      pem: derToPem(cert.der),
    },
  };
}

// ---------------------------------------------------------------- chain

export function buildChain(signer: ParsedCertificate, pool: ParsedCertificate[], anchors: ParsedCertificate[]): { chain: ParsedCertificate[]; trusted: boolean } {
  const chain = [signer];
  let current = signer;
  for (let depth = 0; depth < 10; depth++) {
    if (anchors.some((a) => a.der.equals(current.der))) return { chain, trusted: true };
    const issuer = [...anchors, ...pool].find(
      (cand) => !cand.der.equals(current.der) && current.x509.checkIssued(cand.x509) && current.x509.verify(cand.x509.publicKey) && cand.x509.ca,
    );
    if (!issuer) return { chain, trusted: false };
    chain.push(issuer);
    current = issuer;
  }
  return { chain, trusted: false };
}

// ---------------------------------------------------------------- time-stamp

function checkTimestamp(tokenNode: Tlv, signatureValue: Buffer, anchors: ParsedCertificate[], problems: string[]): PdfSignatureVerification['timestamp'] {
  try {
    const sd = parseSignedData(Buffer.from(tokenNode.raw));
    if (sd.eContentType !== OID.tstInfo || !sd.eContent) throw new Error('không chứa TSTInfo');
    const tst = parseTstInfo(sd.eContent);
    const v = verifySignedData(sd, {});
    const imprintOk = !!tst.hash && createHash(tst.hash).update(signatureValue).digest().equals(tst.hashedMessage);
    const integrity = v.digestMatches && v.signatureValid && imprintOk ? 'valid' : 'invalid';
    if (integrity === 'invalid') problems.push('Dấu thời gian không hợp lệ');
    const chain: ChainStatus = v.signerCertificate ? (buildChain(v.signerCertificate, sd.certificates, anchors).trusted ? 'trusted' : 'untrusted') : 'unknown';
    return { time: tst.genTime, integrity, chain };
  } catch (e) {
    problems.push(`Không đọc được dấu thời gian: ${(e as Error).message}`);
    return undefined;
  }
}

// ---------------------------------------------------------------- revocation (CRL)

interface ParsedCrl {
  issuerRaw: Buffer;
  tbsRaw: Buffer;
  sigAlg: string;
  signature: Buffer;
  revoked: Array<{ serial: bigint; date: Date }>;
}

const CRL_SIG_HASH: Record<string, string> = {
  [OID.sha1WithRSA]: 'sha1',
  [OID.sha256WithRSA]: 'sha256',
  [OID.sha384WithRSA]: 'sha384',
  [OID.sha512WithRSA]: 'sha512',
  [OID.ecdsaWithSha256]: 'sha256',
  [OID.ecdsaWithSha384]: 'sha384',
  [OID.ecdsaWithSha512]: 'sha512',
};

export function parseCrl(crl: Buffer): ParsedCrl {
  const root = parseDer(crl);
  const tbs = root.children[0];
  let i = tbs.children[0].tag === TAG.INTEGER ? 1 : 0;
  i++; // signature algorithm
  const issuer = tbs.children[i++];
  i++; // thisUpdate
  if (tbs.children[i] && (tbs.children[i].tag === TAG.UTC_TIME || tbs.children[i].tag === TAG.GENERALIZED_TIME)) i++;
  const list = tbs.children[i] && tbs.children[i].tag === TAG.SEQUENCE ? tbs.children[i].children : [];
  return {
    issuerRaw: Buffer.from(issuer.raw),
    tbsRaw: Buffer.from(tbs.raw),
    sigAlg: decodeOid(root.children[1].children[0]),
    signature: root.children[2].content.subarray(1),
    revoked: list.map((r) => ({ serial: decodeInteger(r.children[0]), date: decodeTime(r.children[1]) })),
  };
}

function checkRevocation(chain: ParsedCertificate[], anchors: ParsedCertificate[], crlDers: Buffer[], t: Date, problems: string[]): RevocationStatus {
  if (crlDers.length === 0) return 'not_checked';
  const crls = crlDers.flatMap((d) => {
    try {
      return [parseCrl(d)];
    } catch {
      return [];
    }
  });
  let allGood = true;
  for (let i = 0; i < chain.length; i++) {
    const cert = chain[i];
    if (anchors.some((a) => a.der.equals(cert.der))) break;
    const issuer = chain[i + 1];
    if (!issuer) {
      allGood = false;
      break;
    }
    const crl = crls.find((x) => {
      const hash = CRL_SIG_HASH[x.sigAlg];
      try {
        return x.issuerRaw.equals(cert.issuerRaw) && !!hash && cryptoVerify(hash, x.tbsRaw, issuer.x509.publicKey, x.signature);
      } catch {
        return false;
      }
    });
    if (!crl) {
      allGood = false;
      continue;
    }
    const serial = decodeInteger(parseDer(cert.serialRaw));
    const hit = crl.revoked.find((r) => r.serial === serial);
    if (hit && hit.date <= t) {
      problems.push(`Chứng thư số "${cert.commonName ?? '?'}" đã bị thu hồi trước thời điểm ký`);
      return 'revoked';
    }
  }
  return allGood ? 'good' : 'unknown';
}

/** CRLs from Adobe's revocation-info-archival signed attribute. */
function archivedCrls(node: Tlv | undefined): Buffer[] {
  if (!node) return [];
  const crl0 = node.children.find((ch) => isContext(ch, 0));
  return crl0?.children[0]?.children.map((c) => Buffer.from(c.raw)) ?? [];
}

function pemBlocks(pem: string, label: string): Buffer[] {
  const re = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`, 'g');
  return [...pem.matchAll(re)].map((m) => Buffer.from(m[1].replace(/\s+/g, ''), 'base64'));
}

// ---------------------------------------------------------------- signature dictionary

interface SigDict {
  name?: string;
  reason?: string;
  location?: string;
  subFilter?: string;
  m?: Date;
  fieldName?: string;
}

function sigDictionary(text: string, byteRangeAt: number, contentsStart: number, contentsEnd: number): SigDict {
  const objStart = text.lastIndexOf(' obj', byteRangeAt);
  const headMatch = /(\d+)\s+(\d+)\s*$/.exec(text.slice(Math.max(0, objStart - 24), objStart));
  const objEnd = text.indexOf('endobj', Math.max(byteRangeAt, contentsEnd));
  const from = Math.max(0, objStart);
  const to = objEnd < 0 ? text.length : objEnd;
  const body = contentsStart > from && contentsEnd <= to ? text.slice(from, contentsStart) + text.slice(contentsEnd, to) : text.slice(from, to);
  const str = (key: string): string | undefined => {
    const m = new RegExp(`/${key}\\s*(\\(|<(?!<))`).exec(body);
    return m ? readPdfString(body, m.index + m[0].length - 1) : undefined;
  };
  const out: SigDict = {
    name: str('Name'),
    reason: str('Reason'),
    location: str('Location'),
    subFilter: /\/SubFilter\s*\/([^\s/<>[\]()]+)/.exec(body)?.[1],
  };
  const m = str('M');
  if (m) out.m = parsePdfDate(m);
  if (headMatch) {
    const ref = new RegExp(`/V\\s+${headMatch[1]}\\s+${headMatch[2]}\\s+R`, 'g');
    for (const r of text.matchAll(ref)) {
      const s = text.lastIndexOf(' obj', r.index!);
      const e = text.indexOf('endobj', r.index!);
      const fieldBody = text.slice(s, e);
      const tm = /\/T\s*(\(|<(?!<))/.exec(fieldBody);
      if (tm) {
        out.fieldName = readPdfString(fieldBody, tm.index + tm[0].length - 1);
        break;
      }
    }
  }
  return out;
}

/** Reads a PDF literal "(…)" or hex "<…>" string at `start` and decodes it as a text string. */
export function readPdfString(s: string, start: number): string | undefined {
  const bytes: number[] = [];
  if (s[start] === '<') {
    const end = s.indexOf('>', start);
    if (end < 0) return undefined;
    let hex = s.slice(start + 1, end).replace(/\s+/g, '');
    if (hex.length % 2) hex += '0';
    bytes.push(...Buffer.from(hex, 'hex'));
  } else if (s[start] === '(') {
    let depth = 0;
    for (let i = start + 1; i < s.length; i++) {
      const ch = s[i];
      if (ch === '\\') {
        const nx = s[++i];
        const esc: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
        if (nx in esc) bytes.push(esc[nx]);
        else if (/[0-7]/.test(nx)) {
          let oct = nx;
          while (oct.length < 3 && /[0-7]/.test(s[i + 1])) oct += s[++i];
          bytes.push(parseInt(oct, 8) & 0xff);
        } else if (nx === '\r' && s[i + 1] === '\n') i++;
        else if (nx !== '\n' && nx !== '\r') bytes.push(nx.charCodeAt(0));
        continue;
      }
      if (ch === '(') depth++;
      if (ch === ')' && depth-- === 0) break;
      bytes.push(ch.charCodeAt(0));
    }
  } else return undefined;
  const buf = Buffer.from(bytes);
  if (buf[0] === 0xfe && buf[1] === 0xff) {
    const le = Buffer.from(buf.subarray(2));
    for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
    return le.toString('utf16le');
  }
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3).toString('utf8');
  return buf.toString('latin1');
}
