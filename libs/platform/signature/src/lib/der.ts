/**
 * Minimal DER encoder/decoder for the CMS, RFC 3161 and X.509 structures this library needs.
 * Hand-written on purpose: pkijs/asn1js are ESM-only (Jest and the CommonJS build cannot load
 * them), and the decoder must return exact byte slices (signed attributes are verified as sent).
 */

export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  PRINTABLE_STRING: 0x13,
  IA5_STRING: 0x16,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  BMP_STRING: 0x1e,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

// ---------------------------------------------------------------- encoding

function encodeLength(len: number): Buffer {
  if (len < 0x80) return Buffer.from([len]);
  const bytes: number[] = [];
  let n = len;
  while (n > 0) {
    bytes.unshift(n & 0xff);
    n = Math.floor(n / 256);
  }
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** One TLV with the given (single-byte) tag. */
export function tlv(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), encodeLength(content.length), content]);
}

export const seq = (...items: Buffer[]): Buffer => tlv(TAG.SEQUENCE, Buffer.concat(items));

/** SET OF with DER ordering (elements sorted by their encodings). */
export const set = (...items: Buffer[]): Buffer => tlv(TAG.SET, Buffer.concat([...items].sort(Buffer.compare)));

export const octetString = (b: Buffer): Buffer => tlv(TAG.OCTET_STRING, b);
export const nul = (): Buffer => Buffer.from([TAG.NULL, 0]);
export const bool = (v: boolean): Buffer => tlv(TAG.BOOLEAN, Buffer.from([v ? 0xff : 0]));
export const bitString = (b: Buffer): Buffer => tlv(TAG.BIT_STRING, Buffer.concat([Buffer.from([0]), b]));
/** [n] EXPLICIT (constructed context tag). */
export const explicit = (n: number, ...items: Buffer[]): Buffer => tlv(0xa0 | n, Buffer.concat(items));
/** [n] IMPLICIT on a constructed value: replaces its tag, keeps its content. */
export const implicitConstructed = (n: number, encoded: Buffer): Buffer => {
  const node = readTlv(encoded, 0);
  return tlv(0xa0 | n, node.content);
};

