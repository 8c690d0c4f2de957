import { createHash } from 'node:crypto';
import { ParsedCertificate, derToPem, parseCertificate } from './x509';

/** The signer's certificate as the PDF layer and callers need it. */
export interface SignerCertificate {
  /** DER of the signer's certificate. */
  der: Buffer;
  pem: string;
  /** Intermediate (and possibly root) certificates, DER, signer's issuer first. */
  chain: Buffer[];
  commonName?: string;
  organization?: string;
  notBefore: Date;
  notAfter: Date;
}

export interface CmsSignOptions {
  /** Written as the signing-time signed attribute; `null` leaves it out (strict PAdES B-B). */
  signingTime?: Date | null;
}

/**
 * Signing port: turns the SHA-256 digest of the data to sign into a detached CMS SignedData (DER).
 * Adapters: Pkcs12Signer (local key) and RemoteHookSigner (remote signing service / HSM).
 */
export interface CmsSigner {
  /** Human-readable description for logs (never secrets). */
  readonly description: string;
  /** @param digest SHA-256 of the data (for a PDF: of the two /ByteRange segments). */
  sign(digest: Buffer, options?: CmsSignOptions): Promise<Buffer>;
  certificate(): Promise<SignerCertificate>;
}

export const sha256 = (data: Buffer | Uint8Array): Buffer => createHash('sha256').update(data).digest();

/** Signs arbitrary data with a CmsSigner (hashes it first). */
export function signData(signer: CmsSigner, data: Buffer, options?: CmsSignOptions): Promise<Buffer> {
  return signer.sign(sha256(data), options);
}

export function toSignerCertificate(cert: ParsedCertificate, chain: Buffer[]): SignerCertificate {
  return {
    der: cert.der,
    pem: derToPem(cert.der),
    chain,
    commonName: cert.commonName,
    organization: cert.organization,
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
  };
}

export function signerCertificateFromDer(der: Buffer, chain: Buffer[] = []): SignerCertificate {
  return toSignerCertificate(parseCertificate(der), chain);
}
