import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  AppError,
  FieldDto,
  Page,
  ProcedureDetailDto,
  ProcedureLevel,
  ProcedureSearchQuery,
  ProcedureSummaryDto,
  OnlineLevel,
} from '@dvc/shared/contracts';
import { searchTerms } from '@dvc/shared/util';
import { AgencyUnit } from '@dvc/platform/identity';
import { ProcedureField, ProcedureVersion } from './entities';

/** Builds a prefix tsquery over folded words: "dang ky khai" → 'dang:* & ky:* & khai:*'. */
export function toTsQuery(q: string | undefined): string | null {
  const terms = searchTerms(q ?? '').slice(0, 12);
  return terms.length ? terms.map((t) => `${t}:*`).join(' & ') : null;
}

interface SearchRow {
  id: string;
  code: string;
  level: ProcedureLevel;
  field_code: string;
  field_name: string;
  name: string;
  online_level: OnlineLevel;
  time_limit_days: number;
  version: number;
  total: string;
}

/** The public catalog: published procedures only, for citizens and the portal. */
@Injectable()
export class CatalogService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async fields(): Promise<FieldDto[]> {
    const rows: { code: string; name: string; n: string }[] = await this.db.query(`
      SELECT f.code, f.name, count(v.id) AS n
      FROM procedure_field f
      LEFT JOIN procedure p ON p.field_code = f.code
      LEFT JOIN procedure_version v ON v.id = p.current_version_id AND v.status = 'published'
      GROUP BY f.code, f.name ORDER BY f.name`);
    return rows.map((r) => ({ code: r.code, name: r.name, procedureCount: Number(r.n) }));
  }

  async search(query: ProcedureSearchQuery): Promise<Page<ProcedureSummaryDto>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const tsq = toTsQuery(query.q);
    const raw = (query.q ?? '').trim();
    const params: unknown[] = [tsq, raw, query.field ?? null, query.agency ?? null, query.level ?? null, query.onlineLevel ?? null, pageSize, (page - 1) * pageSize];
    const rows: SearchRow[] = await this.db.query(
      `SELECT p.id, p.code, p.level, f.code AS field_code, f.name AS field_name, v.name, v.online_level,
              v.time_limit_days, v.version, count(*) OVER () AS total
       FROM procedure_version v
       JOIN procedure p ON p.current_version_id = v.id
       JOIN procedure_field f ON f.code = p.field_code
       WHERE v.status = 'published'
         AND ($1::text IS NULL OR v.search_document @@ to_tsquery('simple', $1) OR p.code = $2)
         AND ($3::text IS NULL OR p.field_code = $3)
         AND ($4::text IS NULL OR $4 = ANY (v.implementing_agency_codes))
         AND ($5::text IS NULL OR p.level = $5)
         AND ($6::text IS NULL OR v.online_level = $6)
       ORDER BY (p.code = $2) DESC,
                CASE WHEN $1::text IS NULL THEN 0 ELSE ts_rank(v.search_document, to_tsquery('simple', $1)) END DESC,
                v.name ASC
       LIMIT $7 OFFSET $8`,
      params,
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        code: r.code,
        name: r.name,
        field: { code: r.field_code, name: r.field_name },
        level: r.level,
        onlineLevel: r.online_level,
        timeLimitDays: r.time_limit_days,
        version: r.version,
      })),
      total: rows.length ? Number(rows[0].total) : 0,
      page,
      pageSize,
    };
  }

  /** The version in force of a procedure, by its code; 404 when none is published. */
  async detail(code: string): Promise<ProcedureDetailDto> {
    const row = await this.db
      .getRepository(ProcedureVersion)
      .createQueryBuilder('v')
      .innerJoin('procedure', 'p', 'p.current_version_id = v.id')
      .addSelect(['p.id AS p_id', 'p.code AS p_code', 'p.level AS p_level', 'p.field_code AS p_field_code'])
      .where('p.code = :code AND v.status = :status', { code, status: 'published' })
      .getRawAndEntities();
    const v = row.entities[0];
    const r = row.raw[0] as { p_id: string; p_code: string; p_level: ProcedureLevel; p_field_code: string } | undefined;
    if (!v || !r) throw new AppError('PROCEDURE_NOT_FOUND', `Mã thủ tục ${code}`);
    const field = await this.db.getRepository(ProcedureField).findOneByOrFail({ code: r.p_field_code });
    const agencies = v.implementingAgencyCodes.length
      ? await this.db.getRepository(AgencyUnit).createQueryBuilder('a').where('a.code IN (:...codes)', { codes: v.implementingAgencyCodes }).orderBy('a.code').getMany()
      : [];
    return {
      id: r.p_id,
      code: r.p_code,
      name: v.name,
      field: { code: field.code, name: field.name },
      level: r.p_level,
      onlineLevel: v.onlineLevel,
      timeLimitDays: v.timeLimitDays,
      version: v.version,
      versionId: v.id,
      content: v.content,
      implementingAgencies: agencies.map((a) => ({ code: a.code, name: a.name })),
      publishedAt: (v.publishedAt ?? v.createdAt).toISOString(),
    };
  }

  /** The published version a new dossier must pin; refuses retired or unknown procedures. */
  async publishedVersion(code: string): Promise<ProcedureVersion> {
    const v = await this.db
      .getRepository(ProcedureVersion)
      .createQueryBuilder('v')
      .innerJoin('procedure', 'p', 'p.current_version_id = v.id')
      .where('p.code = :code AND v.status = :status', { code, status: 'published' })
      .getOne();
    if (!v) throw new AppError('PROCEDURE_NOT_FOUND', `Mã thủ tục ${code}`);
    return v;
  }
}
