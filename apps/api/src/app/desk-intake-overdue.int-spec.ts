import {
  atLocalTime,
  OFFICIAL_SCHEDULES_2024_2026,
  toLocalDate,
  WorkingCalendar,
} from '@dvc/one-stop/calendar';
import { hashPassword } from '@dvc/platform/identity';
import { startTestApp, TestApp } from './test-app';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

const maritalForm = (soDinhDanh: string) => ({
  hoTen: 'NGUYỄN VĂN AN',
  ngaySinh: '1999-01-01',
  gioiTinh: 'Nam',
  soDinhDanh,
  noiCuTru: 'Phường Bình Minh, tỉnh Demo',
  tinhTrangHonNhan: 'Chưa đăng ký kết hôn với ai',
  mucDichSuDung: 'Bổ sung hồ sơ xin việc',
  soBan: 1,
});
const birthForm = () => ({
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
});
/** An in-person intake body; `id` makes the applicant (and so the body) unique. */
const intake = (id: string, agency = '000.31.00.H99', procedureCode = '1.004873') => ({
  procedureCode,
  receivingAgencyCode: agency,
  applicant: { name: 'Nguyễn Văn An', identityNumber: id },
  formData: procedureCode === '1.001193' ? birthForm() : maritalForm(id),
  accept: true,
});
const seqOf = (code: string) => Number(code.slice(-4));

jest.setTimeout(60_000);

/**
 * The desk's in-person intake with Idempotency-Key (retries and concurrent duplicates make one
 * dossier), and the overdue board's filters, keyset pages and unit scope.
 */