/** INTEGER from a non-negative bigint, number or unsigned big-endian bytes. */
export function integer(v: number | bigint | Buffer): Buffer {
  let bytes: Buffer;
  if (Buffer.isBuffer(v)) {
    let i = 0;
    while (i < v.length - 1 && v[i] === 0) i++;
    bytes = v.subarray(i);
  } else {
    let hex = BigInt(v).toString(16);
    if (hex.length % 2) hex = '0' + hex;
    bytes = Buffer.from(hex, 'hex');
  }
  if (bytes.length === 0) bytes = Buffer.from([0]);
  if (bytes[0] & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return tlv(TAG.INTEGER, bytes);
}

export function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map((p) => BigInt(p));
  const out: number[] = [Number(parts[0] * 40n + parts[1])];
  for (const p of parts.slice(2)) {
    const stack: number[] = [Number(p & 0x7fn)];
    let n = p >> 7n;
    while (n > 0n) {
      stack.unshift(Number((n & 0x7fn) | 0x80n));
      n >>= 7n;
    }
    out.push(...stack);
  }
  return tlv(TAG.OID, Buffer.from(out));
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** UTCTime for 1950–2049 (as RFC 5280 requires), GeneralizedTime otherwise. */
export function time(d: Date): Buffer {
  const y = d.getUTCFullYear();
  const rest = `${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
  if (y >= 1950 && y < 2050) return tlv(TAG.UTC_TIME, Buffer.from(`${pad(y % 100)}${rest}`, 'ascii'));
  return generalizedTime(d);
}

export function generalizedTime(d: Date): Buffer {
  const s = `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
  return tlv(TAG.GENERALIZED_TIME, Buffer.from(s, 'ascii'));
}

// ---------------------------------------------------------------- decoding

export class DerError extends Error {}

export interface Tlv {
  /** First identifier octet (class + constructed bit + tag number < 31). */
  tag: number;
  constructed: boolean;
  /** Offset of the identifier octet in the buffer. */
  start: number;
  /** Offset just past the value (past the end-of-contents octets for indefinite lengths). */
  end: number;
  /** The value octets (for indefinite lengths: without the end-of-contents octets). */
  content: Buffer;
  /** The whole encoding, identifier to end. */
  raw: Buffer;
  /** Child elements (constructed values only). */
  children: Tlv[];
}

export function readTlv(buf: Buffer, offset = 0, limit = buf.length): Tlv {
  if (offset + 2 > limit) throw new DerError('ASN.1: dữ liệu bị cắt cụt (truncated)');
  const tag = buf[offset];
  if ((tag & 0x1f) === 0x1f) throw new DerError('ASN.1: thẻ nhiều byte không được hỗ trợ (high tag number)');
  const constructed = (tag & 0x20) !== 0;
  let p = offset + 1;
  const first = buf[p++];
  if (first === 0x80) {
    // Indefinite length (BER): children until end-of-contents.
    if (!constructed) throw new DerError('ASN.1: độ dài không xác định trên kiểu nguyên thủy');
    const children: Tlv[] = [];
    const contentStart = p;
    for (;;) {
      if (p + 2 > limit) throw new DerError('ASN.1: thiếu end-of-contents');
      if (buf[p] === 0 && buf[p + 1] === 0) break;
      const child = readTlv(buf, p, limit);
      children.push(child);
      p = child.end;
    }
    const end = p + 2;
    return { tag, constructed, start: offset, end, content: buf.subarray(contentStart, p), raw: buf.subarray(offset, end), children };
  }
  let len = first;
  if (first & 0x80) {
    const n = first & 0x7f;
    if (n > 6) throw new DerError('ASN.1: độ dài quá lớn');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[p++];
  }
  const end = p + len;
  if (end > limit) throw new DerError('ASN.1: dữ liệu bị cắt cụt (truncated)');
  const content = buf.subarray(p, end);
  const children: Tlv[] = [];
  if (constructed) {
    let q = p;
    while (q < end) {
      const child = readTlv(buf, q, end);
      children.push(child);
      q = child.end;
    }
  }
  return { tag, constructed, start: offset, end, content, raw: buf.subarray(offset, end), children };
}

export function parseDer(buf: Buffer): Tlv {
  return readTlv(buf, 0, buf.length);
}

export function decodeOid(node: Tlv): string {
  if (node.tag !== TAG.OID) throw new DerError('ASN.1: mong đợi OBJECT IDENTIFIER');
  const b = node.content;
  const parts: bigint[] = [];
  let v = 0n;
  for (let i = 0; i < b.length; i++) {
    v = (v << 7n) | BigInt(b[i] & 0x7f);
    if (!(b[i] & 0x80)) {
      if (parts.length === 0) {
        const first = v < 80n ? v / 40n : 2n;
        parts.push(first, v - first * 40n);
      } else parts.push(v);
      v = 0n;
    }
  }
  return parts.join('.');
}

export function decodeInteger(node: Tlv): bigint {
  if (node.tag !== TAG.INTEGER) throw new DerError('ASN.1: mong đợi INTEGER');
  if (node.content.length === 0) return 0n;
  let v = BigInt('0x' + node.content.toString('hex'));
  if (node.content[0] & 0x80) v -= 1n << BigInt(node.content.length * 8);
  return v;
}

export function decodeTime(node: Tlv): Date {
  const s = node.content.toString('ascii');
  if (node.tag === TAG.UTC_TIME) {
    const m = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(s);
    if (!m) throw new DerError(`ASN.1: UTCTime không hợp lệ: ${s}`);
    const yy = Number(m[1]);
    return new Date(Date.UTC(yy < 50 ? 2000 + yy : 1900 + yy, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)));
  }
  if (node.tag === TAG.GENERALIZED_TIME) {
    const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:[.,](\d+))?Z$/.exec(s);
    if (!m) throw new DerError(`ASN.1: GeneralizedTime không hợp lệ: ${s}`);
    const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
    return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), ms));
  }
  throw new DerError('ASN.1: mong đợi UTCTime/GeneralizedTime');
}

/** The content of an OCTET STRING, joining constructed (BER) segments. */
export function decodeOctetString(node: Tlv): Buffer {
  if ((node.tag & 0x1f) !== TAG.OCTET_STRING && (node.tag & 0xc0) === 0) throw new DerError('ASN.1: mong đợi OCTET STRING');
  if (node.constructed) return Buffer.concat(node.children.map(decodeOctetString));
  return Buffer.from(node.content);
}

/** Context-specific tag test: [n] (constructed or primitive). */
export const isContext = (node: Tlv, n: number): boolean => (node.tag & 0xc0) === 0x80 && (node.tag & 0x1f) === n;
