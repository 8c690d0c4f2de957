import { isDeepStrictEqual } from 'node:util';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, LessThan, QueryFailedError } from 'typeorm';
import { AppError, CatalogFeedRunDto, CatalogFeedRunItem, CatalogFeedTrigger, ProcedureVersionContent } from '@dvc/shared/contracts';
import { AgencyUnit, OfficialPrincipal, servesAllUnits } from '@dvc/platform/identity';
import { CatalogFeedClient, CatalogFeedItem, feedHash, NATIONAL_CODE, PortalRejectedError } from '@dvc/platform/national-portal';
import { validateImportItem } from './catalog-import.validation';
import { normalizeContent, versionColumns } from './catalog.mapper';
import { CatalogFeedRun, Procedure, ProcedureFeedState, ProcedureField, ProcedureVersion } from './entities';

/** Injection token of the CatalogFeedClient (built from the configuration, or given by a test). */
export const CATALOG_FEED = Symbol('CATALOG_FEED');

/** A run left `running` longer than this died with its process: the next run marks it failed. */
const STALE_RUN_MS = 60 * 60_000;

/** What the portal owns in a version's content; the e-form, the implementing units and the applicant types are local. */
export function feedOwnedContent(item: CatalogFeedItem): Omit<ProcedureVersionContent, 'formSchema' | 'implementingAgencyCodes' | 'applicantTypes'> {
  return {
    name: item.name,
    onlineLevel: item.onlineLevel,
    timeLimitDays: item.timeLimitDays,
    timeLimitNote: item.timeLimitNote,
    fees: item.fees,
    documents: item.documents,
    resultName: item.resultName,
    legalBasis: item.legalBasis,
  };
}

/** The content a refresh proposes: the base version's content with the portal's part replaced. */
export function mergeFeedContent(base: ProcedureVersionContent, item: CatalogFeedItem): ProcedureVersionContent {
  return normalizeContent({ ...base, ...feedOwnedContent(item) });
}

/** The fields of the content the refresh changes, named for the reviewer. */
export function changedFields(before: ProcedureVersionContent, after: ProcedureVersionContent): string[] {
  const labels: [keyof ProcedureVersionContent, string][] = [
    ['name', 'tên thủ tục'],
    ['onlineLevel', 'mức độ dịch vụ công'],
    ['timeLimitDays', 'thời hạn giải quyết'],
    ['timeLimitNote', 'ghi chú thời hạn'],
    ['fees', 'phí, lệ phí'],
    ['documents', 'thành phần hồ sơ'],
    ['resultName', 'kết quả thực hiện'],
    ['legalBasis', 'căn cứ pháp lý'],
  ];
  const a = normalizeContent(before);
  const b = normalizeContent(after);
  return labels.filter(([k]) => !isDeepStrictEqual(a[k], b[k])).map(([, label]) => label);
}

type Outcome = { outcome: 'unchanged' } | CatalogFeedRunItem;

/**
 * Refreshes the catalog from the national portal's catalog feed. A procedure the catalog lacks
 * becomes a new procedure with a draft version 1; a known one whose portal content changed gets a
 * new draft (or its open draft is brought up to date); the published version is never touched and
 * nothing is published: an agency admin reviews the draft and publishes it. The fingerprint of the
 * content applied is kept per procedure, so a run with nothing new writes no version.
 *
 * Everything is read from the portal before anything is written: a portal that fails mid-run (5xx,
 * timeout) fails the run and changes nothing. A procedure the portal describes badly fails alone.
 */
@Injectable()
export class CatalogFeedService implements OnApplicationShutdown {
  private readonly logger = new Logger(CatalogFeedService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(CATALOG_FEED) private readonly feed: CatalogFeedClient,
  ) {}

  onApplicationShutdown(): void {
    this.feed.close();
  }

  /** System admins and the agency admins of the province (a root unit) refresh the whole catalog. */
  async assertMayRefresh(actor: OfficialPrincipal): Promise<void> {
    if (servesAllUnits(actor)) return;
    const unit = actor.roles.includes('agency_admin') ? await this.db.getRepository(AgencyUnit).findOneBy({ id: actor.agencyUnitId }) : null;
    if (!unit || unit.parentId !== null) {
      throw new AppError('FORBIDDEN', 'Chỉ quản trị hệ thống hoặc quản trị cấp tỉnh được cập nhật danh mục từ Cổng DVC quốc gia');
    }
  }

  async runs(limit = 10): Promise<CatalogFeedRunDto[]> {
    const rows = await this.db.getRepository(CatalogFeedRun).find({ order: { startedAt: 'DESC' }, take: Math.min(50, Math.max(1, limit)) });
    return rows.map(toRunDto);
  }

