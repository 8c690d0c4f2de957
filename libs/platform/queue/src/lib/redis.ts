import Redis, { RedisOptions } from 'ioredis';

/** ioredis options for BullMQ (which requires maxRetriesPerRequest: null). */
export function redisOptions(url: string): RedisOptions {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

export class RedisUnavailableError extends Error {}

/** Pings Redis once with a short timeout so start-up fails with a clear message. */
export async function assertRedisReachable(url: string): Promise<void> {
  const client = new Redis({ ...redisOptions(url), lazyConnect: true, connectTimeout: 3000, retryStrategy: () => null, maxRetriesPerRequest: 1 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch (e) {
    throw new RedisUnavailableError(
      `Không kết nối được Redis tại ${url.replace(/:[^:@/]+@/, ':***@')}: ${(e as Error).message}. ` +
        'Kiểm tra REDIS_URL và dịch vụ redis-server.',
    );
  } finally {
    client.disconnect();
  }
}
