import { atLocalTime, OFFICIAL_SCHEDULES_2024_2026, WorkingCalendar } from '@dvc/one-stop/calendar';
import { SlaService } from '@dvc/one-stop/desk';
import type { CitizenPrincipal } from '@dvc/platform/identity';
import { DossierService, InboundDossierService, type SubmitDossierDto } from '@dvc/public-service/intake';
import { documentsFor } from './test-documents';
import { startTestApp, TestApp } from './test-app';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

const maritalForm = () => ({
  hoTen: 'NGUYỄN VĂN AN',
  ngaySinh: '1999-01-01',
  gioiTinh: 'Nam',
  soDinhDanh: '001099012345',
  noiCuTru: 'Phường Bình Minh, tỉnh Demo',
  tinhTrangHonNhan: 'Chưa đăng ký kết hôn với ai',
  mucDichSuDung: 'Bổ sung hồ sơ xin việc',
  soBan: 1,
});

const AGENCY = '000.31.00.H99';
const PROCEDURE = '1.004873';
const url = (code = AGENCY) => `/api/v1/admin/agencies/${code}/office-hours`;
/** Vietnam wall-clock time as an instant. */
const vn = (date: string, clock: string) => atLocalTime(date, clock);

jest.setTimeout(60_000);

/**
 * Per-agency office hours: the admin API (scope, validation in Vietnamese) and their effect on the
 * received time and due time of online and inbound dossiers, with administrator-added days off.
 */