  async refresh(trigger: CatalogFeedTrigger, actor?: OfficialPrincipal): Promise<CatalogFeedRunDto> {
    const runs = this.db.getRepository(CatalogFeedRun);
    await runs.update({ status: 'running', startedAt: LessThan(new Date(Date.now() - STALE_RUN_MS)) }, { status: 'failed', finishedAt: new Date(), error: 'Lượt cập nhật bị gián đoạn' });
    let run: CatalogFeedRun;
    try {
      run = await runs.save(runs.create({ trigger, triggeredBy: actor?.id ?? null, status: 'running', items: [] }));
    } catch (e) {
      if (e instanceof QueryFailedError && (e as { code?: string }).code === '23505') throw new AppError('CATALOG_REFRESH_RUNNING');
      throw e;
    }
    const items: CatalogFeedRunItem[] = [];
    let unchanged = 0;
    try {
      const fetched = await this.fetch(items, (n) => (unchanged += n));
      for (const item of fetched) {
        const r = await this.apply(item, run.id).catch((e: unknown): Outcome => ({ code: item.nationalCode, name: item.name, outcome: 'failed', message: reason(e) }));
        if (r.outcome === 'unchanged') unchanged++;
        else items.push(r);
      }
    } catch (e) {
      this.logger.warn({ runId: run.id, err: reason(e) }, 'catalog feed refresh failed');
      await runs.update({ id: run.id }, { status: 'failed', finishedAt: new Date(), error: reason(e), items: [] });
      return toRunDto(await runs.findOneByOrFail({ id: run.id }));
    }
    const count = (o: CatalogFeedRunItem['outcome']) => items.filter((i) => i.outcome === o).length;
    await runs.update(
      { id: run.id },
      { status: 'done', finishedAt: new Date(), createdCount: count('created'), updatedCount: count('updated'), failedCount: count('failed'), unchangedCount: unchanged, items },
    );
    const done = toRunDto(await runs.findOneByOrFail({ id: run.id }));
    this.logger.log({ runId: run.id, created: done.created, updated: done.updated, unchanged: done.unchanged, failed: done.failed }, 'catalog feed refreshed');
    return done;
  }

  /**
   * Lists the feed and reads the procedures whose NGAYCAPNHAT differs from the one last applied.
   * Bad entries and refused details become failed items; a transport failure throws (run failed).
   */
  private async fetch(items: CatalogFeedRunItem[], skipped: (n: number) => void): Promise<CatalogFeedItem[]> {
    const root = await this.db.getRepository(AgencyUnit).findOne({ where: { parentId: IsNull() }, order: { code: 'ASC' } });
    const madonvi = root?.code ?? '';
    const entries = await this.feed.list(madonvi);
    const known = new Map<string, string | null>(
      (
        await this.db.query<{ code: string; feed_updated_at: Date | null }[]>(
          `SELECT p.code, s.feed_updated_at FROM procedure p LEFT JOIN procedure_feed_state s ON s.procedure_id = p.id`,
        )
      ).map((r) => [r.code, r.feed_updated_at?.toISOString() ?? null]),
    );
    const seen = new Set<string>();
    const out: CatalogFeedItem[] = [];
    let same = 0;
    for (const e of entries) {
      const fail = (message: string) => items.push({ code: e.nationalCode || '?', name: e.name || undefined, outcome: 'failed', message });
      if (!NATIONAL_CODE.test(e.nationalCode)) {
        fail('Mã TTHC trong danh sách không đúng định dạng (vd. 1.001193)');
        continue;
      }
      if (seen.has(e.nationalCode)) {
        fail('Mã TTHC xuất hiện hai lần trong danh sách');
        continue;
      }
      seen.add(e.nationalCode);
      if (e.updatedAt && known.get(e.nationalCode) === e.updatedAt) {
        same++;
        continue;
      }
      try {
        const d = await this.feed.detail(madonvi, e.nationalCode);
        if (d.ok) out.push(d.item);
        else fail(`Dữ liệu thủ tục trên Cổng không hợp lệ: ${d.errors.join('; ')}`);
      } catch (err) {
        if (!(err instanceof PortalRejectedError)) throw err;
        fail(`Cổng từ chối yêu cầu LayThuTuc: ${err.message}`);
      }
    }
    skipped(same);
    return out;
  }

