import {
  atLocalTime,
  OFFICIAL_SCHEDULES_2024_2026,
  toLocalDate,
  WorkingCalendar,
} from '@dvc/one-stop/calendar';
import { hashPassword } from '@dvc/platform/identity';
import { startTestApp, TestApp } from './test-app';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

jest.setTimeout(60_000);

type Item = { id: string; daysLate: number; currentUnit: { code: string } };
type Page = { items: Item[]; nextCursor: string | null };

const calendar = new WorkingCalendar(OFFICIAL_SCHEDULES_2024_2026);
/** The calendar day `days` after `day` (Vietnam time). */
const addDays = (day: string, days: number) =>
  toLocalDate(new Date(atLocalTime(day, '12:00').getTime() + days * 86_400_000));

/** Working days in `(from, to]`, counted one day at a time (the reference for the API's count). */
function workingDaysDayByDay(from: string, to: string): number {
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (calendar.isWorkingDay(d)) count++;
  return count;
}

/**
 * The overdue board of an official serving several units reads each unit's page from its own index
 * and merges them: the pages must still be the (due date, id) order of all the units' dossiers,
 * without gaps or repeats, for every filter, with the working days late of the calendar — also for
 * dossiers years late.
 */
describe('desk overdue board over several units (real PostgreSQL)', () => {
  let t: TestApp;
  let leader: string;
  const now = new Date();
  const today = toLocalDate(now);

  /** Every page of an overdue-board query, limit 2, following the cursors. */
  const walk = async (query: string) => {
    const seen: Item[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 30; pages++) {
      const url = `/api/v1/desk/overdue?limit=2${query}${after ? `&after=${after}` : ''}`;
      const page: Page = (await t.http.get(url).set(auth(leader)).expect(200)).body;
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items);
      after = page.nextCursor;
      if (!after) break;
    }
    return seen;
  };

  /** The overdue open dossiers straight from SQL, in board order, with their working days late. */
  const expected = async (where = 'true', params: unknown[] = []) =>
    (
      (await t.ds.query(
        `SELECT d.id, d.due_at FROM dossier d JOIN procedure p ON p.id = d.procedure_id JOIN agency_unit u ON u.id = d.current_unit_id
          WHERE d.status NOT IN ('refused', 'withdrawn', 'stopped', 'returned') AND d.due_at <= now() AND ${where}
          ORDER BY d.due_at, d.id`,
        params,
      )) as { id: string; due_at: Date }[]
    ).map((r) => ({ id: r.id, daysLate: Math.max(1, workingDaysDayByDay(toLocalDate(r.due_at), today)) }));

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    const passwordHash = await hashPassword('Demo@2026');
    for (const [username, code, role] of [
      ['tiepnhan.tanlap', '000.32.00.H99', 'intake_officer'],
      // A leader of the province serves every unit below it.
      ['lanhdao.tinh', '000.00.00.H99', 'leader'],
    ]) {
      await t.ds.query(
        `INSERT INTO official (username, password_hash, full_name, agency_unit_id, roles)
         SELECT $1, $2, 'Cán bộ thử nghiệm', id, ARRAY[$4] FROM agency_unit WHERE code = $3`,
        [username, passwordHash, code, role],
      );
    }
    leader = await t.login('lanhdao.tinh');
    const officer = {
      '000.31.00.H99': await t.login('tiepnhan.binhminh'),
      '000.32.00.H99': await t.login('tiepnhan.tanlap'),
    };
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const agency = i % 2 ? '000.32.00.H99' : '000.31.00.H99';
      const identityNumber = `0011770003${String(i).padStart(2, '0')}`;
      const body = {
        procedureCode: '1.004873',
        receivingAgencyCode: agency,
        applicant: { name: 'Nguyễn Văn An', identityNumber },
        formData: {
          hoTen: 'NGUYỄN VĂN AN',
          ngaySinh: '1999-01-01',
          gioiTinh: 'Nam',
          soDinhDanh: identityNumber,
          noiCuTru: 'Phường Bình Minh, tỉnh Demo',
          tinhTrangHonNhan: 'Chưa đăng ký kết hôn với ai',
          mucDichSuDung: 'Bổ sung hồ sơ xin việc',
          soBan: 1,
        },
        accept: true,
      };
      const r = await t.http
        .post('/api/v1/desk/dossiers')
        .set(auth(officer[agency]))
        .set('Idempotency-Key', `overdue-units-${i}`)
        .send(body)
        .expect(201);
      ids.push(r.body.id);
    }
    // Due days from three years ago to tomorrow, interleaved across the units, with ties across units
    // (same due time) for the id tie-break and due days exactly 300 and 301 working days late for the
    // bounds of the filter; one dossier is closed, one not due yet.
    const lateBy = (k: number) => {
      for (let d = addDays(today, -1); ; d = addDays(d, -1))
        if (workingDaysDayByDay(d, today) === k) return d;
    };
    const dueAt = [
      atLocalTime(addDays(today, -1100), '17:00'),
      atLocalTime(addDays(today, -400), '17:00'),
      atLocalTime(addDays(today, -400), '17:00'),
      atLocalTime(lateBy(300), '17:00'),
      atLocalTime(addDays(today, -30), '17:00'),
      atLocalTime(lateBy(301), '09:00'),
      atLocalTime(addDays(today, -3), '17:00'),
      atLocalTime(addDays(today, -1), '17:00'),
      new Date(now.getTime() - 60_000),
      atLocalTime(addDays(today, 1), '17:00'),
    ];
    for (const [i, id] of ids.entries())
      await t.ds.query(`UPDATE dossier SET due_at = $2 WHERE id = $1`, [id, dueAt[i]]);
    await t.ds.query(`UPDATE dossier SET status = 'refused', current_step_id = 'refused' WHERE id = $1`, [
      ids[4],
    ]);
  });
  afterAll(async () => {
    await t.close();
  });

  it('merges the pages of every unit in (due date, id) order, with working days late', async () => {
    const all = await walk('');
    expect(all.map((i) => ({ id: i.id, daysLate: i.daysLate }))).toEqual(await expected());
    expect(all.length).toBeGreaterThanOrEqual(8);
    expect(Math.max(...all.map((i) => i.daysLate))).toBeGreaterThan(700);
  });

  it('keeps the unit, procedure and working-days-late filters across the merged pages', async () => {
    const ids = async (query: string) => (await walk(query)).map((i) => i.id);
    const expectedIds = async (where: string, params: unknown[] = []) =>
      (await expected(where, params)).map((r) => r.id);
    expect(await ids('&unit=000.32.00.H99')).toEqual(await expectedIds(`u.code = '000.32.00.H99'`));
    expect(await ids('&procedure=1.004873')).toEqual(await expectedIds(`p.code = '1.004873'`));
    expect(await ids('&procedure=1.001193&unit=000.31.00.H99')).toEqual(
      await expectedIds(`p.code = '1.001193' AND u.code = '000.31.00.H99'`),
    );
    for (const [min, max] of [
      [2, undefined],
      [undefined, 20],
      [5, 300],
      [300, 300],
      [300, 301],
      [301, undefined],
      [1, 1],
    ]) {
      const query = `${min ? `&minDaysLate=${min}` : ''}${max ? `&maxDaysLate=${max}` : ''}`;
      const want = (await expected()).filter(
        (r) => r.daysLate >= (min ?? 1) && r.daysLate <= (max ?? Infinity),
      );
      expect((await walk(query)).map((i) => ({ id: i.id, daysLate: i.daysLate }))).toEqual(want);
      if (min === 300) expect(want.length).toBe(max === 301 ? 2 : 1);
    }
  });
});
