import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { Faults, faultsSchema, SimOptions } from './sim-config';
import { CatalogFeedStore } from './catalog-feed-store';
import { PortalStore, validateRecord } from './portal-store';
import { seededRandom } from './rng';

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * The simulated portal: sessions, the adapter services, and the fault injector in front of them.
 * Faults are drawn from a seeded RNG, one draw per request into bands (error | timeout | reset | ok).
 */
export class SimRuntime {
  readonly store = new PortalStore();
  readonly catalog = new CatalogFeedStore();
  faults: Faults;
  private random: () => number;
  private readonly sessions = new Map<string, number>();
  private readonly hung = new Set<Response>();
  private drain: Promise<void> = Promise.resolve();

  constructor(readonly options: SimOptions) {
    this.faults = { ...options.faults };
    this.random = seededRandom(options.seed);
  }

  setFaults(patch: unknown, seed?: number): Faults {
    this.faults = faultsSchema.parse({ ...this.faults, ...(patch as object) });
    if (seed !== undefined) this.random = seededRandom(seed);
    return this.faults;
  }

  expireSessions(): void {
    this.sessions.clear();
  }

  /** Ends requests left hanging by the timeout fault (on shutdown). */
  destroyHung(): void {
    for (const res of this.hung) res.socket?.destroy();
    this.hung.clear();
  }

  /** Runs `work` behind the fault injector and writes its answer (or fails the way a bad network does). */
  async adapter(req: Request, res: Response, work: () => Answer, drained = false): Promise<void> {
    const c = this.store.counts;
    c.requests++;
    const f = this.faults;
    const r = this.random();
    if (f.latencyMs) await sleep(f.latencyMs);
    if (r < f.errorRate) {
      c.faults.errors++;
      res.status(503).json({ error_code: 503, message: 'Hệ thống đang bận (mô phỏng)' });
      return;
    }
    if (r < f.errorRate + f.timeoutRate) {
      c.faults.timeouts++;
      this.hung.add(res);
      res.on('close', () => this.hung.delete(res));
      return;
    }
    if (r < f.errorRate + f.timeoutRate + f.resetRate) {
      c.faults.resets++;
      req.socket.destroy();
      return;
    }
    if (drained && f.slowDrainMs) {
      const turn = this.drain.then(() => sleep(f.slowDrainMs));
      this.drain = turn;
      await turn;
    }
    if (req.socket.destroyed) return; // the client gave up while we were slow: nothing processed
    const answer = work();
    if (f.dropResponseRate && this.random() < f.dropResponseRate) {
      c.faults.droppedResponses++;
      req.socket.destroy();
      return;
    }
    res.status(answer.status).json(answer.body);
  }

  login(body: Record<string, unknown>): Answer {
    if (body['username'] !== this.options.username || body['password'] !== this.options.password) {
      return { status: 401, body: { error_code: 401, message: 'Sai tài khoản hoặc mật khẩu' } };
    }
    this.store.counts.logins++;
    const session = randomBytes(18).toString('base64url');
    this.sessions.set(session, Date.now() + this.options.sessionTtlMs);
    return { status: 200, body: { error_code: 0, message: 'Thành công', session } };
  }

  service(body: Record<string, unknown>): Answer {
    const session = typeof body['session'] === 'string' ? body['session'] : '';
    const expires = this.sessions.get(session);
    if (!expires || expires < Date.now()) {
      this.sessions.delete(session);
      return { status: 401, body: { error_code: 'E_SESSION', message: 'Phiên làm việc không hợp lệ hoặc đã hết hạn' } };
    }
    const madonvi = body['madonvi'];
    if (typeof madonvi !== 'string' || !madonvi) return { status: 200, body: { error_code: 'E_DATA', message: 'madonvi là bắt buộc' } };
    switch (body['service']) {
      case 'DongBoHoSoMC':
        return this.dongBoHoSo(madonvi, body);
      case 'TraCuuHoSo': {
        this.store.counts.lookups++;
        const held = typeof body['mahoso'] === 'string' ? this.store.dossiers.get(body['mahoso']) : undefined;
        return { status: 200, body: { error_code: 0, message: 'Thành công', result: held ? [held.record] : [] } };
      }
      case 'LayDanhSachTTHC': {
        const trang = Number(body['trang'] ?? 1);
        const sobanghi = Number(body['sobanghi'] ?? 50);
        if (!Number.isInteger(trang) || trang < 1 || !Number.isInteger(sobanghi) || sobanghi < 1 || sobanghi > 500) {
          return { status: 200, body: { error_code: 'E_DATA', message: 'trang phải từ 1, sobanghi từ 1 đến 500' } };
        }
        const { items, total } = this.catalog.page(trang, sobanghi);
        return { status: 200, body: { error_code: 0, message: 'Thành công', result: items, tongso: total } };
      }
      case 'LayThuTuc': {
        const held = typeof body['maTTHC'] === 'string' ? this.catalog.get(body['maTTHC']) : undefined;
        if (!held) return { status: 200, body: { error_code: 'E_NOTFOUND', message: `Không có thủ tục mã ${String(body['maTTHC'])}` } };
        return { status: 200, body: { error_code: 0, message: 'Thành công', result: [held] } };
      }
      default:
        return { status: 200, body: { error_code: 'E_SERVICE', message: `Dịch vụ không được hỗ trợ: ${String(body['service'])}` } };
    }
  }

  private dongBoHoSo(madonvi: string, body: Record<string, unknown>): Answer {
    const data = body['data'];
    if (!Array.isArray(data) || data.length === 0 || data.length > 500) {
      return { status: 200, body: { error_code: 'E_DATA', message: 'data phải là mảng từ 1 đến 500 hồ sơ' } };
    }
    const flag = body['isUpdating'];
    if (!['True', 'False', true, false].includes(flag as string | boolean)) {
      return { status: 200, body: { error_code: 'E_DATA', message: 'isUpdating phải là "True" hoặc "False"' } };
    }
    const errors = data.map((r, i) => ({ index: i, MaHoSo: (r as Record<string, unknown>)?.['MaHoSo'], errors: validateRecord(r) })).filter((e) => e.errors.length);
    if (errors.length) {
      this.store.counts.rejected += data.length;
      return { status: 200, body: { error_code: 'E_DATA', message: 'Dữ liệu hồ sơ không hợp lệ', errors } };
    }
    const isUpdating = flag === 'True' || flag === true;
    const result = data.map((r: Record<string, unknown>) => ({ MaHoSo: r['MaHoSo'], PhienBan: r['PhienBan'], outcome: this.store.receive(madonvi, r, isUpdating) }));
    return { status: 200, body: { error_code: 0, message: 'Thành công', result } };
  }

  state() {
    return {
      counts: this.store.counts,
      faults: this.faults,
      dossiers: [...this.store.dossiers.values()].map((d) => ({
        maHoSo: d.maHoSo,
        madonvi: d.madonvi,
        version: d.version,
        status: d.status,
        receivedCount: d.receivedCount,
        updatedAt: new Date(d.updatedAt).toISOString(),
      })),
    };
  }
}
