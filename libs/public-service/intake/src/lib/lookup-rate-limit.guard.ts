import { createHash } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import { CanActivate, ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import type Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '@dvc/shared/config';
import { AppError } from '@dvc/shared/contracts';
import { REDIS } from '@dvc/platform/queue';

const WINDOW_MS = 60_000;
/** A slow Redis must not hold up the public lookup: past this, the request goes through unlimited. */
const REDIS_TIMEOUT_MS = 300;

/**
 * Fixed window per key: INCR, and PEXPIRE on the first hit of the window, in one atomic script.
 * Returns [count, ttl ms] for each key.
 */
const HIT_SCRIPT = `
local out = {}
for i, key in ipairs(KEYS) do
  local n = redis.call('INCR', key)
  local ttl = redis.call('PTTL', key)
  if n == 1 or ttl < 0 then
    redis.call('PEXPIRE', key, ARGV[1])
    ttl = tonumber(ARGV[1])
  end
  out[#out + 1] = n
  out[#out + 1] = ttl
end
return out`;

/** Expands an IPv6 address to its eight hextets (an embedded IPv4 tail counts as two). */
function ipv6Hextets(ip: string): string[] {
  const [head, tail] = ip.includes('::') ? ip.split('::') : [ip, undefined];
  const parts = (s: string | undefined) => (s ? s.split(':').flatMap((p) => (p.includes('.') ? ['0', '0'] : [p])) : []);
  const h = parts(head);
  const t = parts(tail);
  const fill = tail === undefined ? [] : Array(8 - h.length - t.length).fill('0');
  return [...h, ...fill, ...t].map((x) => x.toLowerCase().padStart(4, '0'));
}

/**
 * The client a limit applies to: an IPv4 address, or the /64 network of an IPv6 address (one
 * subscriber usually holds a whole /64, so single addresses would be free to rotate).
 */
export function clientKey(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const mapped = ip.replace(/^::ffff:/i, '');
  if (isIPv4(mapped)) return mapped;
  if (isIPv6(ip)) return `${ipv6Hextets(ip).slice(0, 4).join(':')}::/64`;
  return ip;
}

/** Dossier codes compare as the lookup compares them; hashed so that keys stay short and uniform. */
export function codeKey(code: unknown): string | null {
  if (typeof code !== 'string' || !code.trim()) return null;
  return createHash('sha256').update(code.trim().toUpperCase()).digest('hex').slice(0, 24);
}

/**
 * Rate limit of the public dossier lookup, per client IP and per dossier code, in Redis (shared by
 * every API instance). Against enumeration of codes and guessing of a code's phone or identity
 * number; over the limit: 429 RATE_LIMITED with Retry-After.
 */
@Injectable()
export class LookupRateLimitGuard implements CanActivate {
  private readonly logger = new Logger(LookupRateLimitGuard.name);

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<Request>();
    const keys = [`ratelimit:lookup:ip:${clientKey(req.ip)}`];
    const code = codeKey(req.query['code']);
    if (code) keys.push(`ratelimit:lookup:code:${code}`);

    const counts = await this.hit(keys);
    if (!counts) return true;
    const limit = this.config.LOOKUP_RATE_PER_MINUTE;
    const over = counts.filter((c) => c.count > limit);
    if (!over.length) return true;
    const retryAfter = Math.max(1, Math.ceil(Math.max(...over.map((c) => c.ttlMs)) / 1000));
    ctx.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(retryAfter));
    throw new AppError('RATE_LIMITED', `Bạn đã tra cứu quá ${limit} lần trong một phút; vui lòng thử lại sau ${retryAfter} giây`);
  }

  private async hit(keys: string[]): Promise<{ count: number; ttlMs: number }[] | null> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => (timer = setTimeout(resolve, REDIS_TIMEOUT_MS, null)));
    try {
      const raw = (await Promise.race([this.redis.eval(HIT_SCRIPT, keys.length, ...keys, WINDOW_MS), timeout])) as number[] | null;
      if (!raw) {
        this.logger.warn({ msg: 'lookup rate limit skipped: Redis did not answer in time' });
        return null;
      }
      return keys.map((_, i) => ({ count: Number(raw[2 * i]), ttlMs: Number(raw[2 * i + 1]) }));
    } catch (e) {
      // Fail open: the lookup reveals nothing personal, and Redis being down must not take it offline.
      this.logger.warn({ msg: 'lookup rate limit skipped: Redis error', err: (e as Error).message });
      return null;
    } finally {
      clearTimeout(timer);
    }
  }
}
