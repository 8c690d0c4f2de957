#!/usr/bin/env node
// Intake benchmark: POST /api/v1/dossiers through the real API (autocannon) beside the same inserts
// run as raw SQL by pgbench, on one throw-away database. Not part of the test run; see bench/README.md.
//
//   npm run bench:intake                     # builds the server first
//   node bench/intake.bench.mjs --no-build   # reuses dist/server
//   BENCH_CONNECTIONS=32 BENCH_DURATION=20 BENCH_PGBENCH=/usr/lib/postgresql/15/bin/pgbench
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import autocannon from 'autocannon';
import pg from 'pg';
import {
  adminQuery,
  benchRun,
  buildServer,
  dbUrl,
  dropRedisPrefix,
  log,
  migrateAndSeed,
  percentile,
  REDIS_URL,
  ROOT,
  run,
  startApi,
  stopApi,
} from './lib.mjs';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const DURATION = Number(process.env.BENCH_DURATION ?? 20);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const PGBENCH = process.env.BENCH_PGBENCH ?? findPgbench();
const TARGET_RATIO = 0.5;
const TARGET_P99_MS = 50;

const { dbName: DB_NAME, redisPrefix: REDIS_PREFIX, id: RUN_ID } = benchRun('intake');

const CITIZEN = { identityNumber: '001099012345', password: 'Demo@2026' };
const SUBMISSION = {
  procedureCode: '1.001193',
  receivingAgencyCode: '000.31.00.H99',
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
};

function findPgbench() {
  const which = spawnSync('sh', ['-c', 'command -v pgbench'], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim()) return which.stdout.trim();
  const dir = '/usr/lib/postgresql';
  try {
    const v = readdirSync(dir).sort((a, b) => Number(b) - Number(a))[0];
    return join(dir, v, 'bin', 'pgbench');
  } catch {
    return 'pgbench';
  }
}

function cannon(opts) {
  return new Promise((res, rej) => {
    const inst = autocannon(opts, (err, result) => (err ? rej(err) : res(result)));
    autocannon.track(inst, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false, outputStream: process.stderr });
  });
}

/**
 * Every seeded procedure has required documents, and an upload per request would bench the upload
 * instead of the intake: submit one dossier with two small uploaded PDFs, then let every benched
 * submission reuse them from the citizen's document store by `documentId` (NĐ 45/2020).
 */
async function reusableDocuments(base, token) {
  const auth = { authorization: `Bearer ${token}` };
  const attachments = [];
  for (const documentCode of ['TP01', 'TP02']) {
    const form = new FormData();
    form.append('documentCode', documentCode);
    const pdf = Buffer.concat([Buffer.from(`%PDF-1.7\n% ${documentCode}\n`), Buffer.alloc(1024, 0x20), Buffer.from('\n%%EOF\n')]);
    form.append('file', new Blob([pdf], { type: 'application/pdf' }), `${documentCode}.pdf`);
    const up = await fetch(`${base}/api/v1/attachments`, { method: 'POST', headers: auth, body: form });
    if (up.status !== 201) throw new Error(`upload failed: ${up.status} ${await up.text()}`);
    attachments.push({ documentCode, attachmentId: (await up.json()).id });
  }
  const first = await fetch(`${base}/api/v1/dossiers`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': `bench-${RUN_ID}-seed` },
    body: JSON.stringify({ ...SUBMISSION, attachments }),
  });
  if (first.status !== 201) throw new Error(`first submission failed: ${first.status} ${await first.text()}`);
  const store = await fetch(`${base}/api/v1/documents?pageSize=20`, { headers: auth });
  if (!store.ok) throw new Error(`document store failed: ${store.status} ${await store.text()}`);
  const { items } = await store.json();
  return ['TP01', 'TP02'].map((documentCode) => {
    const doc = items.find((d) => d.documentCode === documentCode);
    if (!doc) throw new Error(`document ${documentCode} not in the store`);
    return { documentCode, documentId: doc.id };
  });
}

