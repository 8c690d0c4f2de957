import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('gives defaults that match a local machine', () => {
    const c = loadConfig({});
    expect(c.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/dvc');
    expect(c.API_PORT).toBe(3000);
    expect(c.COOKIE_SECURE).toBe(false);
  });

  it('coerces numbers and names each invalid variable', () => {
    expect(loadConfig({ API_PORT: '8080' }).API_PORT).toBe(8080);
    expect(() => loadConfig({ API_PORT: 'abc', DATABASE_URL: 'not a url' })).toThrow(ConfigError);
    try {
      loadConfig({ API_PORT: 'abc', DATABASE_URL: 'not a url' });
    } catch (e) {
      expect((e as Error).message).toContain('API_PORT');
      expect((e as Error).message).toContain('DATABASE_URL');
    }
  });

  it('refuses the development JWT secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }).NODE_ENV).toBe('production');
  });

  it('runs one API process and trusts only loopback proxies unless told otherwise', () => {
    expect(loadConfig({})).toMatchObject({ API_WORKERS: 1, TRUST_PROXY: 'loopback' });
    expect(loadConfig({ API_WORKERS: '2', TRUST_PROXY: 'loopback, 10.0.0.0/8' })).toMatchObject({ API_WORKERS: 2, TRUST_PROXY: 'loopback, 10.0.0.0/8' });
    expect(() => loadConfig({ API_WORKERS: '0' })).toThrow(/API_WORKERS/);
  });
});
