import { z } from 'zod';

/**
 * Typed, validated configuration read from the environment.
 * Defaults match a developer machine with local PostgreSQL and Redis (trust auth).
 */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/dvc'),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  /** Prefix of every BullMQ key, so that runs and tests do not share queues. */
  REDIS_PREFIX: z.string().min(1).default('dvc'),
  API_HOST: z.string().default('127.0.0.1'),
  API_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** API processes sharing the port (node:cluster); the API keeps no state between requests. */
  API_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  /**
   * Express `trust proxy`: which hops may set X-Forwarded-For (client IP for rate limits and logs).
   * `loopback` by default; behind nginx in another container e.g. `loopback, 10.0.0.0/8`, or a hop count.
   */
  TRUST_PROXY: z.string().trim().min(1).default('loopback'),
  WORKER_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
  PORTAL_PORT: z.coerce.number().int().min(1).max(65535).default(4200),
  DESK_PORT: z.coerce.number().int().min(1).max(65535).default(4300),
  /** Origins allowed to call the API with credentials (the two SPAs). */
  CORS_ORIGINS: z
    .string()
    .default('http://localhost:4200,http://localhost:4300,http://127.0.0.1:4200,http://127.0.0.1:4300'),
  JWT_SECRET: z.string().min(32).default('dev-only-secret-change-me-in-production-please-0001'),
  JWT_ACCESS_TTL_SECONDS: z.coerce.number().int().positive().default(900),
  REFRESH_TTL_DAYS: z.coerce.number().int().positive().default(14),
  /** Secure flag on the refresh cookie; on behind TLS in production. */
  COOKIE_SECURE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Operators' login for the queue dashboard (Bull Board) served by the worker. */
  ADMIN_USER: z.string().min(1).default('admin'),
  ADMIN_PASSWORD: z.string().min(8).default('admin-dev-password'),
  /** Public dossier lookup: requests per minute per client IP and per dossier code (no enumeration). */
  LOOKUP_RATE_PER_MINUTE: z.coerce.number().int().positive().default(10),
  /** National public service portal (Cổng DVCQG) adapter, directly or through the LGSP/NDXP; default: the simulator. */
  NATIONAL_PORTAL_URL: z.string().url().default('http://127.0.0.1:3100'),
  NATIONAL_PORTAL_AUTH_PATH: z.string().startsWith('/').default('/adapter/auth'),
  NATIONAL_PORTAL_SERVICE_PATH: z.string().startsWith('/').default('/adapter/service'),
  NATIONAL_PORTAL_USER: z.string().min(1).default('dvc-dev'),
  NATIONAL_PORTAL_PASSWORD: z.string().min(1).default('dvc-dev-password'),
  /** `madonvi` of the envelope; the dossier's receiving agency code when absent. */
  NATIONAL_PORTAL_UNIT_CODE: z.string().min(1).optional(),
  NATIONAL_PORTAL_TIMEOUT_MS: z.coerce.number().int().positive().default(10000),
  /** PEM files for mutual TLS: client certificate and key, and the CA that signed the portal's certificate. */
  NATIONAL_PORTAL_CERT: z.string().min(1).optional(),
  NATIONAL_PORTAL_KEY: z.string().min(1).optional(),
  NATIONAL_PORTAL_CA: z.string().min(1).optional(),
  /** Shared secret the national portal presents (Bearer) when it pushes dossiers to us; inbound is refused while unset. */
  NATIONAL_PORTAL_INBOUND_TOKEN: z.string().min(16).optional(),
  /** Status sync: parallel sends per worker, attempts before dead letter, backoff base and cap. */
  SYNC_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
  /** Connections of the worker's own pool for the sync. */
  SYNC_DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  SYNC_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(12),
  SYNC_BACKOFF_MS: z.coerce.number().int().positive().default(1000),
  SYNC_BACKOFF_MAX_MS: z.coerce.number().int().positive().default(300000),
  /** Reconciliation: how often, and how long a difference must last before it is re-sent. */
  SYNC_RECONCILE_EVERY_MS: z.coerce.number().int().positive().default(60000),
  SYNC_RECONCILE_GRACE_MS: z.coerce.number().int().min(0).default(600000),
  /** Catalog refresh from the portal's catalog feed: cron (Asia/Ho_Chi_Minh) of the daily job, or `off`. */
  CATALOG_FEED_CRON: z
    .string()
    .trim()
    .regex(/^(off|\S+( \S+){4,5})$/, 'a cron pattern of 5 or 6 fields, or off')
    .default('30 3 * * *'),
  /** Procedures per LayDanhSachTTHC page. */
  CATALOG_FEED_PAGE_SIZE: z.coerce.number().int().min(1).max(500).default(100),
  OUTBOX_RELAY_INTERVAL_MS: z.coerce.number().int().positive().default(200),
  /** Port of the national-portal simulator (apps/national-portal-sim). */
  SIM_PORT: z.coerce.number().int().min(0).max(65535).default(3100),
  /** Object storage of uploads and results: `fs` (a directory) or `s3` (an S3-compatible bucket). */
  STORAGE_DRIVER: z.enum(['fs', 's3']).default('fs'),
  /** Directory of the `fs` driver; a relative path is resolved from the working directory (the repo root). */
  STORAGE_DIR: z.string().min(1).default('var/storage'),
  /** Endpoint of the `s3` driver (MinIO, Ceph, a cloud's object storage); AWS when absent. */
  S3_ENDPOINT: z.string().url().optional(),
  S3_BUCKET: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  /** Static credentials of the `s3` driver; the AWS SDK's default chain when absent. */
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** Upload caps in MiB: each file, and all files of one dossier together. */
  MAX_FILE_MB: z.coerce.number().positive().max(1024).default(10),
  MAX_DOSSIER_MB: z.coerce.number().positive().max(10240).default(50),
  /** Digital signatures (libs/platform/signature): default signer of agencies without their own entry. */
  SIGNING_MODE: z.enum(['none', 'pkcs12', 'remote']).default('none'),
  /** `pkcs12`: the .p12/.pfx file and its password. */
  SIGNING_P12_PATH: z.string().min(1).optional(),
  SIGNING_P12_PASSWORD: z.string().optional(),
  /** `remote`: signing service / HSM hook (POST digest → CMS), key id and bearer token. */
  SIGNING_REMOTE_URL: z.string().url().optional(),
  SIGNING_REMOTE_KEY_ID: z.string().min(1).optional(),
  SIGNING_REMOTE_TOKEN: z.string().min(1).optional(),
  SIGNING_REMOTE_TIMEOUT_MS: z.coerce.number().int().positive().default(30000),
  /** RFC 3161 time-stamp authority; signatures get a time-stamp (PAdES B-T) when set. */
  SIGNING_TSA_URL: z.string().url().optional(),
  /** Per-agency signers: JSON object (agency code → signer config) inline or a path to a .json file. */
  SIGNING_AGENCIES: z.string().min(1).optional(),
  /** Trust store for verifying signed uploads: a PEM bundle file or a directory of .pem/.crt/.cer files. */
  SIGNING_TRUST_STORE: z.string().min(1).optional(),
});

export type AppConfig = z.infer<typeof schema>;

export class ConfigError extends Error {}

/** Parses and validates the environment; throws a ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Cấu hình không hợp lệ (invalid configuration):\n${lines.join('\n')}`);
  }
  if (parsed.data.NODE_ENV === 'production' && parsed.data.JWT_SECRET.startsWith('dev-only')) {
    throw new ConfigError('Cấu hình không hợp lệ: JWT_SECRET must be set in production');
  }
  if (parsed.data.STORAGE_DRIVER === 's3' && !parsed.data.S3_BUCKET) {
    throw new ConfigError('Cấu hình không hợp lệ: S3_BUCKET must be set when STORAGE_DRIVER=s3');
  }
  return parsed.data;
}

/** Nest injection token for the AppConfig object. */
export const APP_CONFIG = Symbol('APP_CONFIG');
