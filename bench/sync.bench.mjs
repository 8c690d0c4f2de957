#!/usr/bin/env node
// National-portal sync benchmark: status changes committed with their outbox rows at a steady rate,
// relayed by the real worker to the simulated portal, beside a raw BullMQ add → process run on the
// same Redis. Reports sync events/s and end-to-end lag p50/p99 (commit → the portal accepted that
// version) and the ratios to raw BullMQ. Not part of the test run; figures depend on the machine.
// Own database bench_sync_<random> and Redis prefixes, dropped at the end (also on failure).
//
//   npm run bench:sync                      # builds dist/server first
//   node bench/sync.bench.mjs --no-build    # reuses the build (BENCH_SERVER_DIR, default dist/server)
//   BENCH_RATE=200 BENCH_DURATION=20 BENCH_BURST=5000
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import Redis from 'ioredis';
import { Queue, Worker } from 'bullmq';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const SERVER_DIR = resolve(ROOT, process.env.BENCH_SERVER_DIR ?? 'dist/server');
const RATE = Number(process.env.BENCH_RATE ?? 200);
const DURATION = Number(process.env.BENCH_DURATION ?? 20);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const BURST = Number(process.env.BENCH_BURST ?? 5000);
const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const TARGET_P99_MS = 2000;

const BASE_DB_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/dvc';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const RUN_ID = randomBytes(4).toString('hex');
const DB_NAME = `bench_sync_${RUN_ID}`;
const PREFIX = `bench-sync-${RUN_ID}`;
const RAW_PREFIX = `bench-raw-${RUN_ID}`;
const dbUrl = (name) => Object.assign(new URL(BASE_DB_URL), { pathname: `/${name}` }).toString();
const STATUSES = ['received', 'processing', 'awaiting_approval', 'processing', 'supplement_requested', 'processing', 'result_ready'];

const log = (...a) => console.error('[bench:sync]', ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const freePort = () => new Promise((ok) => { const s = createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => ok(p)); }); });
const pct = (xs, p) => { if (!xs.length) return NaN; const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };
const ms = (x) => (Number.isFinite(x) ? `${Math.round(x)} ms` : 'n/a');

async function adminQuery(sql) {
  const c = new pg.Client({ connectionString: dbUrl('postgres') });
  await c.connect();
  try { return await c.query(sql); } finally { await c.end(); }
}

const children = [];
function startNode(name, entry, env) {
  const child = spawn(process.execPath, ['-r', join(SERVER_DIR, 'register-bench.js'), join(SERVER_DIR, entry)], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out = (out + d).slice(-4000)));
  child.stderr.on('data', (d) => (out = (out + d).slice(-4000)));
  child.logs = () => out;
  child.benchName = name;
  children.push(child);
  return child;
}
async function waitFor(url, child) {
  for (let i = 0; i < 120; i++) {
    try { if ((await fetch(url)).ok) return; } catch { /* not yet */ }
    if (child.exitCode !== null) break;
    await sleep(250);
  }
  throw new Error(`${child.benchName} did not start:\n${child.logs()}`);
}

/** Paces `fn` at `rate` calls per second for `seconds`, with up to 8 calls in flight. */
async function paced(rate, seconds, fn) {
  const total = Math.round(rate * seconds);
  const t0 = Date.now();
  let next = 0;
  const lanes = Array.from({ length: 8 }, async () => {
    for (;;) {
      const i = next++;
      if (i >= total) return;
      const due = t0 + (i * 1000) / rate;
      const wait = due - Date.now();
      if (wait > 0) await sleep(wait);
      await fn(i);
    }
  });
  await Promise.all(lanes);
  return (Date.now() - t0) / 1000;
}

