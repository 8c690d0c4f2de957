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
  return parsed.data;
}

/** Nest injection token for the AppConfig object. */
export const APP_CONFIG = Symbol('APP_CONFIG');
