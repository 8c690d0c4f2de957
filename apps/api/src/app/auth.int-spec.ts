import { startTestApp, TestApp } from './test-app';

function cookieOf(res: { headers: Record<string, unknown> }, name: string): string | undefined {
  const list = (res.headers['set-cookie'] as string[] | undefined) ?? [];
  return list.find((c) => c.startsWith(`${name}=`))?.split(';')[0];
}

describe('auth API (real PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('refuses /auth/me without a token with a 401 problem', async () => {
    const res = await t.http.get('/api/v1/auth/me').expect(401);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', title: 'Bạn cần đăng nhập để tiếp tục' });
  });

  it('logs an official in, with roles, agency and an httpOnly refresh cookie', async () => {
    const res = await t.http.post('/api/v1/auth/official/login').send({ username: 'quantri.tinh', password: 'Demo@2026' }).expect(200);
    expect(res.body.profile).toMatchObject({ kind: 'official', username: 'quantri.tinh', roles: ['agency_admin'], agency: { code: '000.00.00.H99' } });
    const setCookie = (res.headers['set-cookie'] as unknown as string[]).join(';');
    expect(setCookie).toMatch(/dvc_rt_official=.+HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    const me = await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
    expect(me.body.username).toBe('quantri.tinh');
  });

  it('answers the same 401 for an unknown user and a wrong password', async () => {
    const a = await t.http.post('/api/v1/auth/official/login').send({ username: 'khong.co', password: 'Demo@2026' }).expect(401);
    const b = await t.http.post('/api/v1/auth/official/login').send({ username: 'quantri.tinh', password: 'sai-mat-khau' }).expect(401);
    expect(a.body.code).toBe('INVALID_CREDENTIALS');
    expect(b.body.title).toBe(a.body.title);
  });

  it('rotates refresh tokens and revokes the family when a used one comes back', async () => {
    const login = await t.http.post('/api/v1/auth/official/login').send({ username: 'tiepnhan.tinh', password: 'Demo@2026' }).expect(200);
    const first = cookieOf(login, 'dvc_rt_official')!;
    const r1 = await t.http.post('/api/v1/auth/official/refresh').set('Cookie', first).expect(200);
    const second = cookieOf(r1, 'dvc_rt_official')!;
    expect(second).not.toBe(first);
    expect(r1.body.accessToken).toEqual(expect.any(String));
    // Replaying the first token: refused, and the second (legitimate) one dies with it.
    await t.http.post('/api/v1/auth/official/refresh').set('Cookie', first).expect(401);
    const r3 = await t.http.post('/api/v1/auth/official/refresh').set('Cookie', second).expect(401);
    expect(r3.body.code).toBe('INVALID_REFRESH_TOKEN');
  });

  it('does not accept an official refresh cookie on the citizen endpoint', async () => {
    const login = await t.http.post('/api/v1/auth/official/login').send({ username: 'admin', password: 'Demo@2026' }).expect(200);
    const token = cookieOf(login, 'dvc_rt_official')!.split('=')[1];
    await t.http.post('/api/v1/auth/citizen/refresh').set('Cookie', `dvc_rt_citizen=${token}`).expect(401);
  });

  it('logs out: the refresh cookie stops working', async () => {
    const login = await t.http.post('/api/v1/auth/official/login').send({ username: 'admin', password: 'Demo@2026' }).expect(200);
    const c = cookieOf(login, 'dvc_rt_official')!;
    await t.http.post('/api/v1/auth/official/logout').set('Cookie', c).expect(204);
    await t.http.post('/api/v1/auth/official/refresh').set('Cookie', c).expect(401);
  });

  it('registers a citizen by the 12-digit identity number, then refuses a duplicate', async () => {
    const body = { identityNumber: '038201009999', fullName: 'Lê Thị Hoa', password: 'mat-khau-manh-2026', phone: '0901234567' };
    const res = await t.http.post('/api/v1/auth/citizen/register').send(body).expect(201);
    expect(res.body.profile).toMatchObject({ kind: 'citizen', identityNumber: '038201009999', fullName: 'Lê Thị Hoa' });
    const dup = await t.http.post('/api/v1/auth/citizen/register').send(body).expect(409);
    expect(dup.body).toMatchObject({ code: 'CITIZEN_ALREADY_REGISTERED', title: 'Số định danh cá nhân đã được đăng ký' });
    await t.http.post('/api/v1/auth/citizen/login').send({ identityNumber: '038201009999', password: 'mat-khau-manh-2026' }).expect(200);
  });

  it('names every invalid field in Vietnamese', async () => {
    const res = await t.http.post('/api/v1/auth/citizen/register').send({ identityNumber: '12345', fullName: '', password: 'short', extra: 1 }).expect(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['identityNumber', 'fullName', 'password', 'extra']));
    expect(res.body.errors.find((e: { field: string }) => e.field === 'identityNumber').message).toBe('Số định danh cá nhân phải gồm đúng 12 chữ số');
  });

  it('answers malformed JSON and unknown routes with problem+json', async () => {
    const bad = await t.http.post('/api/v1/auth/official/login').set('Content-Type', 'application/json').send('{"username":').expect(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    const missing = await t.http.get('/api/v1/khong-co').expect(404);
    expect(missing.body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });
});
