#!/usr/bin/env node
// Desk and lookup read paths at scale: 1,000,000 dossiers and ~10,000,000 history events in a
// throw-away database, each endpoint timed through the real API beside the same SQL (captured from
// the API itself) replayed with pg. Not part of the test run; see bench/README.md.
//
//   npm run bench:desk                                # builds the server first
//   node bench/desk-queries.bench.mjs --no-build      # reuses dist/server
//   node bench/desk-queries.bench.mjs --explain       # also writes docs/perf/desk-queries-explain.md
//   BENCH_DOSSIERS=1000000 BENCH_ITERATIONS=300 BENCH_WARMUP=30
import { closeSync, mkdirSync, openSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import {
  adminQuery,
  benchRun,
  buildServer,
  children,
  dbUrl,
  dropRedisPrefix,
  log,
  migrateAndSeed,
  percentile,
  REDIS_URL,
  ROOT,
  startApi,
  stopApi,
} from './lib.mjs';

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 1_000_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 50_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 300);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 30);
const EXPLAIN = process.argv.includes('--explain');
const KEEP = process.argv.includes('--keep'); // keep the database (to study plans by hand); drop it yourself
const EXPLAIN_FILE = join(ROOT, 'docs/perf/desk-queries-explain.md');
const TARGET_P95_MS = 20;

const { id: RUN_ID, dbName: DB_NAME, redisPrefix: REDIS_PREFIX } = benchRun('desk');
const CAPTURE_FILE = join(tmpdir(), `dvc-bench-sql-${RUN_ID}.jsonl`);

const PASSWORD = 'Demo@2026';
const SPECIALIST = 'chuyenvien.binhminh'; // UBND phường Bình Minh, the busiest commune
const INTAKE_OFFICER = 'tiepnhan.tinh'; // Trung tâm Phục vụ hành chính công tỉnh
const CITIZEN = '001099012345';
const CENTRE = '000.00.01.H99';
const TERMINAL = `('refused', 'withdrawn', 'stopped', 'returned')`;

const seconds = (t0) => ((performance.now() - t0) / 1000).toFixed(1);

// ---------------------------------------------------------------------------------------------
// Data: set-based generation, in batches of BATCH dossiers, in time order (as production inserts).
// ---------------------------------------------------------------------------------------------

const FAMILY = `ARRAY['Nguyễn','Trần','Lê','Phạm','Hoàng','Huỳnh','Phan','Vũ','Võ','Đặng','Bùi','Đỗ','Hồ','Ngô','Dương','Lý']`;
const MIDDLE = `ARRAY['Văn','Thị','Hữu','Minh','Thanh','Ngọc','Quang','Đức','Thu','Bảo']`;
const GIVEN = `ARRAY['An','Bình','Châu','Dũng','Giang','Hà','Hải','Hạnh','Hùng','Khánh','Lan','Long','Mai','Nam','Nga','Phúc','Quân','Sơn','Tâm','Thảo','Trung','Tuấn','Vy','Yến']`;
const NAME = (a, b, c) =>
  `(${FAMILY})[1 + floor(${a} * 16)::int] || ' ' || (${MIDDLE})[1 + floor(${b} * 10)::int] || ' ' || (${GIVEN})[1 + floor(${c} * 24)::int]`;

