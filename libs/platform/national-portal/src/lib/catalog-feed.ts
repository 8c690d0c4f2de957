import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Fee, OnlineLevel, ProcedureLevel, RequiredDocument } from '@dvc/shared/contracts';
import { parsePortalDate } from './portal-date';
import type { NationalPortalClient } from './portal-client';

/**
 * The national TTHC catalog as the portal publishes it: `LayDanhSachTTHC` lists procedures page by
 * page (`trang`, `sobanghi` → `result`, `tongso`), `LayThuTuc` gives one by `maTTHC`
 * (DOMAIN-REFERENCE §5). Field names of the top level are the portal's; the sub-fields of fees and
 * dossier components are this product's reading, to be checked against VPCP's specification.
 */

/** What the catalog takes from the portal, in the catalog's own terms. */
export interface CatalogFeedItem {
  nationalCode: string;
  name: string;
  field: { code: string; name: string };
  level: ProcedureLevel;
  onlineLevel: OnlineLevel;
  timeLimitDays: number;
  timeLimitNote?: string;
  fees: Fee[];
  documents: RequiredDocument[];
  /** Who handles it, as the portal words it (e.g. "UBND cấp xã"); local units are ours to choose. */
  implementingAgencyName: string;
  resultName: string;
  legalBasis: string;
  /** NGAYCAPNHAT as an ISO instant. */
  updatedAt: string;
}

/** One line of LayDanhSachTTHC. */
export interface CatalogFeedEntry {
  nationalCode: string;
  name: string;
  /** ISO instant, or null when the portal gave no valid NGAYCAPNHAT. */
  updatedAt: string | null;
}

export type CatalogFeedDetail = { ok: true; item: CatalogFeedItem } | { ok: false; errors: string[] };

export const NATIONAL_CODE = /^[0-9]\.[0-9]{6}$/;

const LEVELS: Record<string, ProcedureLevel> = { 'Cấp Bộ': 'central', 'Cấp Tỉnh': 'province', 'Cấp Xã': 'commune' };
const ONLINE_LEVELS: Record<string, OnlineLevel> = { 'Toàn trình': 'toan_trinh', 'Một phần': 'mot_phan' };
const COPY_FORMS: Record<string, RequiredDocument['form']> = {
  'Bản chính': 'original',
  'Bản sao': 'copy',
  'Bản sao chứng thực': 'certified_copy',
  'Bản chính hoặc bản sao': 'original_or_copy',
};
export const PORTAL_LEVEL_NAMES = Object.fromEntries(Object.entries(LEVELS).map(([k, v]) => [v, k])) as Record<ProcedureLevel, string>;
export const PORTAL_ONLINE_LEVEL_NAMES = Object.fromEntries(Object.entries(ONLINE_LEVELS).map(([k, v]) => [v, k])) as Record<OnlineLevel, string>;
export const PORTAL_COPY_FORM_NAMES = Object.fromEntries(Object.entries(COPY_FORMS).map(([k, v]) => [v, k])) as Record<RequiredDocument['form'], string>;

const text = (min: number, max: number) => z.string().trim().min(min, `ít nhất ${min} ký tự`).max(max, `tối đa ${max} ký tự`);
const optionalText = (max: number) =>
  z
    .string()
    .max(max, `tối đa ${max} ký tự`)
    .nullish()
    .transform((s) => (s?.trim() ? s.trim() : undefined));
const portalDateText = z.string().refine((s) => parsePortalDate(s) !== null, 'phải có dạng yyyyMMddHHmmss');
const oneOf = <T>(table: Record<string, T>) => z.string().refine((s) => s in table, `phải là một trong: ${Object.keys(table).join(', ')}`);

/** LayThuTuc's record, checked with the limits of the catalog's editor. */
const thuTucSchema = z.object({
  MATTHC: z.string().regex(NATIONAL_CODE, 'mã TTHC không đúng định dạng (vd. 1.001193)'),
  TENTTHC: text(5, 500),
  LINHVUCTHUCHIEN: z.array(z.object({ MALINHVUC: text(1, 32), TENLINHVUC: text(1, 255) })).min(1, 'thiếu lĩnh vực'),
  CAPTHUCHIEN: oneOf(LEVELS),
  MUCDO: oneOf(ONLINE_LEVELS),
  THOIGIANGIAIQUYET: z.number().int('phải là số ngày làm việc (số nguyên)').min(0, 'không được âm').max(365, 'tối đa 365 ngày làm việc'),
  GHICHUTHOIGIAN: optionalText(1000),
  PHILEPHI: z
    .array(z.object({ MAPHILEPHI: text(1, 32), TENPHILEPHI: text(2, 300), MUCPHI: z.number().int('phải là số nguyên (đồng)').min(0, 'không được âm'), MOTA: optionalText(1000) }))
    .max(50),
  THANHPHANHOSO: z
    .array(
      z.object({
        MATHANHPHAN: text(1, 32),
        TENTHANHPHAN: text(2, 500),
        SOLUONG: z.number().int().min(1).max(20),
        LOAIBAN: oneOf(COPY_FORMS),
        BATBUOC: z.union([z.boolean(), z.literal(0), z.literal(1)]),
        GHICHU: optionalText(1000),
      }),
    )
    .max(100),
  COQUANTHUCHIEN: text(1, 500),
  KETQUATHUCHIEN: text(2, 500),
  CANCUPHAPLY: z.string().max(4000, 'tối đa 4000 ký tự'),
  NGAYCAPNHAT: portalDateText,
});
export type ThuTucRecord = z.input<typeof thuTucSchema>;

