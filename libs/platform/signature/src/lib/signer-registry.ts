import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { z } from 'zod';
import { SignatureError } from './errors';
import { Pkcs12Signer } from './pkcs12-signer';
import { RemoteHookSigner } from './remote-hook-signer';
import { CmsSigner } from './signer';
import { TsaOptions } from './timestamp';
import { signPdf, SignPdfOptions } from './sign-pdf';

/** Where the signature block of an issued form sits: bottom left of its last page (points). */
const ISSUED_SIGNATURE_RECT = { x: 40, y: 24, width: 240, height: 56 };

const tsa = {
  /** RFC 3161 time-stamp authority for this agency's signatures. */
  tsaUrl: z.string().url().optional(),
};

/** One agency's signer, as written in SIGNING_AGENCIES (secrets may be given by environment variable name). */
export const signerConfigSchema = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('pkcs12'),
    p12Path: z.string().min(1),
    password: z.string().optional(),
    /** Name of the environment variable holding the password. */
    passwordEnv: z.string().min(1).optional(),
    ...tsa,
  }),
  z.object({
    mode: z.literal('remote'),
    url: z.string().url(),
    keyId: z.string().min(1),
    token: z.string().min(1).optional(),
    /** Name of the environment variable holding the bearer token. */
    tokenEnv: z.string().min(1).optional(),
    timeoutMs: z.number().int().positive().optional(),
    format: z.enum(['cms', 'raw']).optional(),
    /** Signer certificate (+ chain) as PEM, or a path to a PEM file. */
    certificatePem: z.string().optional(),
    certificatePath: z.string().optional(),
    ...tsa,
  }),
]);
export type SignerConfig = z.infer<typeof signerConfigSchema>;

/** The SIGNING_* settings of the application configuration (AppConfig satisfies this). */
export interface SigningSettings {
  SIGNING_MODE?: 'none' | 'pkcs12' | 'remote';
  SIGNING_P12_PATH?: string;
  SIGNING_P12_PASSWORD?: string;
  SIGNING_REMOTE_URL?: string;
  SIGNING_REMOTE_KEY_ID?: string;
  SIGNING_REMOTE_TOKEN?: string;
  SIGNING_REMOTE_TIMEOUT_MS?: number;
  SIGNING_TSA_URL?: string;
  SIGNING_AGENCIES?: string;
  SIGNING_TRUST_STORE?: string;
}

/**
 * Resolves the signer of an agency by its code (mã đơn vị): the agency's own entry, else the
 * default signer. Signers are created lazily (a missing .p12 fails when first used, with the
 * agency named) and cached.
 */
export class SignerRegistry {
  private readonly cache = new Map<string, CmsSigner>();

  constructor(
    private readonly agencies: Record<string, SignerConfig> = {},
    private readonly fallback?: SignerConfig,
    private readonly env: Record<string, string | undefined> = process.env,
  ) {}

  /** From the SIGNING_* settings; SIGNING_AGENCIES is inline JSON or a path to a JSON file. */
  static fromSettings(s: SigningSettings, env: Record<string, string | undefined> = process.env): SignerRegistry {
    let fallback: SignerConfig | undefined;
    const mode = s.SIGNING_MODE ?? 'none';
    if (mode === 'pkcs12') {
      if (!s.SIGNING_P12_PATH) throw new SignatureError('CONFIG', 'SIGNING_MODE=pkcs12 cần SIGNING_P12_PATH');
      fallback = { mode, p12Path: s.SIGNING_P12_PATH, password: s.SIGNING_P12_PASSWORD ?? '', tsaUrl: s.SIGNING_TSA_URL };
    } else if (mode === 'remote') {
      if (!s.SIGNING_REMOTE_URL || !s.SIGNING_REMOTE_KEY_ID) {
        throw new SignatureError('CONFIG', 'SIGNING_MODE=remote cần SIGNING_REMOTE_URL và SIGNING_REMOTE_KEY_ID');
      }
      fallback = {
        mode,
        url: s.SIGNING_REMOTE_URL,
        keyId: s.SIGNING_REMOTE_KEY_ID,
        token: s.SIGNING_REMOTE_TOKEN,
        timeoutMs: s.SIGNING_REMOTE_TIMEOUT_MS,
        tsaUrl: s.SIGNING_TSA_URL,
      };
    }
    const agencies = s.SIGNING_AGENCIES ? parseAgencies(s.SIGNING_AGENCIES, s.SIGNING_TSA_URL) : {};
    return new SignerRegistry(agencies, fallback, env);
  }

  /** Whether a signer is configured for the agency (its own or the default). */
  has(agencyCode: string): boolean {
    return this.cache.has(agencyCode) || !!this.agencies[agencyCode] || !!this.fallback;
  }