/** Reference tables of the load session: procedures, communes, officials, citizens to draw from. */
async function prepareReferences(c) {
  // More officials: every unit gets an intake officer, two specialists and a leader besides the demo ones.
  await c.query(`
    INSERT INTO official (username, password_hash, full_name, agency_unit_id, roles)
    SELECT 'bench.' || a.code || '.' || r.role || r.n, (SELECT password_hash FROM official WHERE username = 'admin'),
           ${NAME('random()', 'random()', 'random()')}, a.id, ARRAY[r.role]
      FROM agency_unit a CROSS JOIN (VALUES ('intake_officer', 1), ('specialist', 1), ('specialist', 2), ('leader', 1)) r(role, n)
     WHERE a.level <> 'province'`);
  await c.query(`
    INSERT INTO citizen (identity_number, full_name, phone)
    SELECT '0' || (20000000000 + i)::text, ${NAME('random()', 'random()', 'random()')}, '09' || lpad((i * 7919 % 100000000)::text, 8, '0')
      FROM generate_series(1, ${Math.max(1000, Math.round(DOSSIERS / 5))}) i`);
  await c.query(`
    CREATE TEMP TABLE b_proc AS
    SELECT (o.level <> 'commune')::int AS grp,
           (row_number() OVER (PARTITION BY o.level <> 'commune' ORDER BY p.code) - 1)::int AS k,
           (count(*) OVER (PARTITION BY o.level <> 'commune'))::int AS n,
           p.id AS procedure_id, p.current_version_id AS version_id, v.time_limit_days AS limit_days, p.owner_agency_id AS owner_id
      FROM procedure p JOIN procedure_version v ON v.id = p.current_version_id JOIN agency_unit o ON o.id = p.owner_agency_id`);
  await c.query(`
    CREATE TEMP TABLE b_commune AS
    SELECT (row_number() OVER (ORDER BY code) - 1)::int AS k, id, code FROM agency_unit WHERE level = 'commune'`);
  await c.query(`
    CREATE TEMP TABLE b_off AS
    SELECT o.agency_unit_id AS unit_id, r.role, o.id,
           (row_number() OVER (PARTITION BY o.agency_unit_id, r.role ORDER BY o.username) - 1)::int AS k,
           (count(*) OVER (PARTITION BY o.agency_unit_id, r.role))::int AS n
      FROM official o CROSS JOIN unnest(o.roles) r(role) WHERE o.active`);
  await c.query(`
    CREATE TEMP TABLE b_cit AS
    SELECT (row_number() OVER (ORDER BY identity_number) - 1)::int AS k, id, identity_number, phone, full_name
      FROM citizen WHERE identity_number LIKE '02%'`);
  const { rows } = await c.query(
    `
    SELECT (SELECT id FROM agency_unit WHERE code = $1) AS centre_id,
           (SELECT id FROM workflow_definition ORDER BY version LIMIT 1) AS workflow_id,
           (SELECT count(*) FROM b_cit)::int AS n_cit,
           (SELECT count(*) FROM b_commune)::int AS n_commune,
           c.id AS demo_id, c.identity_number AS demo_identity, c.phone AS demo_phone, c.full_name AS demo_name
      FROM citizen c WHERE c.identity_number = $2`,
    [CENTRE, CITIZEN],
  );
  if (rows[0].n_commune !== 3) throw new Error('the bench expects the three demo communes');
  return rows[0];
}