async function syncRun(pool, simUrl, dossiers) {
  const versions = new Map(dossiers.map((d) => [d.id, 1]));
  const events = [];
  let k = 0;
  const change = async (d, record) => {
    const v = versions.get(d.id) + 1;
    versions.set(d.id, v);
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      await c.query(`UPDATE dossier SET status = $2, updated_at = now() WHERE id = $1`, [d.id, STATUSES[v % STATUSES.length]]);
      await c.query(`INSERT INTO outbox_message (topic, aggregate_type, aggregate_id, payload) VALUES ('dossier.status.changed', 'dossier', $1, jsonb_build_object('dossierId', $2::text))`, [d.id, d.id]);
      await c.query('COMMIT');
    } finally {
      c.release();
    }
    if (record) events.push({ code: d.code, version: v, at: Date.now() });
  };
  log(`sync: warm-up ${WARMUP} s, then ${DURATION} s at ${RATE} status changes/s`);
  await paced(RATE, WARMUP, () => change(dossiers[k++ % dossiers.length], false));
  const seqBefore = (await (await fetch(`${simUrl}/sim/received`)).json()).items.length;
  const seconds = await paced(RATE, DURATION, () => change(dossiers[k++ % dossiers.length], true));
  const lags = await lagsOf(simUrl, events, seqBefore);
  const steady = { events: events.length, offeredPerSec: events.length / seconds, ...lags };

  // Burst: one change on each of BURST dossiers at once; time until the portal holds them all.
  const burstSet = dossiers.slice(0, Math.min(BURST, dossiers.length));
  log(`sync: burst of ${burstSet.length} status changes (one per dossier)`);
  await sleep(2000);
  const burstEvents = [];
  const tb = Date.now();
  for (let i = 0; i < burstSet.length; i += 500) {
    const part = burstSet.slice(i, i + 500);
    await pool.query(`UPDATE dossier SET status = 'processing', updated_at = now() WHERE id = ANY($1::uuid[])`, [part.map((d) => d.id)]);
    await pool.query(`INSERT INTO outbox_message (topic, aggregate_type, aggregate_id, payload) SELECT 'dossier.status.changed', 'dossier', id, jsonb_build_object('dossierId', id) FROM unnest($1::uuid[]) id`, [part.map((d) => d.id)]);
    for (const d of part) { const v = versions.get(d.id) + 1; versions.set(d.id, v); burstEvents.push({ code: d.code, version: v, at: Date.now() }); }
  }
  const burstLag = await lagsOf(simUrl, burstEvents, 0, 120_000);
  const burst = { events: burstEvents.length, seconds: (burstLag.lastAt - tb) / 1000, perSec: burstEvents.length / ((burstLag.lastAt - tb) / 1000), p99: burstLag.p99 };
  return { steady, burst };
}

/** Lag of each event: first accepted update of its dossier with a version ≥ its own, minus its commit. */
async function lagsOf(simUrl, events, sinceSeq, timeoutMs = 60_000) {
  const want = new Map();
  for (const e of events) want.set(e.code, Math.max(want.get(e.code) ?? 0, e.version));
  const end = Date.now() + timeoutMs;
  let items = [];
  for (;;) {
    items = (await (await fetch(`${simUrl}/sim/received?since=${sinceSeq}`)).json()).items.filter((u) => u.outcome === 'accepted');
    const held = new Map();
    for (const u of items) held.set(u.maHoSo, Math.max(held.get(u.maHoSo) ?? 0, u.version));
    if ([...want].every(([c, v]) => (held.get(c) ?? 0) >= v)) break;
    if (Date.now() > end) throw new Error('the portal did not receive every event in time');
    await sleep(250);
  }
  const byCode = new Map();
  for (const u of items) { const l = byCode.get(u.maHoSo) ?? []; l.push(u); byCode.set(u.maHoSo, l); }
  const lags = events.map((e) => (byCode.get(e.code) ?? []).find((u) => u.version >= e.version).at - e.at);
  return { p50: pct(lags, 50), p99: pct(lags, 99), max: Math.max(...lags), lastAt: Math.max(...events.map((e) => e.at + lags[events.indexOf(e)])) };
}

