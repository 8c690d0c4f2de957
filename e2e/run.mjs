// End-to-end run: a database and Redis prefix of its own, the real api, worker and both SPAs
// (built beforehand), then the Playwright journeys (Jest project `e2e`) in Debian's Chromium.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pg = require('pg');
const Redis = require('ioredis');

const id = randomBytes(4).toString('hex');
const baseUrl = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/dvc');
const dbName = `dvc_e2e_${id}`;
const dbUrl = new URL(baseUrl); dbUrl.pathname = `/${dbName}`;
const adminUrl = new URL(baseUrl); adminUrl.pathname = '/postgres';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `e2e-${id}`;

const freePort = () => new Promise((ok) => { const s = createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => ok(p)); }); });
const [apiPort, workerPort, portalPort, deskPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
const simPort = await freePort();
const env = { ...process.env, DATABASE_URL: dbUrl.toString(), REDIS_URL: redisUrl, REDIS_PREFIX: prefix, API_PORT: String(apiPort), WORKER_PORT: String(workerPort), LOG_LEVEL: 'warn',
  CORS_ORIGINS: `http://127.0.0.1:${portalPort},http://127.0.0.1:${deskPort}`,
  SIM_PORT: String(simPort), NATIONAL_PORTAL_URL: `http://127.0.0.1:${simPort}` };
const nodeApp = (app, file) => [process.execPath, ['-r', './tools/register-paths.js', `dist/server/apps/${app}/src/${file}.js`]];

const children = [];
function start(name, [cmd, args]) {
  const child = spawn(cmd, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d)); child.stderr.on('data', (d) => (out += d));
  child.logs = () => out.slice(-4000);
  child.name = name;
  children.push(child);
  return child;
}
function run(name, [cmd, args]) {
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${name} failed (${r.status})`);
}
async function waitFor(url, child) {
  for (let i = 0; i < 60; i++) {
    try { const r = await fetch(url); if (r.ok) return; } catch { /* not yet */ }
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${child.name} did not become ready at ${url}:\n${child.logs()}`);
}

let code = 1;
try {
  // Digital signatures as `npm start` sets them up (receipts, the leader's e-results): the
  // development CA and agency .p12 of tools/dev-signing-cert.mjs, unless SIGNING_MODE is given.
  if (!process.env.SIGNING_MODE) {
    env.SIGNING_P12_PASSWORD = process.env.SIGNING_P12_PASSWORD || 'dev-p12-password';
    run('dev signing certificate', [process.execPath, ['tools/dev-signing-cert.mjs']]);
    Object.assign(env, {
      SIGNING_MODE: 'pkcs12',
      SIGNING_P12_PATH: resolve(root, 'var/signing/agency.p12'),
      SIGNING_TRUST_STORE: resolve(root, 'var/signing/dev-ca.pem'),
    });
  }
  run('migrate', nodeApp('api', 'migrate'));
  run('seed', nodeApp('api', 'seed/seed'));
  const api = start('api', nodeApp('api', 'main'));
  const sim = start('national-portal-sim', nodeApp('national-portal-sim', 'main'));
  const worker = start('worker', nodeApp('worker', 'main'));
  const portal = start('portal', [process.execPath, ['tools/spa-server.js', '--dir', 'dist/apps/portal/browser', '--port', String(portalPort), '--api', `http://127.0.0.1:${apiPort}`]]);
  const desk = start('desk', [process.execPath, ['tools/spa-server.js', '--dir', 'dist/apps/desk/browser', '--port', String(deskPort), '--api', `http://127.0.0.1:${apiPort}`]]);
  await waitFor(`http://127.0.0.1:${apiPort}/health`, api);
  await waitFor(`http://127.0.0.1:${workerPort}/health`, worker);
  await waitFor(`http://127.0.0.1:${simPort}/sim/state`, sim);
  await waitFor(`http://127.0.0.1:${portalPort}/`, portal);
  await waitFor(`http://127.0.0.1:${deskPort}/`, desk);
  const jest = spawnSync(process.execPath, ['node_modules/jest/bin/jest.js', '--selectProjects', 'e2e', '--ci', '--runInBand', '--testTimeout=120000', ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...env, E2E_SIM_URL: `http://127.0.0.1:${simPort}`, E2E_API_URL: `http://127.0.0.1:${apiPort}`, E2E_PORTAL_URL: `http://127.0.0.1:${portalPort}`, E2E_DESK_URL: `http://127.0.0.1:${deskPort}` },
  });
  code = jest.status ?? 1;
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  for (const c of children) if (c.exitCode !== null) console.error(`--- ${c.name} exited:\n${c.logs()}`);
} finally {
  for (const c of children) c.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1000));
  const client = new pg.Client({ connectionString: adminUrl.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  await client.end();
  const redis = new Redis(redisUrl);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  redis.disconnect();
}
process.exit(code);
