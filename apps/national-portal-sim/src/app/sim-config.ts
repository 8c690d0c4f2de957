import { z } from 'zod';

const rate = z.coerce.number().min(0).max(1);

/** Faults injected into the adapter endpoints (login and service), never into /sim/*. */
export const faultsSchema = z
  .object({
    /** Added before every answer. */
    latencyMs: z.coerce.number().int().min(0).max(120_000),
    /** Share of requests answered 503 without being processed. */
    errorRate: rate,
    /** Share of requests never answered (and not processed): the client's timeout must fire. */
    timeoutRate: rate,
    /** Share of connections destroyed before processing (ECONNRESET on the client). */
    resetRate: rate,
    /** Share of requests processed, then the connection destroyed: the client never sees the ack. */
    dropResponseRate: rate,
    /** A slowly draining portal: DongBoHoSoMC calls are processed one at a time, this far apart. */
    slowDrainMs: z.coerce.number().int().min(0).max(60_000),
  })
  .strict();
export type Faults = z.infer<typeof faultsSchema>;

export const NO_FAULTS: Faults = { latencyMs: 0, errorRate: 0, timeoutRate: 0, resetRate: 0, dropResponseRate: 0, slowDrainMs: 0 };

const schema = z.object({
  SIM_HOST: z.string().default('127.0.0.1'),
  SIM_PORT: z.coerce.number().int().min(0).max(65535).default(3100),
  /** The adapter account the product logs in with (NATIONAL_PORTAL_USER / _PASSWORD). */
  SIM_USER: z.string().min(1).default('dvc-dev'),
  SIM_PASSWORD: z.string().min(1).default('dvc-dev-password'),
  SIM_SESSION_TTL_MS: z.coerce.number().int().positive().default(30 * 60_000),
  SIM_SEED: z.coerce.number().int().default(20260609),
  SIM_LATENCY_MS: z.coerce.number().int().min(0).default(0),
  SIM_ERROR_RATE: rate.default(0),
  SIM_TIMEOUT_RATE: rate.default(0),
  SIM_RESET_RATE: rate.default(0),
  SIM_DROP_RESPONSE_RATE: rate.default(0),
  SIM_SLOW_DRAIN_MS: z.coerce.number().int().min(0).default(0),
  /** TLS (and mutual TLS when a CA is given: clients must present a certificate it signed). */
  SIM_TLS_CERT: z.string().optional(),
  SIM_TLS_KEY: z.string().optional(),
  SIM_TLS_CA: z.string().optional(),
});
export type SimEnv = z.infer<typeof schema>;

export interface SimOptions {
  host: string;
  port: number;
  username: string;
  password: string;
  sessionTtlMs: number;
  seed: number;
  faults: Faults;
  tls?: { cert: Buffer | string; key: Buffer | string; ca?: Buffer | string };
}

export function simOptionsFromEnv(env: Record<string, string | undefined> = process.env, read: (p: string) => Buffer): SimOptions {
  const e = schema.parse(env);
  return {
    host: e.SIM_HOST,
    port: e.SIM_PORT,
    username: e.SIM_USER,
    password: e.SIM_PASSWORD,
    sessionTtlMs: e.SIM_SESSION_TTL_MS,
    seed: e.SIM_SEED,
    faults: {
      latencyMs: e.SIM_LATENCY_MS,
      errorRate: e.SIM_ERROR_RATE,
      timeoutRate: e.SIM_TIMEOUT_RATE,
      resetRate: e.SIM_RESET_RATE,
      dropResponseRate: e.SIM_DROP_RESPONSE_RATE,
      slowDrainMs: e.SIM_SLOW_DRAIN_MS,
    },
    tls: e.SIM_TLS_CERT && e.SIM_TLS_KEY ? { cert: read(e.SIM_TLS_CERT), key: read(e.SIM_TLS_KEY), ca: e.SIM_TLS_CA ? read(e.SIM_TLS_CA) : undefined } : undefined,
  };
}
