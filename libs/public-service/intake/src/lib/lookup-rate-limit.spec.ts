import { ExecutionContext, Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { AppError } from '@dvc/shared/contracts';
import { loadConfig } from '@dvc/shared/config';
import { clientKey, codeKey, LookupRateLimitGuard } from './lookup-rate-limit.guard';

function context(ip: string, query: Record<string, unknown>) {
  const headers: Record<string, string> = {};
  const ctx = {
    switchToHttp: () => ({ getRequest: () => ({ ip, query }), getResponse: () => ({ setHeader: (k: string, v: string) => (headers[k] = v) }) }),
  } as unknown as ExecutionContext;
  return { ctx, headers };
}

/** A fake of the one Redis command the guard sends: returns [count, ttl] per key. */
function fakeRedis(answer: (keys: string[]) => number[] | Promise<never>) {
  const calls: string[][] = [];
  const redis = {
    eval: jest.fn((_script: string, n: number, ...rest: (string | number)[]) => {
      const keys = rest.slice(0, n) as string[];
      calls.push(keys);
      return Promise.resolve(answer(keys));
    }),
  };
  return { redis: redis as unknown as Redis, calls };
}

const config = loadConfig({ LOOKUP_RATE_PER_MINUTE: '10' });

describe('lookup rate limit', () => {
  it('keys IPv4 by address and IPv6 by /64 network', () => {
    expect(clientKey('203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('2001:db8:1:2:aaaa::1')).toBe('2001:0db8:0001:0002::/64');
    expect(clientKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:0db8:0001:0002::/64');
    expect(clientKey('::1')).toBe('0000:0000:0000:0000::/64');
    expect(clientKey(undefined)).toBe('unknown');
  });

  it('keys a dossier code as the lookup compares it', () => {
    expect(codeKey(' 000.31.00.h99-260609-0001 ')).toBe(codeKey('000.31.00.H99-260609-0001'));
    expect(codeKey('')).toBeNull();
    expect(codeKey(['a'])).toBeNull();
  });

  it('lets the 10th request of a window through and refuses the 11th with Retry-After', async () => {
    let n = 9;
    const { redis, calls } = fakeRedis((keys) => {
      const count = ++n;
      return keys.flatMap(() => [count, 42_100]);
    });
    const guard = new LookupRateLimitGuard(redis, config);
    const first = context('203.0.113.7', { code: '000.31.00.H99-260609-0001', factor: 'x' });
    await expect(guard.canActivate(first.ctx)).resolves.toBe(true);
    expect(calls[0]).toEqual(['ratelimit:lookup:ip:203.0.113.7', `ratelimit:lookup:code:${codeKey('000.31.00.H99-260609-0001')}`]);

    n = 10;
    const second = context('203.0.113.7', { code: '000.31.00.H99-260609-0001' });
    const err = await guard.canActivate(second.ctx).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('RATE_LIMITED');
    expect(second.headers['Retry-After']).toBe('43');
  });

  it('counts the client only when no code is given', async () => {
    const { redis, calls } = fakeRedis(() => [1, 60_000]);
    await new LookupRateLimitGuard(redis, config).canActivate(context('198.51.100.1', {}).ctx);
    expect(calls[0]).toEqual(['ratelimit:lookup:ip:198.51.100.1']);
  });

  it('fails open when Redis errors', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const { redis } = fakeRedis(() => Promise.reject(new Error('ECONNREFUSED')));
    await expect(new LookupRateLimitGuard(redis, config).canActivate(context('198.51.100.1', {}).ctx)).resolves.toBe(true);
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ msg: 'lookup rate limit skipped: Redis error' }));
    warn.mockRestore();
  });
});
