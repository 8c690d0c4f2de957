import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Queue, QueueEvents } from 'bullmq';
import { Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { loadConfig } from '@dvc/shared/config';
import { DOSSIER_STATUS_PORTAL_CODE, DossierStatus } from '@dvc/shared/contracts';
import { dataSourceOptions } from '@dvc/shared/database';
import { createTestDatabase, testRedisPrefix, TestDatabase } from '@dvc/shared/testing';
import { JOBS, QUEUES, redisOptions } from '@dvc/platform/queue';
import { DossierSyncService, NationalPortalClient, syncMetrics } from '@dvc/platform/national-portal';
import { RunningSimulator, startSimulator } from './simulator';

/**
 * Zero loss, end to end: thousands of status changes committed with their outbox rows while the
 * simulated portal answers 5xx, hangs, resets connections and drops acknowledgements; one of two
 * worker processes is SIGKILLed and restarted, and a private Redis is killed and restarted empty.
 * At the end the portal holds every dossier's final state and version, never accepted an update
 * out of order, the outbox is drained and no job failed.
 */
const ROOT = resolve(__dirname, '../../../..');
const BUILD = join(ROOT, 'tmp', 'sync-zero-loss-build');

const NEXT: Record<DossierStatus, DossierStatus[]> = {
  submitted: ['received', 'received', 'refused'],
  received: ['processing'],
  processing: ['awaiting_approval', 'supplement_requested', 'payment_requested', 'withdrawal_requested', 'stopped'],
  awaiting_approval: ['result_ready', 'result_ready', 'processing'],
  supplement_requested: ['processing', 'withdrawn'],
  payment_requested: ['processing'],
  withdrawal_requested: ['withdrawn', 'processing'],
  result_ready: ['returned'],
  refused: [],
  withdrawn: [],
  stopped: [],
  returned: [],
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms).unref());
const freePort = () =>
  new Promise<number>((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => ok(p));
    });
  });
async function until(what: string, fn: () => Promise<boolean>, timeoutMs: number, everyMs = 250): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await fn()) return;
    await sleep(everyMs);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Compiles the server into a private directory (incremental), so a running dist/server is never touched. */
