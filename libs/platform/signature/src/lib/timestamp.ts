import { randomBytes } from 'node:crypto';
import { addUnsignedAttribute, parseSignedData, verifySignedData } from './cms';
import * as der from './der';
import { TAG, decodeInteger, decodeOctetString, decodeOid, decodeTime, parseDer } from './der';
import { SignatureError } from './errors';
import { HASH_BY_OID, HashName, OID, OID_BY_HASH } from './oids';
import { sha256 } from './signer';

/**
 * RFC 3161 time-stamp client: the TimeStampReq for the hash of a CMS signature value, the HTTP
 * exchange (application/timestamp-query → application/timestamp-reply) and the signature-time-stamp
 * unsigned attribute (id-aa-signatureTimeStampToken) that turns a PAdES B-B signature into B-T.
 */

export interface TimeStampRequestOptions {
  hash?: HashName;
  /** Random 64-bit nonce by default. */
  nonce?: bigint;
  /** Ask the TSA to include its certificate (default true). */
  certReq?: boolean;
  policy?: string;
}

/** DER TimeStampReq ::= SEQUENCE { version 1, messageImprint, reqPolicy?, nonce?, certReq } */
export function encodeTimeStampRequest(hashedMessage: Buffer, opts: TimeStampRequestOptions = {}): { der: Buffer; nonce: bigint } {
  const hash = opts.hash ?? 'sha256';
  const nonce = opts.nonce ?? BigInt('0x' + randomBytes(8).toString('hex'));
  const req = der.seq(
    der.integer(1),
    der.seq(der.seq(der.oid(OID_BY_HASH[hash]), der.nul()), der.octetString(hashedMessage)),
    ...(opts.policy ? [der.oid(opts.policy)] : []),
    der.integer(nonce),
    ...(opts.certReq === false ? [] : [der.bool(true)]),
  );
  return { der: req, nonce };
}

export interface TstInfo {
  policy: string;
  hash?: HashName;
  hashedMessage: Buffer;
  serialNumber: bigint;
  genTime: Date;
  nonce?: bigint;
}

export function parseTstInfo(tst: Buffer): TstInfo {
  const n = parseDer(tst).children;
  let i = 1; // version
  const policy = decodeOid(n[i++]);
  const imprint = n[i++];
  const serialNumber = decodeInteger(n[i++]);
  const genTime = decodeTime(n[i++]);
  let nonce: bigint | undefined;
  for (const rest of n.slice(i)) if (rest.tag === TAG.INTEGER) nonce = decodeInteger(rest);
  return {
    policy,
    hash: HASH_BY_OID[decodeOid(imprint.children[0].children[0])],
    hashedMessage: decodeOctetString(imprint.children[1]),
    serialNumber,
    genTime,
    nonce,
  };
}

export interface TimeStampResponse {
  /** PKIStatus: 0 granted, 1 grantedWithMods, 2 rejection, 3 waiting, 4/5 revocation. */
  status: number;
  statusText?: string;
  /** DER ContentInfo(SignedData) of the token when granted. */
  token?: Buffer;
  tstInfo?: TstInfo;
}

export function parseTimeStampResponse(resp: Buffer): TimeStampResponse {
  try {
    const root = parseDer(resp);
    const statusInfo = root.children[0];
    const status = Number(decodeInteger(statusInfo.children[0]));
    const texts = statusInfo.children[1]?.tag === TAG.SEQUENCE ? statusInfo.children[1].children.map((t) => t.content.toString('utf8')) : [];
    const tokenNode = root.children[1];
    const token = tokenNode ? Buffer.from(tokenNode.raw) : undefined;
    let tstInfo: TstInfo | undefined;
    if (token) {
      const sd = parseSignedData(token);
      if (sd.eContentType !== OID.tstInfo || !sd.eContent) throw new Error('token không chứa TSTInfo');
      tstInfo = parseTstInfo(sd.eContent);
    }
    return { status, statusText: texts.join('; ') || undefined, token, tstInfo };
  } catch (e) {
    if (e instanceof SignatureError) throw e;
    throw new SignatureError('TSA', `Phản hồi dấu thời gian (RFC 3161) không hợp lệ: ${(e as Error).message}`, { cause: e });
  }
}

