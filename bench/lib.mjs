// What the benchmarks share: a throw-away database and Redis prefix per run, the compiled server
// (dist/server) started on a free port, and percentiles. See bench/README.md.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import Redis from 'ioredis';

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const BASE_DB_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/dvc';

export const log = (msg) => console.error(`[bench] ${msg}`);

/** The URL of database `name` on the server (and with the credentials) of DATABASE_URL. */
export const dbUrl = (name) => {
  const u = new URL(BASE_DB_URL);
  u.pathname = `/${name}`;
  return u.toString();
};

/** This run's names: database `bench_<kind>_<id>` and Redis prefix `bench-<id>`. */
export function benchRun(kind) {
  const id = randomBytes(4).toString('hex');
  return { id, dbName: `bench_${kind}_${id}`, redisPrefix: `bench-${id}` };
}

export function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** Compiles the server unless `--no-build` was given. */
export function buildServer() {
  if (process.argv.includes('--no-build')) return;
  log('building the server (tsc -p tsconfig.server.json)');
  run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.server.json']);
}

/** Migrates the database of `env.DATABASE_URL` and loads the demo seed, with the compiled scripts. */
export function migrateAndSeed(env) {
  for (const script of ['migrate', 'seed/seed']) {
    run(process.execPath, ['-r', './tools/register-paths.js', `dist/server/apps/api/src/${script}.js`], env);
  }
}

export function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.unref();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

/** One statement on the server's `postgres` database (create or drop bench databases). */
export async function adminQuery(sql) {
  const c = new pg.Client({ connectionString: dbUrl('postgres') });
  await c.connect();
  try {
    return await c.query(sql);
  } finally {
    await c.end();
  }
}

/** API processes started and still running (to stop on Ctrl-C). */
export const children = new Set();

/**
 * Starts the compiled API on a free port and waits for /health. `preload`: modules required first
 * (`-r`); `nodeArgs`: extra node options (BENCH_API_NODE_ARGS, e.g. `--cpu-prof`).
 */
export async function startApi(env, { preload = [], nodeArgs = [] } = {}) {
  const port = await freePort();
  const args = [...nodeArgs, ...preload.flatMap((p) => ['-r', p]), '-r', './tools/register-paths.js', 'dist/server/apps/api/src/main.js'];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env, API_PORT: String(port), API_HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error(`API exited (${child.exitCode}):\n${stderr}`);
    try {
      if ((await fetch(`${base}/health`)).ok) return { child, base };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error(`API did not become healthy:\n${stderr}`);
}

/** SIGTERM, and waits for the exit (a CPU profile is written then). */
export async function stopApi(api) {
  if (!api || api.child.exitCode !== null) return;
  api.child.kill('SIGTERM');
  await new Promise((r) => api.child.once('exit', r));
}

/** Deletes every Redis key of the run's prefix. */
export async function dropRedisPrefix(prefix) {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } catch (e) {
    log(`redis cleanup: ${e.message}`);
  } finally {
    redis.disconnect();
  }
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