const problems = (e: z.ZodError) => e.issues.map((i) => `${i.path.join('.') || 'bản ghi'}: ${i.message}`);

/** Maps a LayThuTuc record to the catalog's terms, or says what is wrong with it (in Vietnamese). */
export function mapThuTuc(raw: unknown): CatalogFeedDetail {
  const parsed = thuTucSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: problems(parsed.error) };
  const r = parsed.data;
  return {
    ok: true,
    item: {
      nationalCode: r.MATTHC,
      name: r.TENTTHC,
      field: { code: r.LINHVUCTHUCHIEN[0].MALINHVUC, name: r.LINHVUCTHUCHIEN[0].TENLINHVUC },
      level: LEVELS[r.CAPTHUCHIEN],
      onlineLevel: ONLINE_LEVELS[r.MUCDO],
      timeLimitDays: r.THOIGIANGIAIQUYET,
      ...(r.GHICHUTHOIGIAN ? { timeLimitNote: r.GHICHUTHOIGIAN } : {}),
      fees: r.PHILEPHI.map((f) => ({ code: f.MAPHILEPHI, name: f.TENPHILEPHI, amount: f.MUCPHI, ...(f.MOTA ? { note: f.MOTA } : {}) })),
      documents: r.THANHPHANHOSO.map((d) => ({
        code: d.MATHANHPHAN,
        name: d.TENTHANHPHAN,
        copies: d.SOLUONG,
        form: COPY_FORMS[d.LOAIBAN],
        required: d.BATBUOC === true || d.BATBUOC === 1,
        ...(d.GHICHU ? { note: d.GHICHU } : {}),
      })),
      implementingAgencyName: r.COQUANTHUCHIEN,
      resultName: r.KETQUATHUCHIEN,
      legalBasis: r.CANCUPHAPLY,
      updatedAt: parsePortalDate(r.NGAYCAPNHAT)!.toISOString(),
    },
  };
}

/** Fingerprint of what the portal says of a procedure (not when it said it): equal hashes, nothing to do. */
export function feedHash(item: CatalogFeedItem): string {
  const { updatedAt: _u, ...content } = item;
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

const listSchema = z.object({
  result: z.array(z.unknown()).default([]),
  tongso: z.coerce.number().int().min(0).optional(),
});

/** Reads the national catalog through the adapter session of a NationalPortalClient. */
export class CatalogFeedClient {
  constructor(
    private readonly portal: NationalPortalClient,
    private readonly pageSize = 100,
  ) {}

  /** Every procedure of LayDanhSachTTHC, all pages. Transport failures throw (see NationalPortalClient). */
  async list(madonvi: string): Promise<CatalogFeedEntry[]> {
    const entries: CatalogFeedEntry[] = [];
    for (let trang = 1; trang <= 1000; trang++) {
      const res = await this.portal.callService({ madonvi: this.portal.options.unitCode ?? madonvi, service: 'LayDanhSachTTHC', trang, sobanghi: this.pageSize });
      const page = listSchema.safeParse(res);
      if (!page.success) throw new CatalogFeedError(`LayDanhSachTTHC trả về dữ liệu không đúng cấu trúc: ${problems(page.error).join('; ')}`);
      for (const raw of page.data.result) {
        const r = (raw ?? {}) as Record<string, unknown>;
        const updated = typeof r['NGAYCAPNHAT'] === 'string' ? parsePortalDate(r['NGAYCAPNHAT']) : null;
        entries.push({ nationalCode: String(r['MATTHC'] ?? ''), name: String(r['TENTTHC'] ?? ''), updatedAt: updated?.toISOString() ?? null });
      }
      const total = page.data.tongso;
      if (page.data.result.length < this.pageSize || (total !== undefined && entries.length >= total)) break;
    }
    return entries;
  }

  /** LayThuTuc of one procedure, mapped and validated. */
  async detail(madonvi: string, nationalCode: string): Promise<CatalogFeedDetail> {
    const res = await this.portal.callService({ madonvi: this.portal.options.unitCode ?? madonvi, service: 'LayThuTuc', maTTHC: nationalCode });
    const list = Array.isArray(res.result) ? res.result : res.result ? [res.result] : [];
    if (list.length !== 1) return { ok: false, errors: [`LayThuTuc trả về ${list.length} bản ghi cho mã ${nationalCode}`] };
    const mapped = mapThuTuc(list[0]);
    if (mapped.ok && mapped.item.nationalCode !== nationalCode) return { ok: false, errors: [`LayThuTuc trả về mã ${mapped.item.nationalCode} thay vì ${nationalCode}`] };
    return mapped;
  }

  close(): void {
    this.portal.close();
  }
}

/** The feed answered, but not in the shape of a catalog list: the whole run stops. */
export class CatalogFeedError extends Error {
  override name = 'CatalogFeedError';
}
