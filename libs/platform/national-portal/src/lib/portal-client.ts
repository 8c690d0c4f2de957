import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AppConfig } from '@dvc/shared/config';
import type { DongBoHoSoRecord } from './dong-bo-ho-so';

/** A failure worth retrying: network error, timeout, reset, 5xx, 429. */
export class PortalTransientError extends Error {
  override name = 'PortalTransientError';
}
/** The portal understood and refused the request (bad data, bad credentials): retrying will not help. */
export class PortalRejectedError extends Error {
  override name = 'PortalRejectedError';
  constructor(
    message: string,
    readonly errorCode?: unknown,
  ) {
    super(message);
  }
}

export interface PortalClientOptions {
  /** Adapter base URL (the portal, or the province's LGSP / the NDXP in front of it). */
  baseUrl: string;
  authPath: string;
  servicePath: string;
  username: string;
  password: string;
  /** Per HTTP request, connection to last byte. */
  timeoutMs: number;
  /** PEM contents for mutual TLS. */
  cert?: string | Buffer;
  key?: string | Buffer;
  ca?: string | Buffer;
  /** `madonvi` of the envelope; the caller's default otherwise. */
  unitCode?: string;
  maxSockets?: number;
}

interface PortalResponse {
  error_code?: unknown;
  message?: string;
  session?: string;
  result?: unknown;
  [k: string]: unknown;
}

const isOk = (code: unknown) => code === 0 || code === '0' || code === '00';

/**
 * Client of the portal's adapter: login → session, then `POST {session, madonvi, service, …}`
 * (DOMAIN-REFERENCE §5). Keep-alive agent; optional client certificate for mutual TLS.
 * One session is shared by all concurrent calls and renewed once when the portal refuses it.
 */
export class NationalPortalClient {
  private readonly agent: http.Agent;
  private readonly url: URL;
  private session: Promise<string> | null = null;
  private sessionValue: string | undefined;

  constructor(readonly options: PortalClientOptions) {
    this.url = new URL(options.baseUrl);
    const agentOptions = { keepAlive: true, maxSockets: options.maxSockets ?? 64 };
    this.agent =
      this.url.protocol === 'https:'
        ? new https.Agent({ ...agentOptions, cert: options.cert, key: options.key, ca: options.ca })
        : new http.Agent(agentOptions);
  }

  static fromConfig(c: AppConfig): NationalPortalClient {
    const pem = (path?: string) => (path ? readFileSync(path) : undefined);
    return new NationalPortalClient({
      baseUrl: c.NATIONAL_PORTAL_URL,
      authPath: c.NATIONAL_PORTAL_AUTH_PATH,
      servicePath: c.NATIONAL_PORTAL_SERVICE_PATH,
      username: c.NATIONAL_PORTAL_USER,
      password: c.NATIONAL_PORTAL_PASSWORD,
      timeoutMs: c.NATIONAL_PORTAL_TIMEOUT_MS,
      cert: pem(c.NATIONAL_PORTAL_CERT),
      key: pem(c.NATIONAL_PORTAL_KEY),
      ca: pem(c.NATIONAL_PORTAL_CA),
      unitCode: c.NATIONAL_PORTAL_UNIT_CODE,
      maxSockets: Math.max(8, c.SYNC_CONCURRENCY * 2),
    });
  }

  /** DongBoHoSoMC: upserts dossiers; `isUpdating` False on the first push of a dossier, True after. */
  async syncDossiers(madonvi: string, records: DongBoHoSoRecord[], isUpdating: boolean): Promise<PortalResponse> {
    return this.callService({ madonvi: this.options.unitCode ?? madonvi, service: 'DongBoHoSoMC', isUpdating: isUpdating ? 'True' : 'False', data: records });
  }

  /** TraCuuHoSo: what the portal holds of a dossier, or null when it holds nothing. */
  async lookup(madonvi: string, maHoSo: string): Promise<Partial<DongBoHoSoRecord> | null> {
    const res = await this.callService({ madonvi: this.options.unitCode ?? madonvi, service: 'TraCuuHoSo', mahoso: maHoSo });
    const list = Array.isArray(res.result) ? res.result : res.result ? [res.result] : [];
    return (list[0] as Partial<DongBoHoSoRecord> | undefined) ?? null;
  }

