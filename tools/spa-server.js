#!/usr/bin/env node
// Serves a built Angular SPA and proxies /api/ to the API, so the browser sees one origin and the
// httpOnly refresh cookie works without CORS. Dependency-free on purpose (runs from a bare node image).
//
//   node tools/spa-server.js --dir dist/apps/portal/browser --port 4200 --api http://127.0.0.1:3000 [--host 0.0.0.0]
//
// Env fallbacks: SPA_DIR, PORT, API_URL, HOST.
'use strict';

const http = require('node:http');
const https = require('node:https');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) continue;
    const eq = a.indexOf('=');
    if (eq > 0) out[a.slice(2, eq)] = a.slice(eq + 1);
    else out[a.slice(2)] = argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : 'true';
  }
  return out;
}

const args = parseArgs(process.argv.slice(2));
if (args.help) {
  console.log(
    'usage: node tools/spa-server.js --dir <browser dir> --port <port> --api <api origin> [--host <addr>]',
  );
  process.exit(0);
}
const ROOT = path.resolve(args.dir || process.env.SPA_DIR || 'dist/apps/portal/browser');
const PORT = Number(args.port || process.env.PORT || 4200);
const HOST = args.host || process.env.HOST || '127.0.0.1';
const API = new URL(args.api || process.env.API_URL || 'http://127.0.0.1:3000');
const INDEX = path.join(ROOT, 'index.html');

if (!fs.existsSync(INDEX)) {
  console.error(`spa-server: ${INDEX} not found; build the app first`);
  process.exit(1);
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
};
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.map',
  '.txt',
  '.svg',
  '.webmanifest',
  '.ico',
]);
// Angular's output hashing: main-ABCD1234.js, chunk-ABCD1234.js, styles-ABCD1234.css, media/x-ABCD1234.png
const HASHED = /[-.][A-Z0-9]{8,}\.[a-z0-9]+$/;

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

// Compressed bodies cached by path, size and mtime; the build output is small and immutable.
const compressedCache = new Map();

function log(req, status, started) {
  const ms = (Number(process.hrtime.bigint() - started) / 1e6).toFixed(1);
  process.stdout.write(`${new Date().toISOString()} ${req.method} ${req.url} ${status} ${ms}ms\n`);
}

function sendProblem(res, status, title, detail) {
  if (res.headersSent) return res.destroy();
  const body = JSON.stringify({
    type: 'about:blank',
    title,
    status,
    detail,
    code: status === 502 ? 'BAD_GATEWAY' : 'SPA_SERVER',
  });
  res.writeHead(status, {
    'Content-Type': 'application/problem+json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

/** Maps a URL path to a file under ROOT, or null when it escapes ROOT or is not a regular file. */
function resolveFile(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(ROOT, '.' + path.posix.normalize('/' + decoded));
  if (file !== ROOT && !file.startsWith(ROOT + path.sep)) return null;
  try {
    const stat = fs.statSync(file);
    return stat.isFile() ? { file, stat } : null;
  } catch {
    return null;
  }
}

function pickEncoding(req, ext, size) {
  if (!COMPRESSIBLE.has(ext) || size < 1024) return null;
  const accept = String(req.headers['accept-encoding'] || '');
  if (/\bbr\b/.test(accept)) return 'br';
  if (/\bgzip\b/.test(accept)) return 'gzip';
  return null;
}

function compressed(file, stat, encoding) {
  const key = `${file}:${encoding}`;
  const hit = compressedCache.get(key);
  if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.body;
  const raw = fs.readFileSync(file);
  const body =
    encoding === 'br'
      ? zlib.brotliCompressSync(raw, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: 9,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
          },
        })
      : zlib.gzipSync(raw, { level: 9 });
  compressedCache.set(key, { mtimeMs: stat.mtimeMs, size: stat.size, body });
  return body;
}

function serveFile(req, res, file, stat, started, status = 200) {
  const ext = path.extname(file).toLowerCase();
  const name = path.basename(file);
  const headers = {
    ...SECURITY_HEADERS,
    'Content-Type': TYPES[ext] || 'application/octet-stream',
    'Last-Modified': stat.mtime.toUTCString(),
    Vary: 'Accept-Encoding',
  };
  if (name === 'index.html') headers['Cache-Control'] = 'no-cache';
  else if (HASHED.test(name)) headers['Cache-Control'] = 'public, max-age=31536000, immutable';
  else headers['Cache-Control'] = 'public, max-age=3600';

  const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
  headers.ETag = etag;
  if (status === 200 && req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    res.end();
    return log(req, 304, started);
  }

  const encoding = pickEncoding(req, ext, stat.size);
  if (encoding) {
    const body = compressed(file, stat, encoding);
    headers['Content-Encoding'] = encoding;
    headers['Content-Length'] = body.length;
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  } else {
    headers['Content-Length'] = stat.size;
    res.writeHead(status, headers);
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  }
  log(req, status, started);
}

// Hop-by-hop headers are per connection and must not be forwarded (RFC 9110 §7.6.1).
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'proxy-authorization',
  'proxy-authenticate',
]);

