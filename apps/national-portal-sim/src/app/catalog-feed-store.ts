import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { portalDate } from '@dvc/platform/national-portal';

/**
 * The national TTHC catalog the simulator publishes (LayDanhSachTTHC / LayThuTuc). Seeded from
 * catalog-feed.seed.json: eight of the demo catalog's procedures (three with newer content: a shorter
 * time limit, a changed fee, a new dossier component) and two the demo catalog lacks. Records are
 * kept as given, valid or not: tests put broken ones on purpose.
 */
export class CatalogFeedStore {
  private readonly records = new Map<string, Record<string, unknown>>();

  constructor() {
    this.reset();
  }

  reset(): void {
    this.records.clear();
    for (const r of seedRecords()) this.records.set(String(r['MATTHC']), r);
  }

  /** One page (1-based) of the list in code order, and the total. */
  page(trang: number, sobanghi: number): { items: Record<string, unknown>[]; total: number } {
    const all = [...this.records.values()].sort((a, b) => String(a['MATTHC']).localeCompare(String(b['MATTHC'])));
    const start = (trang - 1) * sobanghi;
    return {
      items: all.slice(start, start + sobanghi).map((r) => ({ MATTHC: r['MATTHC'], TENTTHC: r['TENTTHC'], NGAYCAPNHAT: r['NGAYCAPNHAT'] })),
      total: all.length,
    };
  }

  get(code: string): Record<string, unknown> | undefined {
    return this.records.get(code);
  }

  all(): Record<string, unknown>[] {
    return [...this.records.values()];
  }

  /** Replaces (or adds) a procedure; NGAYCAPNHAT becomes now unless the record gives one. */
  put(code: string, record: Record<string, unknown>, now = new Date()): Record<string, unknown> {
    const r = { ...record, MATTHC: record['MATTHC'] ?? code, NGAYCAPNHAT: record['NGAYCAPNHAT'] ?? portalDate(now) };
    this.records.set(code, r);
    return r;
  }

  remove(code: string): boolean {
    return this.records.delete(code);
  }
}

function seedRecords(): Record<string, unknown>[] {
  const here = __dirname.replace(/[\\/]dist[\\/]server[\\/]/, '/');
  return JSON.parse(readFileSync(join(here, 'catalog-feed.seed.json'), 'utf8')) as Record<string, unknown>[];
}
