import Redis from 'ioredis';
import { loadConfig } from '@dvc/shared/config';
import { documentsFor } from './test-documents';
import { startTestApp, TestApp } from './test-app';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('public lookup rate limit (real Redis)', () => {
  let t: TestApp;
  /** Three dossiers of the same applicant, one per test, so the per-code counters do not mix. */
  let codes: string[];
  const phone = '0912345678';
  const lookup = (ip: string, q: { code: string; factor?: string }) =>
    // The API trusts X-Forwarded-For from loopback (a local reverse proxy), which lets one test be many clients.
    t.http.get('/api/v1/public/dossiers/lookup').set('X-Forwarded-For', ip).query(q);

  beforeAll(async () => {
    t = await startTestApp();
    const token = (await t.http.post('/api/v1/auth/citizen/login').send({ identityNumber: '001099012345', password: 'Demo@2026' }).expect(200)).body
      .accessToken as string;
    const form = {
      hoTenTre: 'NGUYỄN VĂN BÉ',
      ngaySinh: '2026-05-01',
      gioiTinh: 'Nam',
      noiSinh: 'Bệnh viện Đa khoa tỉnh Demo',
      danToc: 'Kinh',
      quocTich: 'Việt Nam',
      me: { hoTen: 'TRẦN THỊ MẸ', soDinhDanh: '001199012345' },
      hoTenNguoiDiKhaiSinh: 'NGUYỄN VĂN AN',
      soDinhDanhNguoiDiKhaiSinh: '001099012345',
      quanHeVoiNguoiDuocKhaiSinh: 'Cha',
    };
    codes = [];
    for (const key of ['rl-1', 'rl-2', 'rl-3']) {
      const res = await t.http
        .post('/api/v1/dossiers')
        .set(auth(token))
        .set('Idempotency-Key', key)
        .send({ procedureCode: '1.001193', receivingAgencyCode: '000.31.00.H99', formData: form, attachments: await documentsFor(t, token, '1.001193') })
        .expect(201);
      codes.push(res.body.code);
    }
  });

  afterAll(async () => {
    // This file's counters live under its own prefix; remove them rather than wait for their expiry.
    const { REDIS_URL, REDIS_PREFIX } = loadConfig();
    const redis = new Redis(REDIS_URL);
    try {
      const keys = await redis.keys(`${REDIS_PREFIX}:app:ratelimit:*`);
      if (keys.length) await redis.del(...keys);
    } finally {
      redis.disconnect();
    }
    await t.close();
  });

  it('answers the first 10 lookups of a client in a minute and refuses the 11th with 429 and Retry-After', async () => {
    const [code] = codes;
    const ip = '203.0.113.10';
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      // Right and wrong factors of a real code, and codes that do not exist: all count.
      const q = i % 2 ? { code: `000.31.00.H99-000101-${String(i).padStart(4, '0')}`, factor: phone } : { code, factor: i % 4 ? '0987654321' : phone };
      statuses.push((await lookup(ip, q)).status);
    }
    expect(statuses).toEqual([200, 404, 404, 404, 200, 404, 404, 404, 200, 404]);

    const res = await lookup(ip, { code, factor: phone }).expect(429);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'RATE_LIMITED', status: 429, title: 'Bạn thao tác quá nhanh, vui lòng thử lại sau' });
    const retryAfter = Number(res.headers['retry-after']);
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Malformed queries count too: the limit applies before validation.
    await lookup(ip, { code }).expect(429);
    // Another client is not affected.
    await lookup('203.0.113.11', { code, factor: phone }).expect(200);
  });

  it('limits lookups of one code from many clients (guessing its phone or identity number)', async () => {
    const code = codes[1];
    for (let i = 0; i < 10; i++) await lookup(`198.51.100.${i + 1}`, { code, factor: `09000000${String(i).padStart(2, '0')}` }).expect(404);
    // Even the right factor from a new client is refused now: the limit does not depend on the answer.
    const res = await lookup('198.51.100.99', { code, factor: phone }).expect(429);
    expect(res.body.code).toBe('RATE_LIMITED');
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // Other codes are still answered.
    await lookup('198.51.100.100', { code: codes[2], factor: phone }).expect(200);
  });

  it('keeps one answer for a wrong code and a wrong factor, and limits unknown codes like real ones', async () => {
    const strip = (b: Record<string, unknown>) => ({ ...b, instance: undefined, requestId: undefined });
    const wrongFactor = await lookup('192.0.2.1', { code: codes[2], factor: '0987654321' }).expect(404);
    const wrongCode = await lookup('192.0.2.2', { code: '000.31.00.H99-000101-9999', factor: phone }).expect(404);
    expect(strip(wrongCode.body)).toEqual(strip(wrongFactor.body));
    expect(wrongCode.body.code).toBe('DOSSIER_NOT_FOUND');

    const unknown = '000.31.00.H99-000101-8888';
    for (let i = 0; i < 10; i++) await lookup(`192.0.2.${10 + i}`, { code: unknown, factor: phone }).expect(404);
    const limited = await lookup('192.0.2.99', { code: unknown, factor: phone }).expect(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
  });
});