function proxy(req, res, started) {
  const headers = {};
  for (const [k, v] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(k)) headers[k] = v;
  const remote = req.socket.remoteAddress || '';
  headers['x-forwarded-for'] = req.headers['x-forwarded-for']
    ? `${req.headers['x-forwarded-for']}, ${remote}`
    : remote;
  headers['x-forwarded-proto'] =
    req.headers['x-forwarded-proto'] || (req.socket.encrypted ? 'https' : 'http');
  headers['x-forwarded-host'] = req.headers['x-forwarded-host'] || req.headers.host || '';
  headers.host = API.host;

  const client = API.protocol === 'https:' ? https : http;
  const upstream = client.request(
    {
      protocol: API.protocol,
      hostname: API.hostname,
      port: API.port || (API.protocol === 'https:' ? 443 : 80),
      method: req.method,
      path: req.url,
      headers,
    },
    (up) => {
      // rawHeaders keeps repeated headers such as several Set-Cookie lines intact.
      const out = [];
      for (let i = 0; i < up.rawHeaders.length; i += 2) {
        if (!HOP_BY_HOP.has(up.rawHeaders[i].toLowerCase())) out.push(up.rawHeaders[i], up.rawHeaders[i + 1]);
      }
      res.writeHead(up.statusCode || 502, up.statusMessage, out);
      up.pipe(res);
      up.on('error', () => res.destroy());
      up.on('end', () => log(req, up.statusCode, started));
    },
  );
  upstream.setTimeout(120_000, () => upstream.destroy(new Error('upstream timeout')));
  upstream.on('error', (err) => {
    sendProblem(res, 502, 'Không kết nối được tới máy chủ nghiệp vụ, vui lòng thử lại sau', err.message);
    log(req, 502, started);
  });
  req.on('aborted', () => upstream.destroy());
  req.pipe(upstream);
}

const server = http.createServer((req, res) => {
  const started = process.hrtime.bigint();
  const urlPath = (req.url || '/').split('?')[0];

  if (urlPath === '/api' || urlPath.startsWith('/api/')) return proxy(req, res, started);

  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Method Not Allowed');
    return log(req, 405, started);
  }

  const found = urlPath.endsWith('/') ? null : resolveFile(urlPath);
  if (found) return serveFile(req, res, found.file, found.stat, started);

  // Missing files of a known asset type are real 404s (a missing chunk must not get HTML); everything
  // else is a client-side route and gets index.html. Routes may contain dots: /thu-tuc/1.001193.
  const ext = path.posix.extname(urlPath).toLowerCase();
  if (ext && ext !== '.html' && Object.prototype.hasOwnProperty.call(TYPES, ext)) {
    res.writeHead(404, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-cache',
    });
    res.end('Not Found');
    return log(req, 404, started);
  }
  serveFile(req, res, INDEX, fs.statSync(INDEX), started);
});

server.keepAliveTimeout = 65_000;
server.listen(PORT, HOST, () => {
  console.log(`spa-server: serving ${ROOT} on http://${HOST}:${PORT}, /api/ → ${API.origin}`);
});

function shutdown() {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
