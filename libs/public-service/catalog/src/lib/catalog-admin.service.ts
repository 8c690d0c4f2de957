import { isDeepStrictEqual } from 'node:util';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  AdminProcedureDto,
  AppError,
  CatalogExport,
  CatalogImportResult,
  ProcedureVersionContent,
  ProcedureVersionDto,
} from '@dvc/shared/contracts';
import { AgencyUnit, OfficialPrincipal, servesAllUnits } from '@dvc/platform/identity';
import { foldVietnamese } from '@dvc/shared/util';
import { validateImportItem } from './catalog-import.validation';
import { normalizeContent, toVersionDto, versionColumns } from './catalog.mapper';
import { CreateProcedureDto, UpdateVersionDto } from './dto/procedure.dto';
import { Procedure, ProcedureField, ProcedureVersion } from './entities';
import { assertValidFormSchema } from './form-schema';

/**
 * Agency admins maintain procedures of the units they serve: drafts are edited, a published
 * version is immutable, publishing retires the previous version. Every query is scoped by unit.
 */
@Injectable()
export class CatalogAdminService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(actor: OfficialPrincipal, q?: string): Promise<AdminProcedureDto[]> {
    const qb = this.db.getRepository(Procedure).createQueryBuilder('p').orderBy('p.code', 'ASC');
    if (!servesAllUnits(actor)) qb.andWhere('p.owner_agency_id = ANY(:units)', { units: actor.unitIds });
    if (q?.trim()) {
      qb.andWhere(
        `(p.code ILIKE :like OR EXISTS (SELECT 1 FROM procedure_version v WHERE v.procedure_id = p.id AND v.search_text LIKE :folded))`,
        { like: `%${q.trim()}%`, folded: `%${foldVietnamese(q)}%` },
      );
    }
    return this.toAdminDtos(this.db.manager, await qb.getMany());
  }

  async get(actor: OfficialPrincipal, id: string): Promise<AdminProcedureDto> {
    const p = await this.findScoped(this.db.manager, actor, id);
    return (await this.toAdminDtos(this.db.manager, [p]))[0];
  }

  async create(actor: OfficialPrincipal, dto: CreateProcedureDto): Promise<AdminProcedureDto> {
    assertValidFormSchema(dto.content.formSchema);
    const id = await this.db.transaction(async (tx) => {
      const field = await tx.findOneBy(ProcedureField, { code: dto.fieldCode });
      if (!field) throw new AppError('FIELD_NOT_FOUND', undefined, [{ field: 'fieldCode', message: 'Lĩnh vực không tồn tại' }]);
      this.assertServes(actor, dto.ownerAgencyId, 'ownerAgencyId');
      if (!(await tx.existsBy(AgencyUnit, { id: dto.ownerAgencyId }))) throw new AppError('AGENCY_NOT_FOUND');
      await this.assertAgencyCodesExist(tx, dto.content.implementingAgencyCodes);
      if (await tx.existsBy(Procedure, { code: dto.code })) {
        throw new AppError('PROCEDURE_CODE_TAKEN', undefined, [{ field: 'code', message: `Mã thủ tục ${dto.code} đã tồn tại` }]);
      }
      const p = await tx.save(Procedure, tx.create(Procedure, { code: dto.code, fieldCode: field.code, level: dto.level, ownerAgencyId: dto.ownerAgencyId, currentVersionId: null }));
      const content = normalizeContent(dto.content);
      await tx.insert(ProcedureVersion, { procedureId: p.id, version: 1, status: 'draft', ...versionColumns(p.code, field.name, content) });
      return p.id;
    });
    return this.get(actor, id);
  }

  /** A new draft copied from the latest version; at most one draft per procedure. */
  async newVersion(actor: OfficialPrincipal, procedureId: string): Promise<ProcedureVersionDto> {
    return this.db.transaction(async (tx) => {
      const p = await this.findScoped(tx, actor, procedureId, true);
      const versions = await tx.find(ProcedureVersion, { where: { procedureId: p.id }, order: { version: 'DESC' } });
      if (versions.some((v) => v.status === 'draft')) throw new AppError('DRAFT_ALREADY_EXISTS');
      const latest = versions[0];
      const field = await tx.findOneByOrFail(ProcedureField, { code: p.fieldCode });
      const draft = tx.create(ProcedureVersion, {
        procedureId: p.id,
        version: (latest?.version ?? 0) + 1,
        status: 'draft',
        ...versionColumns(p.code, field.name, latest.content),
      });
      return toVersionDto(await tx.save(ProcedureVersion, draft));
    });
  }

  async updateDraft(actor: OfficialPrincipal, versionId: string, dto: UpdateVersionDto): Promise<ProcedureVersionDto> {
    assertValidFormSchema(dto.content.formSchema);
    return this.db.transaction(async (tx) => {
      const { version, procedure } = await this.findVersionScoped(tx, actor, versionId);
      if (version.status !== 'draft') throw new AppError('VERSION_NOT_DRAFT');
      if (version.rowVersion !== dto.rowVersion) throw new AppError('STALE_VERSION');
      await this.assertAgencyCodesExist(tx, dto.content.implementingAgencyCodes);
      const field = await tx.findOneByOrFail(ProcedureField, { code: procedure.fieldCode });
      await tx.update(
        ProcedureVersion,
        { id: version.id, rowVersion: dto.rowVersion },
        { ...versionColumns(procedure.code, field.name, normalizeContent(dto.content)), rowVersion: dto.rowVersion + 1 },
      );
      return toVersionDto(await tx.findOneByOrFail(ProcedureVersion, { id: version.id }));
    });
  }

  /** Publishes a draft; the version in force until now is retired in the same transaction. */
  async publish(actor: OfficialPrincipal, versionId: string): Promise<ProcedureVersionDto> {
    return this.db.transaction(async (tx) => {
      const { version, procedure } = await this.findVersionScoped(tx, actor, versionId);
      if (version.status !== 'draft') throw new AppError('VERSION_NOT_DRAFT');
      assertValidFormSchema(version.content.formSchema);
      await this.putInForce(tx, procedure.id, version.id, actor.id);
      return toVersionDto(await tx.findOneByOrFail(ProcedureVersion, { id: version.id }));
    });
  }

  /** Stops offering the procedure: no new dossiers; dossiers that pinned it continue. */
  async retire(actor: OfficialPrincipal, versionId: string): Promise<ProcedureVersionDto> {
    return this.db.transaction(async (tx) => {
      const { version, procedure } = await this.findVersionScoped(tx, actor, versionId);
      if (version.status !== 'published') throw new AppError('VERSION_NOT_PUBLISHED');
      await tx.update(ProcedureVersion, { id: version.id }, { status: 'retired', retiredAt: new Date() });
      await tx.update(Procedure, { id: procedure.id }, { currentVersionId: null });
      return toVersionDto(await tx.findOneByOrFail(ProcedureVersion, { id: version.id }));
    });
  }

  async export(actor: OfficialPrincipal): Promise<CatalogExport> {
    const procedures = await this.list(actor);
    const agencyIds = [...new Set(procedures.map((p) => p.ownerAgency.id))];
    const agencies = agencyIds.length ? await this.db.getRepository(AgencyUnit).findBy({ id: In(agencyIds) }) : [];
    const fields = await this.db.getRepository(ProcedureField).find({ order: { code: 'ASC' } });
    return {
      format: 'dvc-catalog',
      formatVersion: 1,
      exportedAt: new Date().toISOString(),
      fields: fields.map((f) => ({ code: f.code, name: f.name })),
      procedures: procedures.map((p) => {
        const v = p.versions.find((x) => x.status === 'published') ?? p.versions[0];
        const { id: _i, procedureId: _p, version, status, publishedAt: _a, retiredAt: _r, updatedAt: _u, rowVersion: _rv, ...content } = v;
        return {
          code: p.code,
          fieldCode: p.field.code,
          level: p.level,
          ownerAgencyCode: agencies.find((a) => a.id === p.ownerAgency.id)?.code ?? p.ownerAgency.code,
          version,
          status,
          content: content as ProcedureVersionContent,
        };
      }),
    };
  }

  /**
   * Imports a catalog file: unknown fields are created, unknown procedures are created, and a
   * procedure whose content differs gets a new draft (or, with `publish`, a published version).
   * Each procedure is imported in its own transaction; errors are reported per procedure.
   */
  async import(actor: OfficialPrincipal, data: CatalogExport, opts: { publish?: boolean } = {}): Promise<CatalogImportResult> {
    if (data?.format !== 'dvc-catalog' || data.formatVersion !== 1 || !Array.isArray(data.procedures)) {
      throw new AppError('VALIDATION_FAILED', 'Tệp không đúng định dạng danh mục (format dvc-catalog, formatVersion 1)');
    }
    const result: CatalogImportResult = { created: [], newDrafts: [], unchanged: [], errors: [] };
    for (const f of data.fields ?? []) {
      await this.db.query(`INSERT INTO procedure_field (code, name) VALUES ($1, $2) ON CONFLICT (code) DO NOTHING`, [f.code, f.name]);
    }
    for (const item of data.procedures) {
      try {
        const { errors } = await validateImportItem(item);
        if (errors.length) throw new AppError('VALIDATION_FAILED', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
        assertValidFormSchema(item.content.formSchema);
        const outcome = await this.db.transaction(async (tx) => {
          const owner = await tx.findOneBy(AgencyUnit, { code: item.ownerAgencyCode });
          if (!owner) throw new AppError('AGENCY_NOT_FOUND', `Mã đơn vị ${item.ownerAgencyCode}`);
          this.assertServes(actor, owner.id, 'ownerAgencyCode');
          await this.assertAgencyCodesExist(tx, item.content.implementingAgencyCodes);
          const field = await tx.findOneBy(ProcedureField, { code: item.fieldCode });
          if (!field) throw new AppError('FIELD_NOT_FOUND', `Lĩnh vực ${item.fieldCode}`);
          const content = normalizeContent(item.content);
          let p = await tx.findOne(Procedure, { where: { code: item.code }, lock: { mode: 'pessimistic_write' } });
          let created = false;
          if (!p) {
            p = await tx.save(Procedure, tx.create(Procedure, { code: item.code, fieldCode: field.code, level: item.level, ownerAgencyId: owner.id, currentVersionId: null }));
            created = true;
          } else {
            this.assertServes(actor, p.ownerAgencyId, 'code');
          }
          const versions = await tx.find(ProcedureVersion, { where: { procedureId: p.id }, order: { version: 'DESC' } });
          const latest = versions[0];
          if (latest && isDeepStrictEqual(normalizeContent(latest.content), content)) return 'unchanged' as const;
          const draft = versions.find((v) => v.status === 'draft');
          const cols = versionColumns(p.code, field.name, content);
          let versionId: string;
          if (draft) {
            await tx.update(ProcedureVersion, { id: draft.id }, { ...cols, rowVersion: draft.rowVersion + 1 });
            versionId = draft.id;
          } else {
            const v = await tx.save(ProcedureVersion, tx.create(ProcedureVersion, { procedureId: p.id, version: (latest?.version ?? 0) + 1, status: 'draft', ...cols }));
            versionId = v.id;
          }
          if (opts.publish) await this.putInForce(tx, p.id, versionId, actor.id);
          return created ? ('created' as const) : ('newDraft' as const);
        });
        if (outcome === 'created') result.created.push(item.code);
        else if (outcome === 'newDraft') result.newDrafts.push(item.code);
        else result.unchanged.push(item.code);
      } catch (e) {
        const message = e instanceof AppError ? (e.detail ? `${e.message}` : e.code) : (e as Error).message;
        result.errors.push({ code: String(item?.code ?? '?'), message });
      }
    }
    return result;
  }

  /** Publishes a draft and retires the version in force until now, in the caller's transaction. */
  private async putInForce(tx: EntityManager, procedureId: string, versionId: string, actorId: string): Promise<void> {
    const now = new Date();
    await tx.update(ProcedureVersion, { procedureId, status: 'published' }, { status: 'retired', retiredAt: now });
    await tx.update(ProcedureVersion, { id: versionId }, { status: 'published', publishedAt: now, publishedBy: actorId });
    await tx.update(Procedure, { id: procedureId }, { currentVersionId: versionId });
  }

  private assertServes(actor: OfficialPrincipal, agencyId: string, field: string): void {
    if (!servesAllUnits(actor) && !actor.unitIds.includes(agencyId)) {
      throw new AppError('FORBIDDEN', 'Đơn vị này không thuộc phạm vi quản lý của bạn', [{ field, message: 'Ngoài phạm vi quản lý' }]);
    }
  }

  private async assertAgencyCodesExist(tx: EntityManager, codes: string[]): Promise<void> {
    const found = await tx.find(AgencyUnit, { where: { code: In(codes) }, select: { code: true } });
    const missing = codes.filter((c) => !found.some((a) => a.code === c));
    if (missing.length) {
      throw new AppError('AGENCY_NOT_FOUND', `Không có đơn vị mã ${missing.join(', ')}`, [
        { field: 'content.implementingAgencyCodes', message: `Không có đơn vị mã ${missing.join(', ')}` },
      ]);
    }
  }

  /** Another agency's procedure is reported as not found: its existence is not disclosed. */
  private async findScoped(tx: EntityManager, actor: OfficialPrincipal, id: string, lock = false): Promise<Procedure> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('PROCEDURE_NOT_FOUND');
    const p = await tx.findOne(Procedure, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!p || (!servesAllUnits(actor) && !actor.unitIds.includes(p.ownerAgencyId))) throw new AppError('PROCEDURE_NOT_FOUND');
    return p;
  }

  private async findVersionScoped(tx: EntityManager, actor: OfficialPrincipal, versionId: string) {
    if (!/^[0-9a-f-]{36}$/i.test(versionId)) throw new AppError('PROCEDURE_VERSION_NOT_FOUND');
    const version = await tx.findOneBy(ProcedureVersion, { id: versionId });
    if (!version) throw new AppError('PROCEDURE_VERSION_NOT_FOUND');
    // Lock the procedure row: concurrent publishes of the same procedure run one after the other.
    const procedure = await this.findScoped(tx, actor, version.procedureId, true).catch(() => {
      throw new AppError('PROCEDURE_VERSION_NOT_FOUND');
    });
    const fresh = await tx.findOneByOrFail(ProcedureVersion, { id: versionId });
    return { version: fresh, procedure };
  }

  private async toAdminDtos(m: EntityManager, procs: Procedure[]): Promise<AdminProcedureDto[]> {
    if (!procs.length) return [];
    const ids = procs.map((p) => p.id);
    const [versions, fields, agencies] = await Promise.all([
      m.find(ProcedureVersion, { where: { procedureId: In(ids) }, order: { version: 'DESC' } }),
      m.find(ProcedureField),
      m.findBy(AgencyUnit, { id: In([...new Set(procs.map((p) => p.ownerAgencyId))]) }),
    ]);
    return procs.map((p) => {
      const own = versions.filter((v) => v.procedureId === p.id);
      const field = fields.find((f) => f.code === p.fieldCode)!;
      const agency = agencies.find((a) => a.id === p.ownerAgencyId)!;
      return {
        id: p.id,
        code: p.code,
        field: { code: field.code, name: field.name },
        level: p.level,
        ownerAgency: { id: agency.id, code: agency.code, name: agency.name },
        currentVersion: own.find((v) => v.id === p.currentVersionId)?.version ?? null,
        versions: own.map(toVersionDto),
      };
    });
  }
}