async function benchApi(base, token) {
  const attachments = await reusableDocuments(base, token);
  let n = 0;
  const opts = (duration) => ({
    url: `${base}/api/v1/dossiers`,
    connections: CONNECTIONS,
    duration,
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ ...SUBMISSION, attachments }),
    // Every request a new submission: its own Idempotency-Key.
    requests: [{ setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'idempotency-key': `bench-${RUN_ID}-${++n}` } }) }],
  });
  log(`warm-up ${WARMUP} s`);
  await cannon(opts(WARMUP));
  log(`autocannon: ${CONNECTIONS} connections, ${DURATION} s, POST /api/v1/dossiers`);
  const r = await cannon(opts(DURATION));
  const status2xx = r['2xx'];
  return {
    rps: r.requests.average,
    total: status2xx,
    p50: r.latency.p50,
    p99: r.latency.p99,
    mean: r.latency.average,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
}

/**
 * The statement `DossierService.submit` runs (compiled from libs/public-service/intake/src/lib/
 * submit-statement.ts, so both sides run the very same SQL), as a pgbench script: `$n` parameters
 * become pgbench variables; the times and the Idempotency-Key are computed per transaction.
 */
function pgbenchScript() {
  const require = createRequire(import.meta.url);
  require(join(ROOT, 'tools/register-paths.js')); // the compiled code imports @dvc/* aliases
  const { SUBMIT_DOSSIER_SQL } = require(join(ROOT, 'dist/server/libs/public-service/intake/src/lib/submit-statement.js'));
  const perTransaction = {
    8: '(now())',
    9: '(now())',
    10: "(now() + interval '3 days')",
    11: "('pgb-' || :client_id::text || '-' || :r::text)",
  };
  const sql = SUBMIT_DOSSIER_SQL.replace(/\$(\d+)\b/g, (_, n) => perTransaction[n] ?? `:p${n}`)
    .trim()
    .replace(/\s*\n\s*/g, ' ');
  return `\\set r random(1, 1000000000000)\n${sql};\n`;
}