/** One batch of dossiers [lo, hi] (1-based, i / DOSSIERS = position in the three years). */
const STAGE_SQL = `
  CREATE TEMP TABLE bd AS
  WITH g AS (
    SELECT i, gen_random_uuid() AS id, random() AS r_open, random() AS r_st, random() AS r_lvl, random() AS r_proc,
           random() AS r_unit, random() AS r_jit, random() AS r_ch, random() AS r_asg, random() AS r_dur, random() AS r_ev,
           random() AS r_cit, random() AS r_k, random() AS r_n1, random() AS r_n2, random() AS r_n3,
           floor(random() * 1e8)::bigint AS n8, floor(random() * 1e11)::bigint AS n11,
           (1 - i::float8 / $3) * 1095 AS age_days
      FROM generate_series($1::int, $2::int) i
  ), a AS (
    SELECT g.*, pr.procedure_id, pr.version_id, pr.limit_days, pr.owner_id, pr.grp,
           CASE WHEN pr.grp = 1 THEN $4::uuid ELSE cu.id END AS receiving_id,
           CASE WHEN pr.grp = 1 THEN $5::text ELSE cu.code END AS receiving_code,
           -- Open: nearly all within the time limit (D calendar days), some past it, a tail waiting for
           -- the applicant (mostly a supplement, clock paused) for months.
           g.r_open < CASE WHEN g.age_days < greatest(pr.limit_days, 1) * 1.4 THEN 0.95
                           WHEN g.age_days < greatest(pr.limit_days, 1) * 4.2 THEN 0.3
                           WHEN g.age_days < 120 THEN 0.04 ELSE 0.003 END AS open,
           g.age_days >= greatest(pr.limit_days, 1) * 4.2 AS waiting,
           now() - interval '1 hour' - g.age_days * interval '1 day' - g.r_jit * interval '8 hours' AS submitted_at
      FROM g
      JOIN b_proc pr ON pr.grp = (g.r_lvl >= 0.7)::int AND pr.k = floor(g.r_proc * pr.n)::int
      JOIN b_commune cu ON cu.k = CASE WHEN g.r_unit < 0.45 THEN 0 WHEN g.r_unit < 0.78 THEN 1 ELSE 2 END
  ), s AS (
    SELECT a.*,
           CASE WHEN open AND waiting THEN CASE WHEN r_st < 0.6 THEN 'supplement_requested' WHEN r_st < 0.7 THEN 'withdrawal_requested'
                                                WHEN r_st < 0.8 THEN 'result_ready' ELSE 'processing' END
                WHEN open THEN CASE WHEN r_st < 0.20 THEN 'submitted' WHEN r_st < 0.57 THEN 'processing'
                                    WHEN r_st < 0.64 THEN 'supplement_requested' WHEN r_st < 0.67 THEN 'payment_requested'
                                    WHEN r_st < 0.70 THEN 'withdrawal_requested' WHEN r_st < 0.84 THEN 'awaiting_approval'
                                    ELSE 'result_ready' END
                ELSE CASE WHEN r_st < 0.93 THEN 'returned' WHEN r_st < 0.97 THEN 'refused' WHEN r_st < 0.99 THEN 'withdrawn'
                          ELSE 'stopped' END END AS status,
           CASE WHEN r_ch < 0.6 OR i % 25000 = 7 THEN 'online' WHEN r_ch < 0.95 THEN 'desk' ELSE 'post' END AS channel,
           submitted_at + r_ch * interval '30 minutes' AS received_at
      FROM a
  ), t AS (
    SELECT s.*,
           CASE status WHEN 'submitted' THEN 'intake' WHEN 'awaiting_approval' THEN 'approval' WHEN 'result_ready' THEN 'return'
                       WHEN 'processing' THEN 'processing' WHEN 'supplement_requested' THEN 'processing'
                       WHEN 'payment_requested' THEN 'processing' WHEN 'withdrawal_requested' THEN 'processing'
                       ELSE status END AS step_id,
           received_at + greatest(limit_days, 1) * 1.4 * interval '1 day' AS due_at,
           CASE WHEN open THEN NULL
                ELSE least(received_at + greatest(limit_days, 1) * (0.3 + 0.9 * r_dur) * 1.4 * interval '1 day', now() - interval '1 hour')
           END AS closed_at
      FROM s
  ), u AS (
    SELECT t.*,
           CASE WHEN grp = 1 AND step_id IN ('processing', 'approval') THEN owner_id ELSE receiving_id END AS current_unit_id,
           CASE WHEN status IN ('supplement_requested', 'payment_requested') THEN received_at + (now() - received_at) * (0.3 + 0.6 * r_dur) END AS clock_paused_at,
           CASE step_id WHEN 'intake' THEN 1 WHEN 'refused' THEN 1 WHEN 'processing' THEN 2 WHEN 'withdrawn' THEN 2 WHEN 'stopped' THEN 2
                        WHEN 'approval' THEN 3 ELSE 4 END AS step_no,
           CASE WHEN open THEN 2 + floor(r_ev * 5)::int ELSE 6 + floor(r_ev * 9)::int END AS n_events,
           CASE WHEN step_id = 'approval' THEN 'leader' WHEN step_id = 'processing' THEN 'specialist'
                WHEN NOT open AND r_asg < 0.5 THEN 'specialist' END AS assignee_role
      FROM t
  )
  SELECT u.*, o.id AS assignee_id,
         CASE WHEN i % 25000 = 7 THEN $6::uuid WHEN channel = 'online' THEN c.id END AS citizen_id,
         CASE WHEN i % 25000 = 7 THEN $7 WHEN channel = 'online' THEN c.full_name ELSE ${NAME('r_n1', 'r_n2', 'r_n3')} END AS applicant_name,
         CASE WHEN i % 25000 = 7 THEN $8 WHEN channel = 'online' THEN c.identity_number ELSE lpad(n11::text, 12, '0') END AS identity,
         CASE WHEN i % 25000 = 7 THEN $9 WHEN channel = 'online' THEN c.phone ELSE '09' || lpad(n8::text, 8, '0') END AS phone,
         CASE WHEN open THEN CASE WHEN clock_paused_at IS NULL AND due_at < now() THEN due_at + interval '5 minutes' END
              WHEN closed_at > due_at THEN due_at + interval '5 minutes' END AS overdue_at,
         CASE WHEN open THEN CASE WHEN clock_paused_at IS NULL AND due_at - interval '1 day' < now() THEN due_at - interval '1 day' END
              WHEN closed_at > due_at - interval '1 day' THEN due_at - interval '1 day' END AS due_soon_at
    FROM u
    LEFT JOIN b_cit c ON u.channel = 'online' AND c.k = floor(u.r_cit * $10)::int
    LEFT JOIN b_off o ON o.unit_id = u.current_unit_id AND o.role = u.assignee_role AND o.k = floor(u.r_k * o.n)::int`;

const INSERT_DOSSIERS = `
  INSERT INTO dossier (id, code, procedure_id, procedure_version_id, receiving_agency_id, applicant_citizen_id, applicant_name,
    applicant_identity_number, applicant_phone, applicant_email, form_data, status, channel, submitted_at, received_at, due_at,
    idempotency_key, row_version, created_at, updated_at, workflow_definition_id, current_step_id, current_unit_id, assignee_id,
    clock_paused_at, paused_ms, due_soon_at, overdue_at, closed_at)
  SELECT id, receiving_code || '-' || to_char(received_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYMMDD') || '-' || lpad(i::text, 7, '0'),
         procedure_id, version_id, receiving_id, citizen_id, applicant_name, identity, phone, NULL,
         jsonb_build_object('hoTen', applicant_name, 'soDinhDanh', identity, 'soDienThoai', phone,
           'diaChi', 'Số ' || (n8 % 300) || ', đường ' || (${GIVEN})[1 + (n8 % 24)::int] || ', tổ dân phố ' || (n8 % 17),
           'noiDung', 'Đề nghị cơ quan có thẩm quyền giải quyết thủ tục hành chính theo hồ sơ kèm theo; thông tin kê khai là đúng sự thật.',
           'ngayKy', to_char(submitted_at, 'YYYY-MM-DD')),
         status, channel, submitted_at, received_at, due_at,
         CASE WHEN citizen_id IS NOT NULL THEN 'bench-' || i END, n_events, submitted_at,
         coalesce(closed_at, received_at + (now() - received_at) * r_dur),
         $1::uuid, step_id, current_unit_id, assignee_id, clock_paused_at,
         CASE WHEN clock_paused_at IS NULL AND status NOT IN ${TERMINAL} AND r_dur < 0.1 THEN 86400000 ELSE 0 END,
         due_soon_at, overdue_at, closed_at
    FROM bd ORDER BY i`;