export interface TsaOptions {
  url: string;
  timeoutMs?: number;
  /** HTTP basic credentials or a bearer token, when the TSA requires them. */
  username?: string;
  password?: string;
  token?: string;
  fetch?: typeof fetch;
}

/** Requests a time-stamp token for `hashedMessage` (SHA-256) and checks imprint, nonce and token signature. */
export async function requestTimestamp(hashedMessage: Buffer, tsa: TsaOptions): Promise<{ token: Buffer; tstInfo: TstInfo }> {
  const { der: body, nonce } = encodeTimeStampRequest(hashedMessage);
  const timeoutMs = tsa.timeoutMs ?? 15_000;
  const headers: Record<string, string> = { 'content-type': 'application/timestamp-query', accept: 'application/timestamp-reply' };
  if (tsa.username) headers.authorization = `Basic ${Buffer.from(`${tsa.username}:${tsa.password ?? ''}`).toString('base64')}`;
  else if (tsa.token) headers.authorization = `Bearer ${tsa.token}`;
  let bytes: Buffer;
  try {
    const res = await (tsa.fetch ?? fetch)(tsa.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
    bytes = Buffer.from(await res.arrayBuffer());
    if (!res.ok) throw new SignatureError('TSA', `Máy chủ dấu thời gian báo lỗi HTTP ${res.status} (${tsa.url})`);
  } catch (e) {
    if (e instanceof SignatureError) throw e;
    const err = e as Error & { cause?: { code?: string } };
    const msg =
      err.name === 'TimeoutError' || err.name === 'AbortError'
        ? `Máy chủ dấu thời gian không phản hồi sau ${formatDuration(timeoutMs)} (${tsa.url})`
        : `Không kết nối được máy chủ dấu thời gian ${tsa.url}: ${err.cause?.code ?? err.message}`;
    throw new SignatureError('TSA', msg, { cause: e });
  }
  const resp = parseTimeStampResponse(bytes);
  if ((resp.status !== 0 && resp.status !== 1) || !resp.token || !resp.tstInfo) {
    throw new SignatureError('TSA', `Máy chủ dấu thời gian từ chối yêu cầu (trạng thái ${resp.status}${resp.statusText ? `: ${resp.statusText}` : ''})`);
  }
  if (!resp.tstInfo.hashedMessage.equals(hashedMessage)) throw new SignatureError('TSA', 'Dấu thời gian không khớp với chữ ký (messageImprint)');
  if (resp.tstInfo.nonce !== nonce) throw new SignatureError('TSA', 'Dấu thời gian không khớp nonce của yêu cầu');
  const v = verifySignedData(parseSignedData(resp.token), {});
  if (!v.digestMatches || !v.signatureValid) throw new SignatureError('TSA', 'Chữ ký của máy chủ dấu thời gian không hợp lệ');
  return { token: resp.token, tstInfo: resp.tstInfo };
}

/** The value that a signature time-stamp covers: SHA-256 of the first SignerInfo's signature value. */
export function signatureValueHash(cms: Buffer): Buffer {
  const sd = parseSignedData(cms);
  if (!sd.signerInfos[0]) throw new SignatureError('CMS', 'CMS không có SignerInfo');
  return sha256(sd.signerInfos[0].signature);
}

/** Adds an RFC 3161 signature time-stamp (unsigned attribute) to a CMS signature. */
export async function addSignatureTimestamp(cms: Buffer, tsa: TsaOptions): Promise<Buffer> {
  const { token } = await requestTimestamp(signatureValueHash(cms), tsa);
  return addUnsignedAttribute(cms, der.seq(der.oid(OID.signatureTimeStampToken), der.set(token)));
}

function formatDuration(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} giây` : `${ms} ms`;
}