async function benchSql(url) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  let vars;
  try {
    // The API's last dossier: its receipt day, pinned version and the documents it reused.
    const { rows } = await c.query(
      `SELECT d.id, d.procedure_id, d.procedure_version_id, d.applicant_citizen_id,
              to_char(d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS day,
              to_char(d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYMMDD') AS yymmdd,
              (SELECT jsonb_agg(jsonb_build_object('document_code', dd.document_code, 'name', dd.name, 'attachment_id', dd.attachment_id,
                        'file_name', dd.file_name, 'media_type', dd.media_type, 'size_bytes', dd.size_bytes, 'sha256', dd.sha256,
                        'source', dd.source, 'reused_from_document_id', dd.reused_from_document_id) ORDER BY dd.document_code)
               FROM dossier_document dd WHERE dd.dossier_id = d.id) AS documents
       FROM dossier d ORDER BY d.created_at DESC LIMIT 1`,
    );
    vars = rows[0];
  } finally {
    await c.end();
  }
  // The API numbered its dossiers on the receipt day; pgbench continues the same counter row.
  const defs = {
    p1: SUBMISSION.receivingAgencyCode,
    p2: `${SUBMISSION.receivingAgencyCode}-${vars.yymmdd}-`,
    p3: 4,
    p4: vars.procedure_id,
    p5: vars.procedure_version_id,
    p6: vars.applicant_citizen_id,
    p7: JSON.stringify(SUBMISSION.formData),
    p12: JSON.stringify({ channel: 'online', procedureVersionId: vars.procedure_version_id }),
    p13: JSON.stringify(vars.documents),
    p14: '{}',
    p15: 'dossier.status.changed',
  };
  const dir = mkdtempSync(join(tmpdir(), 'dvc-bench-'));
  try {
    const script = join(dir, 'intake.sql');
    writeFileSync(script, pgbenchScript());
    const u = new URL(url);
    const args = [
      '-n',
      '-M', 'extended',
      '-c', String(CONNECTIONS),
      '-j', '2',
      '-T', String(DURATION),
      '-f', script,
      '-l', '--log-prefix', join(dir, 'tx'),
      '-h', u.hostname,
      '-p', u.port || '5432',
      '-U', decodeURIComponent(u.username || 'postgres'),
      ...Object.entries(defs).flatMap(([k, v]) => ['-D', `${k}=${v}`]),
      u.pathname.slice(1),
    ];
    log(`pgbench: -c ${CONNECTIONS} -j 2 -T ${DURATION}, the submission statement of the API`);
    const env = u.password ? { PGPASSWORD: decodeURIComponent(u.password) } : {};
    const out = run(PGBENCH, args, env);
    const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1]);
    const failed = Number(/number of failed transactions: (\d+)/.exec(out)?.[1] ?? 0);
    const latencies = readdirSync(dir)
      .filter((f) => f.startsWith('tx'))
      .flatMap((f) => readFileSync(join(dir, f), 'utf8').trim().split('\n'))
      .filter(Boolean)
      .map((line) => Number(line.split(' ')[2]) / 1000)
      .sort((a, b) => a - b);
    return {
      rps: tps,
      total: latencies.length,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      mean: latencies.reduce((s, x) => s + x, 0) / latencies.length,
      errors: failed,
      non2xx: 0,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function report(api, sql) {
  const f = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '—');
  const rows = [
    ['', 'API (autocannon)', 'SQL (pgbench)'],
    ['requests or transactions / s', f(api.rps), f(sql.rps)],
    ['completed', String(api.total), String(sql.total)],
    ['latency mean (ms)', f(api.mean, 2), f(sql.mean, 2)],
    ['latency p50 (ms)', f(api.p50, 2), f(sql.p50, 2)],
    ['latency p99 (ms)', f(api.p99, 2), f(sql.p99, 2)],
    ['errors / non-2xx', `${api.errors} / ${api.non2xx}`, `${sql.errors}`],
  ];
  const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r) => `  ${r[0].padEnd(w[0])}   ${r[1].padStart(w[1])}   ${r[2].padStart(w[2])}`;
  const ratio = api.rps / sql.rps;
  console.log(`\nIntake benchmark — ${CONNECTIONS} connections, ${DURATION} s each, one receiving unit (one counter row)\n`);
  console.log(rows.map(line).join('\n'));
  console.log(`\n  API / SQL throughput: ${(ratio * 100).toFixed(1)} %   (target ≥ ${TARGET_RATIO * 100} %: ${ratio >= TARGET_RATIO ? 'met' : 'NOT met'})`);
  console.log(`  API p99: ${f(api.p99, 2)} ms   (target ≤ ${TARGET_P99_MS} ms: ${api.p99 <= TARGET_P99_MS ? 'met' : 'NOT met'})\n`);
  return { ratio };
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
  };
  let api;
  try {
    log(`database ${DB_NAME}: migrate and seed`);
    migrateAndSeed(env);
    // BENCH_API_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=…", to profile the API under load.
    api = await startApi(env, { nodeArgs: (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean) });
    const login = await fetch(`${api.base}/api/v1/auth/citizen/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(CITIZEN),
    });
    if (!login.ok) throw new Error(`citizen login failed: ${login.status} ${await login.text()}`);
    const { accessToken } = await login.json();
    const apiResult = await benchApi(api.base, accessToken);
    await stopApi(api);
    api = undefined;
    const sqlResult = await benchSql(dbUrl(DB_NAME));
    report(apiResult, sqlResult);
  } finally {
    if (api) api.child.kill('SIGKILL');
    await adminQuery(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`).catch((e) => log(`drop database: ${e.message}`));
    await dropRedisPrefix(REDIS_PREFIX);
    log(`dropped ${DB_NAME} and the ${REDIS_PREFIX}:* keys`);
  }
}

main().catch((e) => {
  console.error(`[bench] ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