describe('agency office hours (real PostgreSQL)', () => {
  let t: TestApp;
  let citizenToken: string;
  let citizen: CitizenPrincipal;
  let timeLimit: number;
  let keySeq = 0;
  const tok: Record<string, string> = {};

  /** An online submission to Bình Minh at `now`, through the real service (the clock is a parameter). */
  const submitAt = async (now: Date) => {
    const dto = {
      procedureCode: PROCEDURE,
      receivingAgencyCode: AGENCY,
      formData: maritalForm(),
      attachments: await documentsFor(t, citizenToken, PROCEDURE),
    } as SubmitDossierDto;
    const { dossier } = await t.app.get(DossierService).submit(citizen, `hours-${++keySeq}`, dto, now);
    return dossier;
  };
  const putHours = (who: string, body: object, code = AGENCY) =>
    t.http.put(url(code)).set(auth(tok[who]!)).send(body);

  beforeAll(async () => {
    process.env['NATIONAL_PORTAL_INBOUND_TOKEN'] = 'office-hours-inbound-secret-0123';
    t = await startTestApp();
    for (const u of ['admin', 'quantri.binhminh', 'quantri.stp', 'quantri.tinh', 'tiepnhan.binhminh'])
      tok[u] = await t.login(u);
    const login = await t.http
      .post('/api/v1/auth/citizen/login')
      .send({ identityNumber: '001099012345', password: 'Demo@2026' })
      .expect(200);
    citizenToken = login.body.accessToken;
    const [c] = await t.ds.query(`SELECT id FROM citizen WHERE identity_number = '001099012345'`);
    citizen = { kind: 'citizen', id: c.id, identityNumber: '001099012345' };
    const [v] = await t.ds.query(
      `SELECT v.time_limit_days FROM procedure_version v JOIN procedure p ON p.id = v.procedure_id
        WHERE p.code = $1 AND v.status = 'published'`,
      [PROCEDURE],
    );
    timeLimit = v.time_limit_days;
  });
  afterAll(async () => {
    delete process.env['NATIONAL_PORTAL_INBOUND_TOKEN'];
    await t.close();
  });

  it('shows the system default until the agency sets its own; admins of the agency or the system only', async () => {
    const res = await t.http.get(url()).set(auth(tok['quantri.binhminh']!)).expect(200);
    expect(res.body).toEqual({
      agencyCode: AGENCY,
      agencyName: 'UBND phường Bình Minh',
      morning: { start: '07:30', end: '11:30' },
      afternoon: { start: '13:00', end: '17:00' },
      saturdayMorning: null,
      isDefault: true,
      updatedAt: null,
    });
    await t.http.get(url()).expect(401);
    // An intake officer is not an administrator; another agency's administrator is not this one's.
    await t.http.get(url()).set(auth(tok['tiepnhan.binhminh']!)).expect(403);
    const other = await t.http.get(url()).set(auth(tok['quantri.stp']!)).expect(403);
    expect(other.body).toMatchObject({
      code: 'FORBIDDEN',
      title: 'Bạn không có quyền thực hiện thao tác này',
    });
    await putHours('quantri.stp', {
      morning: { start: '07:00', end: '11:30' },
      afternoon: { start: '13:30', end: '17:00' },
    }).expect(403);
    // The province's administrator serves the units below the province; the system administrator all.
    await t.http.get(url()).set(auth(tok['quantri.tinh']!)).expect(200);
    await t.http.get(url('000.00.11.H99')).set(auth(tok['admin']!)).expect(200);
    const unknown = await t.http.get(url('999.99.99.H99')).set(auth(tok['admin']!)).expect(404);
    expect(unknown.body.code).toBe('AGENCY_NOT_FOUND');
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM agency_office_hours`);
    expect(n).toBe(0);
  });

  it('refuses malformed, reversed and overlapping sessions with Vietnamese field errors', async () => {
    const ok = { morning: { start: '07:00', end: '11:30' }, afternoon: { start: '13:30', end: '17:00' } };
    const fieldsOf = async (body: object) => {
      const res = await putHours('quantri.binhminh', body).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      return res.body.errors as { field: string; message: string }[];
    };
    expect(await fieldsOf({ ...ok, morning: { start: '7:00', end: '11:30' } })).toEqual([
      { field: 'morning.start', message: 'Giờ bắt đầu theo định dạng HH:mm (vd. 07:30)' },
    ]);
    expect(await fieldsOf({ ...ok, afternoon: { start: '13:30', end: '24:00' } })).toEqual([
      { field: 'afternoon.end', message: 'Giờ kết thúc theo định dạng HH:mm (vd. 11:30)' },
    ]);
    expect(await fieldsOf({ ...ok, morning: { start: '11:30', end: '07:00' } })).toEqual([
      { field: 'morning.end', message: 'Giờ kết thúc buổi sáng phải sau giờ bắt đầu' },
    ]);
    expect(await fieldsOf({ ...ok, afternoon: { start: '11:00', end: '17:00' } })).toEqual([
      {
        field: 'afternoon.start',
        message: 'Buổi chiều phải bắt đầu sau khi buổi sáng kết thúc (hai buổi không được chồng lấn)',
      },
    ]);
    expect(await fieldsOf({ ...ok, saturdayMorning: { start: '07:30', end: '13:00' } })).toEqual([
      {
        field: 'saturdayMorning.end',
        message: 'Tiếp nhận thứ Bảy chỉ trong buổi sáng (kết thúc trước 12:00)',
      },
    ]);
    expect((await fieldsOf({ morning: ok.morning })).map((e) => e.field)).toContain('afternoon');
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM agency_office_hours`);
    expect(n).toBe(0);
  });

  it('a 07:15 submission counts at 07:30 with the default hours and at 07:15 once the agency opens at 07:00; due at its closing time', async () => {
    // Tuesday 1 December 2026, an ordinary working day; Wednesday 2 December likewise.
    const before = await submitAt(vn('2026-12-01', '07:15'));
    expect(before.receivedAt).toBe(vn('2026-12-01', '07:30').toISOString());
    const standard = new WorkingCalendar(OFFICIAL_SCHEDULES_2024_2026);
    expect(before.dueAt).toBe(vn(standard.addWorkingDays('2026-12-01', timeLimit), '17:00').toISOString());

    const saved = await putHours('quantri.binhminh', {
      morning: { start: '07:00', end: '11:30' },
      afternoon: { start: '13:30', end: '16:30' },
    }).expect(200);
    expect(saved.body).toMatchObject({
      agencyCode: AGENCY,
      morning: { start: '07:00', end: '11:30' },
      afternoon: { start: '13:30', end: '16:30' },
      saturdayMorning: null,
      isDefault: false,
      updatedAt: expect.any(String),
    });
    expect((await t.http.get(url()).set(auth(tok['quantri.binhminh']!)).expect(200)).body).toEqual(
      saved.body,
    );

    const after = await submitAt(vn('2026-12-02', '07:15'));
    expect(after.receivedAt).toBe(vn('2026-12-02', '07:15').toISOString());
    expect(after.dueAt).toBe(vn(standard.addWorkingDays('2026-12-02', timeLimit), '16:30').toISOString());
    // Lunch break: 13:10 is before this agency's afternoon opening (13:30), not the default 13:00.
    expect((await submitAt(vn('2026-12-02', '13:10'))).receivedAt).toBe(
      vn('2026-12-02', '13:30').toISOString(),
    );
    // After its closing time (16:30, not 17:00): the next morning at 07:00.
    expect((await submitAt(vn('2026-12-02', '16:45'))).receivedAt).toBe(
      vn('2026-12-03', '07:00').toISOString(),
    );
  });

  it('Saturday-morning reception receives on Saturday, while the time limit counts from Monday', async () => {
    await putHours('admin', {
      morning: { start: '07:00', end: '11:30' },
      afternoon: { start: '13:30', end: '16:30' },
      saturdayMorning: { start: '07:30', end: '11:30' },
    }).expect(200);
    // Saturday 5 December 2026.
    const sat = await submitAt(vn('2026-12-05', '09:00'));
    expect(sat.receivedAt).toBe(vn('2026-12-05', '09:00').toISOString());
    expect(sat.code).toMatch(/^000\.31\.00\.H99-261205-\d{4}$/);
    const standard = new WorkingCalendar(OFFICIAL_SCHEDULES_2024_2026);
    expect(standard.isWorkingDay('2026-12-05')).toBe(false);
    expect(sat.dueAt).toBe(vn(standard.addWorkingDays('2026-12-05', timeLimit), '16:30').toISOString());
    // After the Saturday session: Monday's opening.
    expect((await submitAt(vn('2026-12-05', '14:00'))).receivedAt).toBe(
      vn('2026-12-07', '07:00').toISOString(),
    );
  });

  it("the SLA job's Mẫu 04 appointment is at the receiving agency's closing time", async () => {
    const d = await submitAt(vn('2026-12-03', '09:00'));
    const late = new Date(new Date(d.dueAt).getTime() + 26 * 3_600_000);
    await t.app.get(SlaService).run(late);
    const [a] = await t.ds.query(`SELECT proposed_due_at FROM dossier_apology WHERE dossier_id = $1`, [d.id]);
    const clock = new Date((a.proposed_due_at as Date).getTime() + 7 * 3_600_000).toISOString().slice(11, 16);
    expect(clock).toBe('16:30');
  });

  it('inbound dossiers use the same calendar: administrator-added days off and the agency hours', async () => {
    const inbound = t.app.get(InboundDossierService);
    const push = (nationalId: string, now: Date) =>
      inbound.accept(
        {
          nationalId,
          procedureCode: '1.001193',
          receivingAgencyCode: AGENCY,
          applicantName: 'Nguyễn Văn An',
          applicantIdentityNumber: '001099012345',
          formData: {
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
          },
          submittedAt: now.toISOString(),
        },
        now,
      );
    // Tuesday 8 December 2026 after closing: Wednesday 9 December at the agency's 07:00 opening.
    const plain = await push('G22.99-261208-000001', vn('2026-12-08', '17:30'));
    expect(plain.dossier.receivedAt).toBe(vn('2026-12-09', '07:00').toISOString());

    // An administrator declares Wednesday 9 December a day off: Thursday 10 December instead.
    await t.http
      .put('/api/v1/admin/calendar/2026')
      .set(auth(tok['quantri.binhminh']!))
      .send({ days: [{ date: '2026-12-09', kind: 'day_off', name: 'Ngày nghỉ do tỉnh công bố' }] })
      .expect(200);
    const withDayOff = await push('G22.99-261208-000002', vn('2026-12-08', '17:30'));
    expect(withDayOff.dossier.receivedAt).toBe(vn('2026-12-10', '07:00').toISOString());
    const [d] = await t.ds.query(`SELECT due_at FROM dossier WHERE id = $1`, [withDayOff.dossier.id]);
    const [{ days }] = await t.ds.query(
      `SELECT v.time_limit_days AS days FROM procedure_version v JOIN procedure p ON p.id = v.procedure_id
        WHERE p.code = '1.001193' AND v.status = 'published'`,
    );
    const expected = new WorkingCalendar([
      ...OFFICIAL_SCHEDULES_2024_2026,
      { year: 2026, entries: [{ date: '2026-12-09', kind: 'day_off', name: 'x' }] },
    ]).addWorkingDays('2026-12-10', days);
    expect((d.due_at as Date).toISOString()).toBe(vn(expected, '16:30').toISOString());
  });
});
