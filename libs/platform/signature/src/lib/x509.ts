import { X509Certificate, createHash } from 'node:crypto';
import { TAG, Tlv, decodeOid, decodeOctetString, decodeTime, isContext, parseDer } from './der';
import { OID } from './oids';

/** The parts of an X.509 certificate this library needs, with exact DER slices. */
export interface ParsedCertificate {
  der: Buffer;
  x509: X509Certificate;
  serialRaw: Buffer;
  issuerRaw: Buffer;
  subjectRaw: Buffer;
  notBefore: Date;
  notAfter: Date;
  subjectKeyIdentifier?: Buffer;
  commonName?: string;
  organization?: string;
  sha256: Buffer;
}

/** Accepts DER or PEM (one certificate). */
export function toDer(cert: Buffer | string): Buffer {
  const text = typeof cert === 'string' ? cert : cert.subarray(0, 30).toString('latin1');
  if (text.includes('-----BEGIN')) {
    const pem = typeof cert === 'string' ? cert : cert.toString('latin1');
    const m = /-----BEGIN [A-Z0-9 ]+-----([\s\S]*?)-----END/.exec(pem);
    if (!m) throw new Error('PEM không hợp lệ');
    return Buffer.from(m[1].replace(/\s+/g, ''), 'base64');
  }
  return Buffer.isBuffer(cert) ? cert : Buffer.from(cert, 'base64');
}

/** Splits a PEM bundle (or several) into DER certificates. */
export function pemBundleToDer(pems: string | string[]): Buffer[] {
  const all = Array.isArray(pems) ? pems.join('\n') : pems;
  const out: Buffer[] = [];
  const re = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(all))) out.push(Buffer.from(m[1].replace(/\s+/g, ''), 'base64'));
  return out;
}

export function derToPem(der: Buffer, label = 'CERTIFICATE'): string {
  const b64 = der.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

/** Reads a DirectoryString (UTF8String, PrintableString, BMPString, ...) as text. */
export function decodeDirectoryString(node: Tlv): string {
  if (node.tag === TAG.BMP_STRING) {
    const b = Buffer.from(node.content);
    for (let i = 0; i + 1 < b.length; i += 2) [b[i], b[i + 1]] = [b[i + 1], b[i]];
    return b.toString('utf16le');
  }
  return node.content.toString(node.tag === TAG.UTF8_STRING ? 'utf8' : 'latin1');
}

/** The first value of an attribute type in a Name (RDNSequence). */
export function nameAttribute(nameRaw: Buffer, attrOid: string): string | undefined {
  const name = parseDer(nameRaw);
  for (const rdn of name.children) {
    for (const atv of rdn.children) {
      if (atv.children.length >= 2 && decodeOid(atv.children[0]) === attrOid) return decodeDirectoryString(atv.children[1]);
    }
  }
  return undefined;
}

export function parseCertificate(input: Buffer | string): ParsedCertificate {
  const der = toDer(input);
  const root = parseDer(der);
  const tbs = root.children[0];
  let i = 0;
  if (isContext(tbs.children[0], 0)) i++; // [0] EXPLICIT version
  const serial = tbs.children[i];
  const issuer = tbs.children[i + 2];
  const validity = tbs.children[i + 3];
  const subject = tbs.children[i + 4];
  let ski: Buffer | undefined;
  for (const child of tbs.children.slice(i + 6)) {
    if (!isContext(child, 3)) continue;
    for (const ext of child.children[0]?.children ?? []) {
      if (decodeOid(ext.children[0]) === OID.subjectKeyIdentifier) {
        const value = ext.children[ext.children.length - 1];
        ski = decodeOctetString(parseDer(decodeOctetString(value)));
      }
    }
  }
  return {
    der,
    x509: new X509Certificate(der),
    serialRaw: Buffer.from(serial.raw),
    issuerRaw: Buffer.from(issuer.raw),
    subjectRaw: Buffer.from(subject.raw),
    notBefore: decodeTime(validity.children[0]),
    notAfter: decodeTime(validity.children[1]),
    subjectKeyIdentifier: ski,
    commonName: nameAttribute(subject.raw, OID.commonName),
    organization: nameAttribute(subject.raw, OID.organizationName),
    sha256: createHash('sha256').update(der).digest(),
  };
}