// History: the first event is the submission, then desk actions up to the closing one; inserted in
// time order within the batch, so that one dossier's events are spread over the table as in production.
const INSERT_EVENTS = `
  INSERT INTO dossier_event (dossier_id, type, actor_kind, actor_id, from_status, to_status, note, at, data)
  SELECT bd.id,
         CASE WHEN k = 1 THEN 'submitted' WHEN k = 2 THEN 'accepted'
              WHEN k = n_events AND NOT open THEN CASE status WHEN 'returned' THEN 'result_returned' ELSE status END
              ELSE (ARRAY['assigned', 'forwarded', 'submitted_for_approval', 'approved', 'reassigned', 'supplement_requested', 'supplement_received'])[1 + (k * 7 + i) % 7] END,
         CASE WHEN k = 1 AND channel = 'online' THEN 'citizen' ELSE 'official' END,
         CASE WHEN k = 1 AND channel = 'online' THEN citizen_id ELSE assignee_id END,
         CASE WHEN k = 2 THEN 'submitted' WHEN k = n_events AND NOT open THEN 'result_ready' END,
         CASE WHEN k = 1 THEN 'submitted' WHEN k = 2 THEN 'processing' WHEN k = n_events AND NOT open THEN status END,
         CASE WHEN k % 4 = 0 THEN 'Đã kiểm tra thành phần, số lượng hồ sơ' END,
         received_at + (coalesce(closed_at, now()) - received_at) * ((k - 1)::float8 / n_events),
         CASE WHEN k = 1 THEN jsonb_build_object('channel', channel, 'procedureVersionId', version_id::text)
              ELSE jsonb_build_object('fromStep', 'processing', 'toStep', 'approval') END
    FROM bd, generate_series(1, bd.n_events) k
   ORDER BY 8`;

// Mẫu 05 hand-overs: every dossier has its steps (intake, processing, approval, return, as far as it
// went), all finished for a closed dossier, the last one open for an open dossier.
const STEPS = `ARRAY['intake', 'processing', 'approval', 'return']`;
const INSERT_STEPS = `
  INSERT INTO dossier_step (dossier_id, step_id, unit_id, assignee_id, started_at, due_at, finished_at, on_time)
  SELECT id, (${STEPS})[k], CASE WHEN k IN (2, 3) AND grp = 1 THEN owner_id ELSE receiving_id END,
         CASE WHEN k IN (2, step_no) THEN assignee_id END,
         received_at + (coalesce(closed_at, now()) - received_at) * ((k - 1)::float8 / step_no),
         received_at + (due_at - received_at) * (ARRAY[0.1, 0.8, 0.9, 1.0])[k],
         CASE WHEN k < step_no OR NOT open THEN received_at + (coalesce(closed_at, now()) - received_at) * (k::float8 / step_no) END,
         CASE WHEN k < step_no OR NOT open THEN k < step_no OR closed_at <= due_at END
    FROM bd, generate_series(1, bd.step_no) k
   ORDER BY 5`;