  /** Applies one procedure of the feed in its own transaction. */
  private apply(item: CatalogFeedItem, runId: string): Promise<Outcome> {
    const hash = feedHash(item);
    return this.db.transaction(async (tx) => {
      const p = await tx.findOne(Procedure, { where: { code: item.nationalCode }, lock: { mode: 'pessimistic_write' } });
      const remember = (procedureId: string) =>
        tx.upsert(ProcedureFeedState, { procedureId, feedHash: hash, feedUpdatedAt: new Date(item.updatedAt), syncedAt: new Date(), lastRunId: runId }, ['procedureId']);
      if (!p) return this.create(tx, item, remember);
      const state = await tx.findOneBy(ProcedureFeedState, { procedureId: p.id });
      if (state?.feedHash === hash) {
        await remember(p.id);
        return { outcome: 'unchanged' };
      }
      const versions = await tx.find(ProcedureVersion, { where: { procedureId: p.id }, order: { version: 'DESC' } });
      const base = versions[0];
      const content = mergeFeedContent(base.content, item);
      await assertValid(p.code, p.level, content);
      if (isDeepStrictEqual(normalizeContent(base.content), content)) {
        await remember(p.id);
        return { outcome: 'unchanged' };
      }
      const field = await tx.findOneByOrFail(ProcedureField, { code: p.fieldCode });
      const cols = versionColumns(p.code, field.name, content);
      const draft = versions.find((v) => v.status === 'draft');
      let version: ProcedureVersion;
      if (draft) {
        // An open draft is brought up to date: its local edits (e-form, units) are kept; an editor holding it gets a 409.
        await tx.update(ProcedureVersion, { id: draft.id }, { ...cols, rowVersion: draft.rowVersion + 1 });
        version = draft;
      } else {
        version = await tx.save(ProcedureVersion, tx.create(ProcedureVersion, { procedureId: p.id, version: base.version + 1, status: 'draft', ...cols }));
      }
      await remember(p.id);
      const notes = [`Thay đổi: ${changedFields(base.content, content).join(', ')}`];
      if (p.fieldCode !== item.field.code) notes.push(`Lĩnh vực trên Cổng là ${item.field.name} (${item.field.code}); danh mục giữ ${field.name} (${p.fieldCode})`);
      if (p.level !== item.level) notes.push(`Cấp thực hiện trên Cổng khác với danh mục (${item.level} / ${p.level}); cần kiểm tra`);
      return { code: p.code, name: item.name, outcome: 'updated', procedureId: p.id, versionId: version.id, version: version.version, notes };
    });
  }

  /**
   * A procedure new to the catalog, as a draft. It goes to the unit that keeps the procedures of the
   * same field and level (with their implementing units), else to the province; its e-form is empty
   * and its applicants are citizens until the reviewer says otherwise.
   */
  private async create(tx: EntityManager, item: CatalogFeedItem, remember: (id: string) => Promise<unknown>): Promise<Outcome> {
    await tx.query(`INSERT INTO procedure_field (code, name) VALUES ($1, $2) ON CONFLICT (code) DO NOTHING`, [item.field.code, item.field.name]);
    const field = await tx.findOneByOrFail(ProcedureField, { code: item.field.code });
    const [model] = await tx.query<{ owner_agency_id: string; codes: string[] }[]>(
      `SELECT p.owner_agency_id, v.implementing_agency_codes AS codes
         FROM procedure p JOIN procedure_version v ON v.procedure_id = p.id
        WHERE p.field_code = $1 AND p.level = $2
        ORDER BY (v.status = 'published') DESC, p.updated_at DESC, v.version DESC LIMIT 1`,
      [item.field.code, item.level],
    );
    const root = await tx.findOne(AgencyUnit, { where: { parentId: IsNull() }, order: { code: 'ASC' } });
    if (!model && !root) throw new AppError('AGENCY_NOT_FOUND', 'Chưa có đơn vị nào để giao thủ tục mới');
    const content = normalizeContent({
      ...feedOwnedContent(item),
      formSchema: { title: item.name, type: 'object', properties: {} },
      implementingAgencyCodes: model?.codes?.length ? model.codes : [root!.code],
      applicantTypes: ['citizen'],
    });
    await assertValid(item.nationalCode, item.level, content);
    const p = await tx.save(Procedure, tx.create(Procedure, { code: item.nationalCode, fieldCode: field.code, level: item.level, ownerAgencyId: model?.owner_agency_id ?? root!.id, currentVersionId: null }));
    const v = await tx.save(ProcedureVersion, tx.create(ProcedureVersion, { procedureId: p.id, version: 1, status: 'draft', ...versionColumns(p.code, field.name, content) }));
    await remember(p.id);
    return {
      code: p.code,
      name: item.name,
      outcome: 'created',
      procedureId: p.id,
      versionId: v.id,
      version: 1,
      notes: ['Thủ tục mới: cần bổ sung biểu mẫu điện tử, kiểm tra đơn vị thực hiện và đối tượng thực hiện trước khi công bố'],
    };
  }
}

async function assertValid(code: string, level: string, content: ProcedureVersionContent): Promise<void> {
  const { errors } = await validateImportItem({ code, level, content });
  if (errors.length) throw new AppError('VALIDATION_FAILED', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
}

function reason(e: unknown): string {
  if (e instanceof AppError) return e.detail ?? e.code;
  return e instanceof Error ? e.message : String(e);
}

function toRunDto(r: CatalogFeedRun): CatalogFeedRunDto {
  return {
    id: r.id,
    trigger: r.trigger,
    status: r.status,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    created: r.createdCount,
    updated: r.updatedCount,
    unchanged: r.unchangedCount,
    failed: r.failedCount,
    error: r.error,
    items: r.items,
  };
}