async function rawRun() {
  const u = new URL(REDIS_URL);
  const connection = { host: u.hostname, port: Number(u.port || 6379), password: u.password || undefined, maxRetriesPerRequest: null };
  const queue = new Queue('raw', { connection, prefix: RAW_PREFIX });
  let lags = [];
  let done = 0;
  let lastAt = 0;
  const worker = new Worker('raw', async (job) => { lags.push(Date.now() - job.data.t); done++; lastAt = Date.now(); }, { connection, prefix: RAW_PREFIX, concurrency: CONCURRENCY });
  await worker.waitUntilReady();
  log(`raw BullMQ: ${DURATION} s at ${RATE} jobs/s (add → no-op process, concurrency ${CONCURRENCY})`);
  await paced(RATE, WARMUP, (i) => queue.add('x', { t: Date.now() }, { jobId: `w-${i}`, removeOnComplete: true }));
  await sleep(500);
  lags = [];
  const seconds = await paced(RATE, DURATION, (i) => queue.add('x', { t: Date.now() }, { jobId: `s-${i}`, removeOnComplete: true }));
  while (lags.length < Math.round(RATE * DURATION)) await sleep(50);
  const steady = { events: lags.length, offeredPerSec: lags.length / seconds, p50: pct(lags, 50), p99: pct(lags, 99), max: Math.max(...lags) };
  done = 0;
  const tb = Date.now();
  lags = [];
  for (let i = 0; i < BURST; i += 500) await queue.addBulk(Array.from({ length: Math.min(500, BURST - i) }, (_, j) => ({ name: 'x', data: { t: Date.now() }, opts: { jobId: `b-${i + j}`, removeOnComplete: true } })));
  while (done < BURST) await sleep(20);
  const burst = { events: BURST, seconds: (lastAt - tb) / 1000, perSec: BURST / ((lastAt - tb) / 1000), p99: pct(lags, 99) };
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return { steady, burst };
}