describe('desk intake idempotency and overdue board filters (real PostgreSQL)', () => {
  let t: TestApp;
  const tok: Record<string, string> = {};

  const post = (who: string, body: object, key?: string) => {
    const r = t.http.post('/api/v1/desk/dossiers').set(auth(tok[who]!));
    if (key !== undefined) r.set('Idempotency-Key', key);
    return r.send(body);
  };

  beforeAll(async () => {
    t = await startTestApp();
    // Listen once, so concurrent requests share one server.
    await t.app.listen(0, '127.0.0.1');
    const passwordHash = await hashPassword('Demo@2026');
    for (const [username, code, role] of [
      ['tiepnhan.tanlap', '000.32.00.H99', 'intake_officer'],
      ['tiepnhan2.binhminh', '000.31.00.H99', 'intake_officer'],
      // A leader of the province serves every unit below it.
      ['lanhdao.tinh', '000.00.00.H99', 'leader'],
    ]) {
      await t.ds.query(
        `INSERT INTO official (username, password_hash, full_name, agency_unit_id, roles)
         SELECT $1, $2, 'Cán bộ thử nghiệm', id, ARRAY[$4] FROM agency_unit WHERE code = $3`,
        [username, passwordHash, code, role],
      );
    }
    for (const u of [
      'tiepnhan.binhminh',
      'tiepnhan2.binhminh',
      'tiepnhan.tanlap',
      'lanhdao.tinh',
      'lanhdao.binhminh',
    ])
      tok[u] = await t.login(u);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('in-person intake with Idempotency-Key', () => {
    it('a retry with the same key returns the same dossier; another body with the key is refused', async () => {
      const body = intake('001188000001');
      const first = await post('tiepnhan.binhminh', body, 'desk-form-1').expect(201);
      expect(first.headers['location']).toBe(`/api/v1/desk/dossiers/${first.body.id}`);
      expect(first.body.status).toBe('received');
      const again = await post('tiepnhan.binhminh', body, 'desk-form-1').expect(200);
      expect(again.body.id).toBe(first.body.id);
      expect(again.body.code).toBe(first.body.code);
      expect(again.headers['location']).toBeUndefined();

      const reused = await post('tiepnhan.binhminh', intake('001188000002'), 'desk-form-1').expect(422);
      expect(reused.headers['content-type']).toContain('application/problem+json');
      expect(reused.body).toMatchObject({
        code: 'IDEMPOTENCY_KEY_REUSED',
        status: 422,
        title: 'Khóa Idempotency-Key đã được dùng cho một hồ sơ khác nội dung',
        detail: 'Mỗi lần tiếp nhận một hồ sơ mới cần một khóa Idempotency-Key mới',
      });
      const [{ n }] = await t.ds.query(
        `SELECT count(*)::int AS n FROM dossier WHERE applicant_identity_number IN ('001188000001', '001188000002')`,
      );
      expect(n).toBe(1);

      // A key is the official's own: a colleague's form with the same key is another dossier.
      const colleague = await post('tiepnhan2.binhminh', intake('001188000003'), 'desk-form-1').expect(201);
      expect(colleague.body.id).not.toBe(first.body.id);

      const long = await post('tiepnhan.binhminh', intake('001188000004'), 'x'.repeat(101)).expect(400);
      expect(long.body.errors).toEqual([
        {
          field: 'Idempotency-Key',
          message: 'Tiêu đề Idempotency-Key phải dài 1–100 ký tự để tránh tiếp nhận trùng hồ sơ',
        },
      ]);
    });

    it('concurrent duplicates (double click, retries) make one dossier, accepted once, without a gap in the numbering', async () => {
      const body = intake('001188000010');
      const racing = await Promise.all(
        Array.from({ length: 6 }, () => post('tiepnhan.binhminh', body, 'desk-form-race')),
      );
      expect(racing.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
      expect(new Set(racing.map((r) => r.body.id)).size).toBe(1);
      const id = racing[0]!.body.id as string;
      const [{ n }] = await t.ds.query(
        `SELECT count(*)::int AS n FROM dossier WHERE applicant_identity_number = '001188000010'`,
      );
      expect(n).toBe(1);
      const events = await t.ds.query(
        `SELECT type FROM dossier_event WHERE dossier_id = $1 AND type IN ('submitted', 'accepted') ORDER BY id`,
        [id],
      );
      expect(events.map((e: { type: string }) => e.type)).toEqual(['submitted', 'accepted']);
      const [{ keys }] = await t.ds.query(
        `SELECT count(*)::int AS keys FROM desk_intake_request WHERE idempotency_key = 'desk-form-race'`,
      );
      expect(keys).toBe(1);
      // The losers' numbers were given back: the next dossier of the unit follows directly.
      const next = await post('tiepnhan.binhminh', intake('001188000011'), 'desk-form-next').expect(201);
      expect(next.body.code.slice(0, -4)).toBe(racing[0]!.body.code.slice(0, -4));
      expect(seqOf(next.body.code)).toBe(seqOf(racing[0]!.body.code) + 1);
    });
  });

  describe('overdue board', () => {
    const calendar = new WorkingCalendar(OFFICIAL_SCHEDULES_2024_2026);
    const today = toLocalDate(new Date());
    /** The latest day that is exactly `k` working days late today. */
    const lateBy = (k: number) => {
      for (let i = 1; ; i++) {
        const d = toLocalDate(new Date(atLocalTime(today, '12:00').getTime() - i * 86_400_000));
        if (calendar.workingDaysBetween(d, today) === k) return d;
      }
    };
    const mine: Record<string, string> = {};
    type Item = {
      id: string;
      daysLate: number;
      sla: string;
      procedure: { code: string };
      currentUnit: { code: string };
    };
    const board = async (who: string, query = '') =>
      (await t.http.get(`/api/v1/desk/overdue?limit=100${query}`).set(auth(tok[who]!)).expect(200)).body as {
        items: Item[];
        nextCursor: string | null;
      };
    /** Which of this spec's dossiers a page lists, in order. */
    const ours = (items: Item[]) =>
      items.flatMap((i) =>
        Object.entries(mine)
          .filter(([, id]) => id === i.id)
          .map(([name]) => name),
      );

    beforeAll(async () => {
      const make = async (name: string, who: string, body: object) => {
        mine[name] = (await post(who, body, `overdue-${name}`).expect(201)).body.id;
      };
      await make('late1', 'tiepnhan.binhminh', intake('001188000101'));
      await make('late3birth', 'tiepnhan.binhminh', intake('001188000103', '000.31.00.H99', '1.001193'));
      await make('late6', 'tiepnhan.binhminh', intake('001188000106'));
      await make('soon', 'tiepnhan.binhminh', intake('001188000107'));
      await make('onTime', 'tiepnhan.binhminh', intake('001188000108'));
      await make('tanlap3', 'tiepnhan.tanlap', intake('001188000203', '000.32.00.H99'));
      const due = async (name: string, at: Date, dueSoon = false) =>
        t.ds.query(`UPDATE dossier SET due_at = $2, due_soon_at = $3 WHERE id = $1`, [
          mine[name],
          at,
          dueSoon ? new Date() : null,
        ]);
      await due('late1', atLocalTime(lateBy(1), '17:00'));
      await due('late3birth', atLocalTime(lateBy(3), '17:00'));
      await due('late6', atLocalTime(lateBy(6), '17:00'));
      await due('soon', new Date(Date.now() + 3_600_000), true);
      await due('onTime', new Date(Date.now() + 20 * 86_400_000));
      await due('tanlap3', atLocalTime(lateBy(3), '16:00'));
    });

    it('lists the overdue dossiers of my units, most late first, with working days late', async () => {
      const b = await board('tiepnhan.binhminh');
      expect(ours(b.items)).toEqual(['late6', 'late3birth', 'late1']);
      const late = Object.fromEntries(b.items.map((i) => [i.id, i.daysLate]));
      expect([late[mine['late6']!], late[mine['late3birth']!], late[mine['late1']!]]).toEqual([6, 3, 1]);
      expect(b.items.every((i) => i.sla === 'overdue')).toBe(true);
    });

    it('filters by procedure, by working days late and by state (due soon)', async () => {
      const birth = await board('tiepnhan.binhminh', '&procedure=1.001193');
      expect(ours(birth.items)).toEqual(['late3birth']);
      expect(birth.items.every((i) => i.procedure.code === '1.001193')).toBe(true);

      expect(ours((await board('tiepnhan.binhminh', '&minDaysLate=3')).items)).toEqual([
        'late6',
        'late3birth',
      ]);
      expect(ours((await board('tiepnhan.binhminh', '&maxDaysLate=3')).items)).toEqual([
        'late3birth',
        'late1',
      ]);
      const range = await board('tiepnhan.binhminh', '&minDaysLate=2&maxDaysLate=5');
      expect(ours(range.items)).toEqual(['late3birth']);
      expect(range.items.every((i) => i.daysLate >= 2 && i.daysLate <= 5)).toBe(true);
      expect(ours((await board('tiepnhan.binhminh', '&minDaysLate=7')).items)).toEqual([]);

      const soon = await board('tiepnhan.binhminh', '&state=due_soon');
      expect(ours(soon.items)).toEqual(['soon']);
      expect(soon.items.find((i) => i.id === mine['soon'])).toMatchObject({ daysLate: 0, sla: 'due_soon' });
      expect(ours((await board('tiepnhan.binhminh', '&state=overdue')).items)).toEqual([
        'late6',
        'late3birth',
        'late1',
      ]);
    });

    it('refuses bad filters with Vietnamese problems', async () => {
      const get = (q: string) =>
        t.http.get(`/api/v1/desk/overdue?${q}`).set(auth(tok['tiepnhan.binhminh']!)).expect(400);
      expect((await get('minDaysLate=4&maxDaysLate=2')).body.errors).toEqual([
        { field: 'maxDaysLate', message: 'Số ngày trễ "từ" không được lớn hơn "đến"' },
      ]);
      expect((await get('state=due_soon&minDaysLate=2')).body.errors).toEqual([
        { field: 'minDaysLate', message: 'Bộ lọc số ngày trễ chỉ áp dụng cho hồ sơ quá hạn' },
      ]);
      expect((await get('state=late')).body.errors[0]).toEqual({
        field: 'state',
        message: 'Tình trạng hạn: overdue (quá hạn) hoặc due_soon (sắp đến hạn)',
      });
      expect((await get('minDaysLate=0')).body.errors[0].field).toBe('minDaysLate');
      expect((await get('unit=binhminh')).body.errors[0].field).toBe('unit');
    });

    it('pages with a keyset cursor that keeps the filters', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const q = `/api/v1/desk/overdue?limit=1&minDaysLate=1${after ? `&after=${after}` : ''}`;
        const page: { items: Item[]; nextCursor: string | null } = (
          await t.http.get(q).set(auth(tok['tiepnhan.binhminh']!)).expect(200)
        ).body;
        expect(page.items.length).toBeLessThanOrEqual(1);
        seen.push(...page.items.map((i) => i.id));
        after = page.nextCursor;
      } while (after);
      expect(new Set(seen).size).toBe(seen.length);
      expect(ours(seen.map((id) => ({ id }) as Item))).toEqual(['late6', 'late3birth', 'late1']);
      const all = await board('tiepnhan.binhminh', '&minDaysLate=1');
      expect(seen).toEqual(all.items.map((i) => i.id));
    });

    it('an official sees only the units they serve; the unit filter narrows within them', async () => {
      expect(ours((await board('tiepnhan.tanlap')).items)).toEqual(['tanlap3']);
      expect(ours((await board('tiepnhan.binhminh', '&unit=000.32.00.H99')).items)).toEqual([]);
      expect((await board('tiepnhan.binhminh', '&unit=000.32.00.H99')).items).toEqual([]);

      const province = await board('lanhdao.tinh');
      expect(ours(province.items)).toEqual(['late6', 'tanlap3', 'late3birth', 'late1']);
      const tanlap = await board('lanhdao.tinh', '&unit=000.32.00.H99');
      expect(ours(tanlap.items)).toEqual(['tanlap3']);
      expect(tanlap.items.every((i) => i.currentUnit.code === '000.32.00.H99')).toBe(true);
      const binhminh = await board('lanhdao.tinh', '&unit=000.31.00.H99&minDaysLate=3&maxDaysLate=3');
      expect(ours(binhminh.items)).toEqual(['late3birth']);
    });
  });
});