async function load(url) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const t0 = performance.now();
  try {
    // Bulk load only: no triggers (the dossier triggers' work — workflow pin, first step — is
    // generated here set-based) and no foreign-key checks; commit without waiting for the WAL flush.
    await c.query(`SET session_replication_role = replica`);
    await c.query(`SET synchronous_commit = off`);
    await c.query(`SET work_mem = '256MB'`);
    await c.query(`SELECT setseed(0.2026)`);
    const ref = await prepareReferences(c);
    for (let lo = 1; lo <= DOSSIERS; lo += BATCH) {
      const hi = Math.min(DOSSIERS, lo + BATCH - 1);
      await c.query(`DROP TABLE IF EXISTS bd`);
      await c.query(STAGE_SQL, [
        lo,
        hi,
        DOSSIERS,
        ref.centre_id,
        CENTRE,
        ref.demo_id,
        ref.demo_name,
        ref.demo_identity,
        ref.demo_phone,
        ref.n_cit,
      ]);
      await c.query(INSERT_DOSSIERS, [ref.workflow_id]);
      await c.query(INSERT_EVENTS);
      await c.query(INSERT_STEPS);
      log(`  ${hi.toLocaleString('en')} dossiers (${seconds(t0)} s)`);
    }
    await c.query(`DROP TABLE bd`);
    const loaded = seconds(t0);
    const t1 = performance.now();
    await c.query(`VACUUM (ANALYZE) dossier, dossier_event, dossier_step, citizen, official`);
    const vacuumed = seconds(t1);
    const { rows } = await c.query(`
      SELECT (SELECT count(*) FROM dossier) AS dossiers, (SELECT count(*) FROM dossier_event) AS events,
             (SELECT count(*) FROM dossier_step) AS steps,
             (SELECT count(*) FROM dossier WHERE status NOT IN ${TERMINAL}) AS open,
             (SELECT count(*) FROM dossier WHERE status NOT IN ${TERMINAL} AND due_at <= now() AND clock_paused_at IS NULL) AS overdue,
             (SELECT min(submitted_at)::date || ' … ' || max(submitted_at)::date FROM dossier) AS span,
             pg_size_pretty(pg_database_size(current_database())) AS size`);
    const units = await c.query(`
      SELECT u.code, u.name, count(*) AS total, count(*) FILTER (WHERE d.status NOT IN ${TERMINAL}) AS open
        FROM dossier d JOIN agency_unit u ON u.id = d.current_unit_id GROUP BY u.code, u.name ORDER BY u.code`);
    return { ...rows[0], loaded, vacuumed, units: units.rows };
  } finally {
    await c.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Scenarios: one HTTP request each (some rotate over variants), timed through the API and as raw SQL.
// ---------------------------------------------------------------------------------------------

async function login(base, path, body) {
  const r = await fetch(`${base}/api/v1/auth/${path}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!r.ok) throw new Error(`${path} login failed: ${r.status} ${await r.text()}`);
  return (await r.json()).accessToken;
}

async function get(base, token, path) {
  const r = await fetch(`${base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const body = await r.text();
  if (r.status !== 200) throw new Error(`GET ${path}: ${r.status} ${body}`);
  return JSON.parse(body);
}

/** Each scenario: who asks, the paths of its variants, and which index should serve it (for the doc). */
async function scenarios(base, url) {
  const spec = await login(base, 'official', { username: SPECIALIST, password: PASSWORD });
  const intake = await login(base, 'official', { username: INTAKE_OFFICER, password: PASSWORD });
  const citizen = await login(base, 'citizen', { identityNumber: CITIZEN, password: PASSWORD });
  const inbox = '/api/v1/desk/dossiers';
  const page1 = await get(base, spec, inbox);
  if (!page1.nextCursor) throw new Error('the specialist inbox has a single page: too little data');
  let cursor = page1.nextCursor;
  const overdue1 = await get(base, spec, '/api/v1/desk/overdue');
  if (!overdue1.nextCursor) throw new Error('the overdue board has a single page: too little data');
  for (let i = 0; i < 49 && cursor; i++)
    cursor = (await get(base, spec, `${inbox}?after=${cursor}`)).nextCursor ?? cursor;

  const c = new pg.Client({ connectionString: url });
  await c.connect();
  let detailIds;
  let lookups;
  let procedure;
  try {
    const unit = `(SELECT id FROM agency_unit WHERE code = '000.31.00.H99')`;
    const open = await c.query(
      `SELECT id FROM dossier WHERE current_unit_id = ${unit} AND status NOT IN ${TERMINAL} ORDER BY md5(id::text) LIMIT 10`,
    );
    const closed = await c.query(
      `SELECT id FROM dossier TABLESAMPLE SYSTEM (1) REPEATABLE (7) WHERE current_unit_id = ${unit} AND status = 'returned' LIMIT 10`,
    );
    detailIds = [...open.rows, ...closed.rows].map((r) => r.id);
    const sample = await c.query(
      `SELECT code, applicant_phone, applicant_identity_number FROM dossier TABLESAMPLE SYSTEM (1) REPEATABLE (11) LIMIT 20`,
    );
    lookups = sample.rows.map((r, i) => ({
      code: r.code,
      factor: i % 2 ? r.applicant_identity_number : r.applicant_phone,
    }));
    const top = await c.query(`
      SELECT p.code FROM dossier d JOIN procedure p ON p.id = d.procedure_id
       WHERE d.current_unit_id = ${unit} AND d.status NOT IN ${TERMINAL} GROUP BY p.code ORDER BY count(*) DESC LIMIT 1`);
    procedure = top.rows[0].code;
  } finally {
    await c.end();
  }
  const q = (path, token) => ({ path, token });
  const PAGE =
    'The `page` CTE reads, per unit, the first 21 entries of `idx_dossier_inbox_open` (current_unit_id, due_at, id) ' +
    'in order (an index-only scan that stops at the limit), merges them, and joins only those 21 rows ' +
    '(`dossier_pkey`, the catalogue and official primary keys, `uq_dossier_step_open` for the open step).';
  return [
    { name: 'inbox, specialist (Bình Minh)', note: PAGE, variants: [q(inbox, spec)] },
    { name: 'inbox, intake officer (centre)', note: PAGE, variants: [q(inbox, intake)] },
    {
      name: 'inbox ?status=processing',
      note:
        'One ordered scan of `idx_dossier_inbox` (current_unit_id, status, due_at, id) per unit and status, ' +
        'with the equality on both leading columns, stopping at the limit; then the 21 rows are joined as above.',
      variants: [q(`${inbox}?status=processing`, spec)],
    },
    {
      name: `inbox ?procedure=${procedure}`,
      note:
        'Ordered scan of `idx_dossier_inbox_open` with the procedure (looked up once by `uq_procedure_code`) ' +
        'checked on the heap, until 21 match: cost grows with the rarity of the procedure in the unit, ' +
        'bounded by the open dossiers of the unit.',
      variants: [q(`${inbox}?procedure=${procedure}`, spec)],
    },
    {
      name: 'inbox ?due=overdue',
      note: '`due_at <= now` is a range on the second column of `idx_dossier_inbox_open`: the same ordered scan.',
      variants: [q(`${inbox}?due=overdue`, spec)],
    },
    {
      name: 'inbox page 2 (keyset)',
      note: 'The cursor `(due_at, id) > (…)` is an index condition of `idx_dossier_inbox_open`: no offset.',
      variants: [q(`${inbox}?after=${page1.nextCursor}`, spec)],
    },
    {
      name: 'inbox page 51 (keyset)',
      note: 'As page 2: a page deep in the list costs what the first one does.',
      variants: [q(`${inbox}?after=${cursor}`, spec)],
    },
    {
      name: 'counts, specialist',
      note:
        'One index-only scan of `idx_dossier_open_counts` (current_unit_id, status) INCLUDE (assignee_id, due_at, ' +
        'due_soon_at, overdue_at, clock_paused_at), partial on open dossiers: no closed dossier and no heap page is read ' +
        '(as long as the visibility map is current, which autovacuum keeps).',
      variants: [q(`${inbox}/counts`, spec)],
    },
    { name: 'counts, intake officer', note: 'As above.', variants: [q(`${inbox}/counts`, intake)] },
    {
      name: 'overdue board',
      note:
        'The inbox `page` CTE with `due_at <= now`: per unit the first 21 entries of `idx_dossier_inbox_open` in order, ' +
        'merged; only the page is joined, with its latest apology (`idx_dossier_apology_dossier`). The working days ' +
        'late of each item come from per-year cumulative tables of the calendar, not a day-by-day walk.',
      variants: [q('/api/v1/desk/overdue', spec)],
    },
    {
      name: 'overdue board page 2 (keyset)',
      note: 'The cursor is an index condition of `idx_dossier_inbox_open`, as for the inbox.',
      variants: [q(`/api/v1/desk/overdue?after=${overdue1.nextCursor}`, spec)],
    },
    {
      name: 'overdue board ?minDaysLate=5&maxDaysLate=60',
      note:
        'The working days late become bounds on `due_at` (computed with the calendar), a range of ' +
        '`idx_dossier_inbox_open`: the same ordered scan.',
      variants: [q('/api/v1/desk/overdue?minDaysLate=5&maxDaysLate=60', spec)],
    },
    {
      name: 'overdue board ?state=due_soon',
      note:
        'Per unit the first 21 entries of `idx_dossier_due_soon` (current_unit_id, due_at, id), partial on the open ' +
        'dossiers flagged due soon with a running clock (migration `1764000014000-overdue-index`); without it the plan ' +
        "read every running clock of all units from `idx_dossier_sla` and kept the unit's flagged ones (4.5 ms).",
      variants: [q('/api/v1/desk/overdue?state=due_soon', spec)],
    },
    {
      name: 'detail with history (20 dossiers)',
      note:
        'Primary keys for the dossier and its catalogue rows; `idx_dossier_step_dossier` for the visibility check ' +
        'and the steps, `idx_dossier_event_dossier` (dossier_id, id) for the history, the documents by dossier.',
      variants: detailIds.map((id) => q(`${inbox}/${id}`, spec)),
    },
    {
      name: 'public lookup, code + factor (20)',
      note: '`uq_dossier_code`: one row; the second factor is compared in the service.',
      variants: lookups.map((l) =>
        q(
          `/api/v1/public/dossiers/lookup?code=${encodeURIComponent(l.code)}&factor=${encodeURIComponent(l.factor)}`,
        ),
      ),
    },
    {
      name: "citizen's my dossiers",
      note: "`idx_dossier_applicant` (applicant_citizen_id, submitted_at DESC): the citizen's rows only.",
      variants: [q('/api/v1/dossiers?page=1&pageSize=20', citizen)],
    },
  ];
}

function fileSize(file) {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

function readFrom(file, offset) {
  const size = fileSize(file);
  if (size <= offset) return '';
  const buf = Buffer.alloc(size - offset);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buf, 0, buf.length, offset);
  } finally {
    closeSync(fd);
  }
  return buf.toString('utf8');
}

/** The SQL each variant runs, captured from the API (second request, so caches are warm). */
async function captureSql(base, list) {
  for (const s of list) {
    s.sql = [];
    for (const v of s.variants) {
      await get(base, v.token, v.path);
      const before = fileSize(CAPTURE_FILE);
      await get(base, v.token, v.path);
      const statements = readFrom(CAPTURE_FILE, before)
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l))
        .filter((st) => /^\s*(SELECT|WITH)\b/i.test(st.text));
      if (!statements.length) throw new Error(`no SQL captured for ${v.path}`);
      s.sql.push(statements);
    }
  }
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), n: s.length };
};