async function main() {
  if (!process.argv.includes('--no-build')) {
    log('building the server (tsc -p tsconfig.server.json)');
    spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.server.json', ...(SERVER_DIR !== resolve(ROOT, 'dist/server') ? ['--outDir', SERVER_DIR, '--tsBuildInfoFile', join(SERVER_DIR, '.tsbuildinfo')] : [])], { cwd: ROOT, stdio: 'inherit' });
  }
  writeFileSync(join(SERVER_DIR, 'register-bench.js'), `const tp = require(${JSON.stringify(join(ROOT, 'node_modules/tsconfig-paths'))});
const base = require(${JSON.stringify(join(ROOT, 'tsconfig.base.json'))});
const paths = {};
for (const [k, v] of Object.entries(base.compilerOptions.paths)) paths[k] = v.map((t) => t.replace(/\\.ts$/, '.js'));
tp.register({ baseUrl: ${JSON.stringify(SERVER_DIR)}, paths });\n`);
  const [simPort, workerPort] = [await freePort(), await freePort()];
  const env = { DATABASE_URL: dbUrl(DB_NAME), REDIS_URL, REDIS_PREFIX: PREFIX, LOG_LEVEL: 'warn', WORKER_PORT: String(workerPort), SIM_PORT: String(simPort),
    NATIONAL_PORTAL_URL: `http://127.0.0.1:${simPort}`, SYNC_CONCURRENCY: String(CONCURRENCY) };
  let pool;
  try {
    await adminQuery(`CREATE DATABASE "${DB_NAME}"`);
    log(`database ${DB_NAME}: migrate`);
    const m = spawnSync(process.execPath, ['-r', join(SERVER_DIR, 'register-bench.js'), join(SERVER_DIR, 'apps/api/src/migrate.js')], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
    if (m.status !== 0) throw new Error(`migrate failed:\n${m.stdout}${m.stderr}`);
    pool = new pg.Pool({ connectionString: dbUrl(DB_NAME), max: 10 });
    const { rows: [agency] } = await pool.query(`INSERT INTO agency_unit (code, name, level) VALUES ('000.00.09.H98', 'UBND xã Đo Tải', 'commune') RETURNING id`);
    await pool.query(`INSERT INTO procedure_field (code, name) VALUES ('BENCH', 'Đo tải') ON CONFLICT DO NOTHING`);
    const { rows: [proc] } = await pool.query(`INSERT INTO procedure (code, field_code, level, owner_agency_id) VALUES ('9.999999', 'BENCH', 'commune', $1) RETURNING id`, [agency.id]);
    const { rows: [ver] } = await pool.query(`INSERT INTO procedure_version (procedure_id, version, status, name, online_level, time_limit_days, content) VALUES ($1, 1, 'published', 'Thủ tục đo tải', 'toan_trinh', 5, '{}') RETURNING id`, [proc.id]);
    const n = Math.max(DOSSIERS, BURST);
    const { rows: dossiers } = await pool.query(
      `INSERT INTO dossier (code, procedure_id, procedure_version_id, receiving_agency_id, applicant_name, applicant_identity_number, form_data, status, channel, submitted_at, received_at, due_at)
       SELECT '000.00.09.H98-260609-' || lpad(g::text, 5, '0'), $1, $2, $3, 'Người đo tải', '001099000000', '{}', 'submitted', 'online', now(), now(), now() + interval '5 days'
         FROM generate_series(1, $4) g RETURNING id, code`, [proc.id, ver.id, agency.id, n]);
    await pool.query(`INSERT INTO outbox_message (topic, aggregate_type, aggregate_id, payload, published_at) SELECT 'dossier.status.changed', 'dossier', id, jsonb_build_object('dossierId', id), now() FROM dossier`);

    const sim = startNode('national-portal-sim', 'apps/national-portal-sim/src/main.js', env);
    await waitFor(`http://127.0.0.1:${simPort}/sim/state`, sim);
    const worker = startNode('worker', 'apps/worker/src/main.js', env);
    await waitFor(`http://127.0.0.1:${workerPort}/health`, worker);
    const simUrl = `http://127.0.0.1:${simPort}`;
    // Version 1 of every dossier was "published" before the worker started: deliver it first.
    await pool.query(`UPDATE outbox_message SET published_at = NULL`);
    await lagsOf(simUrl, dossiers.map((d) => ({ code: d.code, version: 1, at: Date.now() })), 0, 120_000);

    const sync = await syncRun(pool, simUrl, dossiers);
    const raw = await rawRun();
    const row = (name, r) => `  ${name.padEnd(22)} ${r.steady.offeredPerSec.toFixed(0).padStart(6)} ev/s   lag p50 ${ms(r.steady.p50).padStart(8)}   p99 ${ms(r.steady.p99).padStart(8)}   max ${ms(r.steady.max).padStart(8)}   burst ${r.burst.perSec.toFixed(0).padStart(6)} ev/s`;
    console.log(`\nSync benchmark (${RATE} changes/s for ${DURATION} s over ${DOSSIERS} dossiers; burst ${BURST}; worker concurrency ${CONCURRENCY}; relay every 200 ms)`);
    console.log(row('outbox → portal (sync)', sync));
    console.log(row('raw BullMQ add→process', raw));
    console.log(`  ratios sync/raw: burst throughput ${(sync.burst.perSec / raw.burst.perSec).toFixed(3)}, steady lag p50 ×${(sync.steady.p50 / raw.steady.p50).toFixed(1)}, p99 ×${(sync.steady.p99 / raw.steady.p99).toFixed(1)}`);
    console.log(`  target lag p99 ≤ ${TARGET_P99_MS} ms: ${sync.steady.p99 <= TARGET_P99_MS ? 'met' : 'NOT met'} (${ms(sync.steady.p99)})`);
    console.log(JSON.stringify({ sync, raw }));
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await sleep(1000);
    await pool?.end().catch(() => undefined);
    await adminQuery(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`).catch((e) => log(`drop database: ${e.message}`));
    const redis = new Redis(REDIS_URL);
    for (const p of [PREFIX, RAW_PREFIX]) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${p}:*`, 'COUNT', 1000);
        if (keys.length) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    }
    redis.disconnect();
  }
}

main().then(() => process.exit(0), (e) => { console.error(e instanceof Error ? e.message : e); process.exit(1); });