  /** Registers a ready signer (tests, programmatic set-up). */
  register(agencyCode: string, signer: CmsSigner): void {
    this.cache.set(agencyCode, signer);
  }

  resolve(agencyCode: string): CmsSigner {
    const cached = this.cache.get(agencyCode);
    if (cached) return cached;
    const cfg = this.agencies[agencyCode] ?? this.fallback;
    if (!cfg) throw new SignatureError('CONFIG', `Chưa cấu hình ký số cho đơn vị ${agencyCode} (SIGNING_AGENCIES hoặc SIGNING_MODE)`);
    const signer = this.create(agencyCode, cfg);
    this.cache.set(agencyCode, signer);
    return signer;
  }

  /** The time-stamp authority of the agency, when configured. */
  tsaFor(agencyCode: string): TsaOptions | undefined {
    const url = (this.agencies[agencyCode] ?? this.fallback)?.tsaUrl;
    return url ? { url } : undefined;
  }

  /**
   * A document the agency issues (receipt, notices, letters), PAdES-signed with its certificate: the
   * visible block at the foot of the last page, its time-stamp authority when configured. `null` when
   * the agency has no signer (the document is then issued unsigned).
   */
  async signIssued(agencyCode: string, pdf: Buffer, opts: Omit<SignPdfOptions, 'visible' | 'tsa'>): Promise<Buffer | null> {
    if (!this.has(agencyCode)) return null;
    const pages = (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
    return signPdf(pdf, this.resolve(agencyCode), {
      ...opts,
      visible: { page: pages, rect: ISSUED_SIGNATURE_RECT },
      tsa: this.tsaFor(agencyCode),
    });
  }

  private create(agencyCode: string, cfg: SignerConfig): CmsSigner {
    try {
      if (cfg.mode === 'pkcs12') {
        const password = cfg.passwordEnv ? this.env[cfg.passwordEnv] : cfg.password;
        if (password === undefined) throw new SignatureError('CONFIG', `Thiếu mật khẩu PKCS#12 (${cfg.passwordEnv ?? 'password'})`);
        return Pkcs12Signer.fromFile(cfg.p12Path, password);
      }
      const token = cfg.tokenEnv ? this.env[cfg.tokenEnv] : cfg.token;
      if (cfg.tokenEnv && !token) throw new SignatureError('CONFIG', `Biến môi trường ${cfg.tokenEnv} (token ký số) chưa được đặt`);
      const certificatePem = cfg.certificatePem ?? (cfg.certificatePath ? readFileSync(cfg.certificatePath, 'utf8') : undefined);
      return new RemoteHookSigner({ url: cfg.url, keyId: cfg.keyId, token, timeoutMs: cfg.timeoutMs, mode: cfg.format, certificatePem });
    } catch (e) {
      const err = e instanceof SignatureError ? e : new SignatureError('CONFIG', (e as Error).message, { cause: e });
      throw new SignatureError(err.code, `Cấu hình ký số của đơn vị ${agencyCode}: ${err.message}`, { cause: e });
    }
  }
}

function parseAgencies(value: string, defaultTsa?: string): Record<string, SignerConfig> {
  let json: unknown;
  try {
    json = JSON.parse(value.trim().startsWith('{') ? value : readFileSync(value, 'utf8'));
  } catch (e) {
    throw new SignatureError('CONFIG', `SIGNING_AGENCIES không phải JSON hợp lệ hoặc không đọc được tệp: ${(e as Error).message}`, { cause: e });
  }
  const parsed = z.record(z.string(), signerConfigSchema).safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new SignatureError('CONFIG', `SIGNING_AGENCIES không hợp lệ:\n${lines.join('\n')}`);
  }
  for (const cfg of Object.values(parsed.data)) cfg.tsaUrl ??= defaultTsa;
  return parsed.data;
}

/** Loads trust anchors: a PEM bundle file, or every .pem/.crt/.cer file (PEM or DER) of a directory. */
export function loadTrustStore(path: string): Array<string | Buffer> {
  if (!existsSync(path)) throw new SignatureError('CONFIG', `Không tìm thấy kho chứng thư tin cậy: ${path}`);
  const files = statSync(path).isDirectory()
    ? readdirSync(path).filter((f) => ['.pem', '.crt', '.cer'].includes(extname(f).toLowerCase())).map((f) => join(path, f))
    : [path];
  return files.map((f) => {
    const bytes = readFileSync(f);
    return bytes.subarray(0, 11).toString('latin1') === '-----BEGIN ' ? bytes.toString('latin1') : bytes;
  });
}