async function timeApi(base, s) {
  const times = [];
  for (let i = 0; i < WARMUP + ITERATIONS; i++) {
    const v = s.variants[i % s.variants.length];
    const t0 = performance.now();
    const r = await fetch(`${base}${v.path}`, {
      headers: v.token ? { authorization: `Bearer ${v.token}` } : {},
    });
    await r.arrayBuffer();
    const ms = performance.now() - t0;
    if (r.status !== 200) throw new Error(`GET ${v.path}: ${r.status}`);
    if (i >= WARMUP) times.push(ms);
  }
  return stats(times);
}

async function timeSql(c, s) {
  const times = [];
  for (let i = 0; i < WARMUP + ITERATIONS; i++) {
    const statements = s.sql[i % s.sql.length];
    const t0 = performance.now();
    for (const st of statements) await c.query(st.text, st.values);
    const ms = performance.now() - t0;
    if (i >= WARMUP) times.push(ms);
  }
  return stats(times);
}

const f = (x) => (Number.isFinite(x) ? x.toFixed(2) : '—');

function report(results) {
  const rows = [
    [
      'query',
      'stmts',
      'API p50',
      'API p95',
      'API p99',
      'SQL p50',
      'SQL p95',
      'SQL p99',
      'API/SQL p95',
      'target p95 ≤ 20 ms',
    ],
    ...results.map((r) => [
      r.name,
      String(r.sql[0].length),
      f(r.api.p50),
      f(r.api.p95),
      f(r.api.p99),
      f(r.raw.p50),
      f(r.raw.p95),
      f(r.raw.p99),
      `${(r.api.p95 / r.raw.p95).toFixed(1)}×`,
      r.api.p95 <= TARGET_P95_MS ? 'met' : 'NOT met',
    ]),
  ];
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r) => `  ${r.map((x, i) => (i === 0 ? x.padEnd(w[i]) : x.padStart(w[i]))).join('   ')}`;
  console.log(
    `\nDesk and lookup queries — ${ITERATIONS} sequential requests each after ${WARMUP} warm-up, times in ms\n`,
  );
  console.log(rows.map(line).join('\n'));
  return rows.map(line);
  console.log(
    `\n  SQL = the statements the API ran for the same request (captured), replayed one after the other with pg.\n`,
  );
}