function buildServer(): void {
  mkdirSync(BUILD, { recursive: true });
  // Two test runs on one machine share the directory: one compiles at a time (a stale lock expires).
  const lock = `${BUILD}.lock`;
  for (const end = Date.now() + 180_000; ; ) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > end || Date.now() - statSync(lock).mtimeMs > 180_000) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      spawnSync('sleep', ['0.5']);
    }
  }
  try {
    compile();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function compile(): void {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.server.json', '--outDir', BUILD, '--tsBuildInfoFile', join(BUILD, '.tsbuildinfo')], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  // Type errors elsewhere in the tree still emit JavaScript; only a missing entry point is fatal.
  writeFileSync(
    join(BUILD, 'register.js'),
    `const tsConfigPaths = require('tsconfig-paths');
const base = require(${JSON.stringify(join(ROOT, 'tsconfig.base.json'))});
const paths = {};
for (const [k, v] of Object.entries(base.compilerOptions.paths)) paths[k] = v.map((t) => t.replace(/\\.ts$/, '.js'));
tsConfigPaths.register({ baseUrl: ${JSON.stringify(BUILD)}, paths });\n`,
  );
  const probe = spawnSync(process.execPath, ['-e', `require.resolve(${JSON.stringify(join(BUILD, 'apps/worker/src/main.js'))})`]);
  if (probe.status !== 0) throw new Error(`server build failed:\n${r.stdout}\n${r.stderr}`);
}

class RedisServer {
  private proc: ChildProcess | null = null;
  readonly dir = mkdtempSync(join(tmpdir(), 'dvc-sync-redis-'));
  constructor(readonly port: number) {}
  get url() {
    return `redis://127.0.0.1:${this.port}`;
  }
  async start(): Promise<void> {
    this.proc = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', this.dir], { stdio: 'ignore' });
    await until('redis', async () => spawnSync('redis-cli', ['-p', String(this.port), 'ping'], { encoding: 'utf8' }).stdout.trim() === 'PONG', 10_000, 50);
  }
  /** A crash: no shutdown save, and no persistence configured, so every key is lost. */
  async kill(): Promise<void> {
    const p = this.proc;
    if (!p || p.exitCode !== null) return;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill('SIGKILL');
    await exited;
  }
  async stop(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

class WorkerProcess {
  proc: ChildProcess | null = null;
  logs = '';
  port = 0;
  constructor(
    readonly name: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}
  async start(): Promise<void> {
    const port = (this.port = await freePort());
    this.proc = spawn(process.execPath, ['-r', join(BUILD, 'register.js'), join(BUILD, 'apps/worker/src/main.js')], {
      cwd: ROOT,
      env: { ...this.env, WORKER_PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (d: Buffer) => (this.logs = (this.logs + d.toString()).slice(-8000));
    this.proc.stdout!.on('data', keep);
    this.proc.stderr!.on('data', keep);
    const p = this.proc;
    await until(
      `${this.name} health`,
      async () => {
        if (p.exitCode !== null) throw new Error(`${this.name} exited:\n${this.logs}`);
        return fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false);
      },
      30_000,
      200,
    );
  }
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const p = this.proc;
    if (!p || p.exitCode !== null || p.signalCode) return;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill(signal);
    await Promise.race([exited, sleep(10_000)]);
    if (p.exitCode === null && !p.signalCode) p.kill('SIGKILL');
  }
}

describe('national-portal sync: zero loss under faults, crashes and a Redis restart', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let sim: RunningSimulator;
  let redis: RedisServer;
  let workers: WorkerProcess[] = [];
  let env: NodeJS.ProcessEnv;
  let prefix: string;
  let queue: Queue;
  let fixture: { agencyId: string; procedureId: string; versionId: string };
  const dossiers: { id: string; code: string; status: DossierStatus }[] = [];
  let rnd = 12345;
  const random = () => ((rnd = (rnd * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];

  const outboxVersions = async () =>
    new Map<string, number>(
      (await ds.query(`SELECT aggregate_id, count(*)::int AS n FROM outbox_message WHERE topic = 'dossier.status.changed' GROUP BY aggregate_id`)).map((r: any) => [
        r.aggregate_id,
        r.n,
      ]),
    );
  /** Dossiers whose final state the portal does not hold yet. */
  const behind = async () => {
    const versions = await outboxVersions();
    const current = new Map<string, string>((await ds.query(`SELECT id, status FROM dossier`)).map((r: any) => [r.id, r.status]));
    return dossiers.filter((d) => {
      const held = sim.runtime.store.dossiers.get(d.code);
      return !held || held.version !== versions.get(d.id) || held.status !== DOSSIER_STATUS_PORTAL_CODE[current.get(d.id) as DossierStatus];
    });
  };
  const unpublished = async () => (await ds.query(`SELECT count(*)::int AS n FROM outbox_message WHERE published_at IS NULL`))[0].n as number;

  async function createDossiers(n: number): Promise<void> {
    const rows: { id: string; code: string }[] = await ds.transaction(async (tx) => {
      const inserted = await tx.query(
        `INSERT INTO dossier (code, procedure_id, procedure_version_id, receiving_agency_id, applicant_name, applicant_identity_number,
                              applicant_phone, form_data, status, channel, submitted_at, received_at, due_at)
         SELECT '000.00.01.H98-260609-' || lpad((g + $4)::text, 4, '0'), $1, $2, $3, 'Nguyễn Văn Thử ' || g, lpad(g::text, 12, '0'),
                '0912345678', '{}'::jsonb, 'submitted', (ARRAY['online','desk','post'])[1 + g % 3], now(), now(), now() + interval '5 days'
           FROM generate_series(1, $5) g
         RETURNING id, code`,
        [fixture.procedureId, fixture.versionId, fixture.agencyId, dossiers.length, n],
      );
      await tx.query(
        `INSERT INTO outbox_message (topic, aggregate_type, aggregate_id, payload)
         SELECT 'dossier.status.changed', 'dossier', id, jsonb_build_object('dossierId', id) FROM unnest($1::uuid[]) id`,
        [inserted.map((r: any) => r.id)],
      );
      return inserted;
    });
    for (const r of rows) dossiers.push({ ...r, status: 'submitted' });
  }

  /** One status change as the services make it: state and outbox row in one transaction. */
  async function transition(d: { id: string; status: DossierStatus }, to: DossierStatus): Promise<void> {
    await ds.transaction(async (tx) => {
      await tx.query(`UPDATE dossier SET status = $2, updated_at = now(), row_version = row_version + 1 WHERE id = $1`, [d.id, to]);
      await tx.query(`INSERT INTO outbox_message (topic, aggregate_type, aggregate_id, payload) VALUES ('dossier.status.changed', 'dossier', $1, jsonb_build_object('dossierId', $2::text))`, [d.id, d.id]);
    });
    d.status = to;
  }

  beforeAll(async () => {
    buildServer();
    redis = new RedisServer(await freePort());
    await redis.start();
    db = await createTestDatabase();
    ds = new DataSource(dataSourceOptions({ url: db.url, entities: [], poolSize: 8 }));
    await ds.initialize();
    const [agency] = await ds.query(`INSERT INTO agency_unit (code, name, level) VALUES ('000.00.01.H98', 'UBND xã Thử', 'commune') RETURNING id`);
    await ds.query(`INSERT INTO procedure_field (code, name) VALUES ('HT-THU', 'Hộ tịch (thử)') ON CONFLICT DO NOTHING`);
    const [proc] = await ds.query(`INSERT INTO procedure (code, field_code, level, owner_agency_id) VALUES ('9.000001', 'HT-THU', 'commune', $1) RETURNING id`, [agency.id]);
    const [version] = await ds.query(
      `INSERT INTO procedure_version (procedure_id, version, status, name, online_level, time_limit_days, content) VALUES ($1, 1, 'published', 'Thủ tục thử đồng bộ', 'toan_trinh', 5, '{}') RETURNING id`,
      [proc.id],
    );
    fixture = { agencyId: agency.id, procedureId: proc.id, versionId: version.id };

    sim = await startSimulator({ seed: 42, faults: { latencyMs: 2, errorRate: 0.1, timeoutRate: 0.02, resetRate: 0.03, dropResponseRate: 0.05, slowDrainMs: 0 } });
    prefix = testRedisPrefix();
    env = {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      REDIS_URL: redis.url,
      REDIS_PREFIX: prefix,
      LOG_LEVEL: process.env['SYNC_TEST_LOG_LEVEL'] ?? 'error',
      NATIONAL_PORTAL_URL: sim.url,
      NATIONAL_PORTAL_TIMEOUT_MS: '700',
      SYNC_CONCURRENCY: '16',
      SYNC_ATTEMPTS: '12',
      SYNC_BACKOFF_MS: '50',
      SYNC_BACKOFF_MAX_MS: '1000',
      SYNC_RECONCILE_EVERY_MS: '2000',
      SYNC_RECONCILE_GRACE_MS: '3000',
      OUTBOX_RELAY_INTERVAL_MS: '100',
    };
    workers = [new WorkerProcess('worker-a', env), new WorkerProcess('worker-b', env)];
    await Promise.all(workers.map((w) => w.start()));
    queue = new Queue(QUEUES.sync, { connection: redisOptions(redis.url), prefix });
  }, 150_000);

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.kill('SIGTERM')));
    await queue?.close();
    await sim?.close();
    await redis?.stop();
    await ds?.destroy();
    await db?.drop();
  }, 30_000);

  it('delivers every final state, in order, through worker and Redis crashes', async () => {
    const t0 = Date.now();
    await createDossiers(500);
    const chaos = (async () => {
      await sleep(3000);
      await workers[0].kill('SIGKILL'); // mid-flight: jobs active, leases held, relay batch open
      await sleep(1500);
      await workers[0].start();
      await sleep(1500);
      await redis.kill(); // every queued job, lock and schedule is gone
      await sleep(500);
      await redis.start();
    })();
    // 2,100 more status changes from 6 concurrent "officers", paced over ~10 s, through the chaos.
    let changes = dossiers.length;
    const officers = Array.from({ length: 6 }, async () => {
      while (changes < 2600) {
        const open = dossiers.filter((d) => NEXT[d.status].length);
        if (!open.length) break;
        const d = pick(open);
        await transition(d, pick(NEXT[d.status]));
        changes++;
        await sleep(Math.max(0, (changes - dossiers.length) * 4.8 - (Date.now() - t0)));
      }
    });
    await Promise.all([...officers, chaos]);
    // Dossiers still open get one more change each, after the chaos.
    for (const d of dossiers.filter((x) => NEXT[x.status].length).slice(0, 100)) {
      await transition(d, pick(NEXT[d.status]));
      changes++;
    }
    expect(changes).toBeGreaterThan(2000);

    let left: unknown[] = [];
    await until('the portal to hold every final state', async () => (left = await behind()).length === 0 && (await unpublished()) === 0, 50_000, 500).catch((e) => {
      throw new Error(`${(e as Error).message}: ${left.length} dossiers behind; worker logs:\n${workers.map((w) => w.logs).join('\n')}`);
    });

    const counts = sim.runtime.store.counts;
    // The portal drops stale versions; ours never even sent one after a newer one.
    expect(counts.outOfOrder).toBe(0);
    const last = new Map<string, number>();
    for (const u of sim.runtime.store.log.filter((x) => x.outcome === 'accepted')) {
      expect(u.version).toBeGreaterThan(last.get(u.maHoSo) ?? 0);
      last.set(u.maHoSo, u.version);
    }
    expect(await unpublished()).toBe(0);
    expect(await queue.getFailedCount()).toBe(0);
    const [dead] = await ds.query(`SELECT count(*)::int AS n FROM dossier_sync_state WHERE dead_lettered_at IS NOT NULL`);
    expect(dead.n).toBe(0);
    const metrics = await (await fetch(`http://127.0.0.1:${workers[1].port}/metrics`)).text();
    expect(metrics).toMatch(/^outbox_backlog 0$/m);
    expect(metrics).toMatch(/^national_portal_sync_lag_seconds_count [1-9]/m);
    expect(metrics).toMatch(/^national_portal_sync_retries_total [1-9]/m);
    expect(metrics).toContain('national_portal_sync_dead_letters_total 0');
    // Faults really happened, and re-deliveries with them.
    expect(counts.faults.errors + counts.faults.timeouts + counts.faults.resets + counts.faults.droppedResponses).toBeGreaterThan(20);
    console.log(JSON.stringify({ changes, dossiers: dossiers.length, seconds: (Date.now() - t0) / 1000, counts }));
    if (process.env['SYNC_TEST_LOG_LEVEL']) console.log(workers.map((w) => w.logs).join('\n'));
  }, 80_000);

  it('a re-delivered job changes nothing', async () => {
    const events = new QueueEvents(QUEUES.sync, { connection: redisOptions(redis.url), prefix });
    await events.waitUntilReady();
    try {
      const d = dossiers[0];
      const before = { held: { ...sim.runtime.store.dossiers.get(d.code)! }, received: sim.runtime.store.counts.received };
      const [stateBefore] = await ds.query(`SELECT version_acked, acked_at FROM dossier_sync_state WHERE dossier_id = $1`, [d.id]);
      const job = await queue.add(JOBS.dossierStatusSync, { dossierId: d.id }, { jobId: `redelivered-${d.id}`, attempts: 3 });
      expect(await job.waitUntilFinished(events, 15_000)).toMatchObject({ kind: 'skipped', version: before.held.version });
      expect(sim.runtime.store.counts.received).toBe(before.received);
      expect(sim.runtime.store.dossiers.get(d.code)).toEqual(before.held);
      const [stateAfter] = await ds.query(`SELECT version_acked, acked_at FROM dossier_sync_state WHERE dossier_id = $1`, [d.id]);
      expect(stateAfter).toEqual(stateBefore);
    } finally {
      await events.close();
    }
  });

  it('dead-letters a dossier the portal keeps refusing, and a replay delivers it', async () => {
    // Jobs left from the storm (redundant ones that will skip) must not join in: wait for an idle queue.
    await until(
      'an idle sync queue',
      async () => (await queue.getJobs(['waiting', 'active', 'delayed', 'prioritized'])).every((j) => j.name === JOBS.syncReconcile),
      20_000,
    );
    sim.runtime.setFaults({ latencyMs: 0, errorRate: 1, timeoutRate: 0, resetRate: 0, dropResponseRate: 0 });
    const d = dossiers.find((x) => x.status === 'returned' || x.status === 'refused')!;
    await ds.query(`UPDATE dossier SET status = status WHERE id = $1`, [d.id]);
    await ds.query(`INSERT INTO outbox_message (topic, aggregate_type, aggregate_id, payload) VALUES ('dossier.status.changed', 'dossier', $1, jsonb_build_object('dossierId', $2::text))`, [d.id, d.id]);
    await until('the dead letter', async () => (await ds.query(`SELECT 1 FROM dossier_sync_state WHERE dossier_id = $1 AND dead_lettered_at IS NOT NULL`, [d.id])).length === 1, 30_000);
    await until('the failed job', async () => (await queue.getFailedCount()) === 1, 5_000);
    const [state] = await ds.query(`SELECT attempts, last_error FROM dossier_sync_state WHERE dossier_id = $1`, [d.id]);
    expect(state.attempts).toBe(12);
    expect(state.last_error).toMatch(/HTTP 503/);

    sim.runtime.setFaults({ errorRate: 0 });
    const config = loadConfig({ ...env, REDIS_URL: redis.url });
    const client = NationalPortalClient.fromConfig(config);
    const service = new DossierSyncService(ds, client, queue, config, syncMetrics(new Registry()));
    try {
      expect((await service.deadLetters()).items).toEqual([expect.objectContaining({ dossierId: d.id, code: d.code, attempts: 12 })]);
      await service.replay(d.id);
      const versions = await outboxVersions();
      await until('the replayed dossier', async () => sim.runtime.store.dossiers.get(d.code)?.version === versions.get(d.id), 15_000);
      expect(await queue.getFailedCount()).toBe(0);
      expect((await service.deadLetters()).total).toBe(0);
      expect((await service.health()).sync).toMatchObject({ pending: 0, deadLetters: 0, syncedRatio: 1 });
    } finally {
      client.close();
    }
  }, 60_000);
});