  /** Sends one adapter call with the current session, logging in again once if it was refused. */
  async callService(body: Record<string, unknown>): Promise<PortalResponse> {
    for (let attempt = 0; ; attempt++) {
      const session = await this.currentSession();
      const { status, json } = await this.post(this.options.servicePath, { session, ...body });
      if (status === 401 || json.error_code === 'E_SESSION') {
        this.invalidate(session);
        if (attempt === 0) continue;
        throw new PortalTransientError('phiên làm việc bị từ chối sau khi đăng nhập lại');
      }
      this.assertOk(status, json, String(body['service']));
      return json;
    }
  }

  close(): void {
    this.agent.destroy();
  }

  private currentSession(): Promise<string> {
    if (!this.session) {
      const p = this.login();
      this.session = p;
      p.then(
        (s) => {
          if (this.session === p) this.sessionValue = s;
        },
        () => {
          if (this.session === p) this.session = null;
        },
      );
    }
    return this.session;
  }

  private invalidate(session: string): void {
    // Only the session that was refused; a concurrent call may already have started a fresh one.
    if (this.sessionValue === session) {
      this.session = null;
      this.sessionValue = undefined;
    }
  }

  async login(): Promise<string> {
    const { status, json } = await this.post(this.options.authPath, { username: this.options.username, password: this.options.password });
    // Wrong credentials are an operator's fix, not the dossier's fault: retried, never dead-lettered at once.
    if (status === 401 || status === 403) throw new PortalTransientError(`đăng nhập Cổng DVCQG bị từ chối (${status})`);
    this.assertOk(status, json, 'login');
    if (typeof json.session !== 'string' || !json.session) throw new PortalTransientError('đăng nhập không trả về session');
    return json.session;
  }

  private assertOk(status: number, json: PortalResponse, what: string): void {
    if (status >= 500 || status === 429 || status === 408) throw new PortalTransientError(`${what}: HTTP ${status}`);
    if (status >= 400) throw new PortalRejectedError(`${what}: HTTP ${status} ${json.message ?? ''}`.trim(), json.error_code);
    if (!isOk(json.error_code)) throw new PortalRejectedError(`${what}: error_code ${String(json.error_code)} ${json.message ?? ''}`.trim(), json.error_code);
  }

  private post(path: string, body: unknown): Promise<{ status: number; json: PortalResponse }> {
    const payload = Buffer.from(JSON.stringify(body));
    const target = new URL(this.url.pathname.replace(/\/$/, '') + path, this.url);
    const transport = target.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      let settled = false;
      const fail = (e: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        req.destroy();
        reject(e instanceof PortalTransientError || e instanceof PortalRejectedError ? e : new PortalTransientError(`${path}: ${e.message}`));
      };
      const req = transport.request(
        target,
        { method: 'POST', agent: this.agent, headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': payload.length, accept: 'application/json' } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', fail);
          res.on('aborted', () => fail(new Error('response aborted')));
          res.on('end', () => {
            if (settled) return;
            const text = Buffer.concat(chunks).toString('utf8');
            let json: PortalResponse = {};
            try {
              json = text ? (JSON.parse(text) as PortalResponse) : {};
            } catch {
              if ((res.statusCode ?? 0) < 500) return fail(new PortalTransientError(`${path}: HTTP ${res.statusCode}, phản hồi không phải JSON`));
            }
            settled = true;
            clearTimeout(timer);
            resolve({ status: res.statusCode ?? 0, json });
          });
        },
      );
      // The whole exchange, including a response that trickles in, must fit in the timeout.
      const timer = setTimeout(() => fail(new PortalTransientError(`${path}: quá thời gian chờ ${this.options.timeoutMs} ms`)), this.options.timeoutMs);
      req.on('error', fail);
      req.end(payload);
    });
  }
}