/** Index names a plan uses. */
const indexesOf = (plan) => [
  ...new Set(
    [...plan.matchAll(/(?:Index(?: Only)? Scan(?: Backward)? using|Bitmap Index Scan on) (\w+)/g)].map(
      (m) => m[1],
    ),
  ),
];

async function explain(c, results, load, table) {
  const out = [
    '# Desk and lookup queries: EXPLAIN (ANALYZE, BUFFERS)',
    '',
    `Generated by \`node bench/desk-queries.bench.mjs --explain\` on ${new Date().toISOString().slice(0, 10)}: ` +
      `${Number(load.dossiers).toLocaleString('en')} dossiers, ${Number(load.events).toLocaleString('en')} events, ` +
      `${Number(load.open).toLocaleString('en')} open (${Number(load.overdue).toLocaleString('en')} overdue), database ${load.size}; ` +
      'PostgreSQL and the API on the same 2-core machine, warm cache (plans taken after the timed runs); ' +
      `load average when the plans were taken (1, 5, 15 min): ${loadavg()
        .map((x) => x.toFixed(2))
        .join(', ')}. ` +
      'Each section says which index should serve the request, then gives every statement the API ran for it ' +
      '(captured from the API, first variant) with the indexes its plan used and the plan. Figures and context: ' +
      '[bench/README.md](../../bench/README.md).',
    '',
    `Timings of this run (ms; ${ITERATIONS} sequential requests per line after ${WARMUP} warm-up; SQL = the same statements replayed with pg):`,
    '',
    '```text',
    ...table,
    '```',
    '',
  ];
  for (const r of results) {
    out.push(
      `## ${r.name}`,
      '',
      `\`GET ${r.variants[0].path.replace(/after=[^&]+/, 'after=…')}\` — API p95 ${f(r.api.p95)} ms, SQL p95 ${f(r.raw.p95)} ms`,
      '',
      r.note,
      '',
    );
    for (const [i, st] of r.sql[0].entries()) {
      const res = await c.query(`EXPLAIN (ANALYZE, BUFFERS) ${st.text}`, st.values);
      const plan = res.rows.map((x) => x['QUERY PLAN']).join('\n');
      const idx = indexesOf(plan);
      out.push(
        `### ${i + 1}. ${idx.length ? `indexes: ${idx.map((x) => `\`${x}\``).join(', ')}` : 'no index'}`,
        '',
        '```sql',
        st.text.replace(/\s+/g, ' ').trim(),
        '```',
        '',
        '```text',
        plan,
        '```',
        '',
      );
    }
  }
  mkdirSync(join(ROOT, 'docs/perf'), { recursive: true });
  writeFileSync(EXPLAIN_FILE, out.join('\n'));
  log(`wrote ${EXPLAIN_FILE}`);
}

