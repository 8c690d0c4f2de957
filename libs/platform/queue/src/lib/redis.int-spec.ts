import { assertRedisReachable, RedisUnavailableError, redisOptions } from './redis';

describe('Redis connectivity', () => {
  it('passes for the configured server', async () => {
    await expect(assertRedisReachable(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379')).resolves.toBeUndefined();
  });

  it('fails fast with a clear message when Redis is down', async () => {
    const err = await assertRedisReachable('redis://:pw@127.0.0.1:1').catch((e) => e);
    expect(err).toBeInstanceOf(RedisUnavailableError);
    expect(err.message).toContain('Không kết nối được Redis');
    expect(err.message).not.toContain(':pw@');
  });

  it('reads host, port, password, db and TLS from the URL', () => {
    expect(redisOptions('rediss://u:p%40ss@cache.local:6380/2')).toMatchObject({
      host: 'cache.local',
      port: 6380,
      username: 'u',
      password: 'p@ss',
      db: 2,
      tls: {},
      maxRetriesPerRequest: null,
    });
  });
});