async function main() {
  buildServer();
  const env = {
    DATABASE_URL: dbUrl(DB_NAME),
    REDIS_URL,
    REDIS_PREFIX,
    LOG_LEVEL: 'warn',
    JWT_ACCESS_TTL_SECONDS: '3600',
    NODE_ENV: 'development',
    // Bench only: the lookup guard still runs (one Redis script per request) but never refuses.
    LOOKUP_RATE_PER_MINUTE: '1000000000',
  };
  let api;
  const c = new pg.Client({ connectionString: dbUrl(DB_NAME) });
  let connected = false;
  try {
    log(`database ${DB_NAME}: migrate and seed`);
    migrateAndSeed(env);
    log(
      `generating ${DOSSIERS.toLocaleString('en')} dossiers with ~10 events each, batches of ${BATCH.toLocaleString('en')}`,
    );
    const loaded = await load(dbUrl(DB_NAME));
    console.log(
      `\nLoad: ${Number(loaded.dossiers).toLocaleString('en')} dossiers, ${Number(loaded.events).toLocaleString('en')} events, ` +
        `${Number(loaded.steps).toLocaleString('en')} steps in ${loaded.loaded} s, VACUUM ANALYZE ${loaded.vacuumed} s; ` +
        `${Number(loaded.open).toLocaleString('en')} open (${Number(loaded.overdue).toLocaleString('en')} overdue), ` +
        `submitted ${loaded.span}, database ${loaded.size}`,
    );
    for (const u of loaded.units)
      console.log(
        `  ${u.code}  ${String(u.total).padStart(8)} dossiers, ${String(u.open).padStart(6)} open  ${u.name}`,
      );

    log('capturing the SQL of each request from the API');
    api = await startApi({ ...env, BENCH_SQL_CAPTURE: CAPTURE_FILE }, { preload: ['./bench/capture-sql.cjs'] });
    const list = await scenarios(api.base, dbUrl(DB_NAME));
    await captureSql(api.base, list);
    await stopApi(api);

    api = await startApi(env);
    await c.connect();
    connected = true;
    const results = [];
    for (const s of list) {
      // The tokens were issued by the first process: same secret, still valid.
      const apiStats = await timeApi(api.base, s);
      const rawStats = await timeSql(c, s);
      results.push({ ...s, api: apiStats, raw: rawStats });
      log(`  ${s.name}: API p95 ${f(apiStats.p95)} ms, SQL p95 ${f(rawStats.p95)} ms`);
    }
    const table = report(results);
    if (EXPLAIN) await explain(c, results, loaded, table);
  } finally {
    if (connected) await c.end().catch(() => {});
    if (api) await stopApi(api).catch(() => api.child.kill('SIGKILL'));
    rmSync(CAPTURE_FILE, { force: true });
    if (KEEP) log(`kept database ${DB_NAME}: drop it with DROP DATABASE "${DB_NAME}" WITH (FORCE)`);
    else
      await adminQuery(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`).catch((e) =>
        log(`drop database: ${e.message}`),
      );
    await dropRedisPrefix(REDIS_PREFIX);
    log(`${KEEP ? 'kept' : 'dropped'} ${DB_NAME}, dropped the ${REDIS_PREFIX}:* keys`);
  }
}

// Interrupted (Ctrl-C): stop the API and drop the database all the same.
process.once('SIGINT', () => {
  log('interrupted');
  for (const child of children) child.kill('SIGKILL');
  const drop = KEEP ? Promise.resolve() : adminQuery(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
  drop
    .catch((e) => log(`drop database: ${e.message}`))
    .finally(() => {
      rmSync(CAPTURE_FILE, { force: true });
      process.exit(130);
    });
});

main().catch((e) => {
  console.error(`[bench] ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
