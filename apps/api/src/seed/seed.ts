import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '@dvc/shared/config';
import type { CatalogExport, CatalogImportResult } from '@dvc/shared/contracts';
import { dataSourceOptions } from '@dvc/shared/database';
import { AgencyUnit, Citizen, hashPassword, Official, OfficialPrincipal } from '@dvc/platform/identity';
import { CatalogAdminService } from '@dvc/public-service/catalog';
import { ALL_ENTITIES } from '../app/entities';
import { WorkflowRegistry } from '@dvc/one-stop/desk';
import { INTER_AGENCY_WORKFLOW } from '@dvc/one-stop/workflow';
import { DEMO_AGENCIES, DEMO_CITIZENS, DEMO_OFFICIALS, DEMO_PASSWORD } from './agencies.seed';

/** The seeded procedure handled by the inter-agency workflow: Đăng ký nhận cha, mẹ, con. */
export const DEMO_INTER_AGENCY_PROCEDURE = '1.001022';

/** Path of the demo catalog (JSON in the catalog export format), beside the TypeScript source. */
export function catalogSeedPath(): string {
  const here = __dirname.replace(/[\\/]dist[\\/]server[\\/]/, '/');
  return join(here, 'catalog.seed.json');
}

/**
 * Idempotent demo data: agencies, officials per role, citizens and the procedure catalog
 * (imported and published through the same code path as the desk's import).
 */
export async function seed(ds: DataSource): Promise<{ agencies: number; officials: number; catalog: CatalogImportResult }> {
  const agencyIds = new Map<string, string>();
  for (const a of DEMO_AGENCIES) {
    const parentId = a.parentCode ? agencyIds.get(a.parentCode)! : null;
    await ds.query(
      `INSERT INTO agency_unit (code, name, level, parent_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, parent_id = EXCLUDED.parent_id`,
      [a.code, a.name, a.level, parentId],
    );
    agencyIds.set(a.code, (await ds.getRepository(AgencyUnit).findOneByOrFail({ code: a.code })).id);
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const o of DEMO_OFFICIALS) {
    const existing = await ds.getRepository(Official).findOneBy({ username: o.username });
    if (!existing) {
      await ds.getRepository(Official).insert({ username: o.username, fullName: o.fullName, roles: o.roles, agencyUnitId: agencyIds.get(o.agencyCode)!, passwordHash, active: true });
    }
  }
  for (const c of DEMO_CITIZENS) {
    if (!(await ds.getRepository(Citizen).existsBy({ identityNumber: c.identityNumber }))) {
      await ds.getRepository(Citizen).insert({ ...c, passwordHash });
    }
  }
  const admin = await ds.getRepository(Official).findOneByOrFail({ username: 'admin' });
  const actor: OfficialPrincipal = { kind: 'official', id: admin.id, roles: ['system_admin'], agencyUnitId: admin.agencyUnitId, unitIds: [] };
  const catalog: CatalogExport = JSON.parse(readFileSync(catalogSeedPath(), 'utf8'));
  const result = await new CatalogAdminService(ds).import(actor, catalog, { publish: true });
  // Workflows (issue #4): the built-in definitions, and liên thông (commune → Sở Tư pháp) for one
  // commune procedure; every other procedure gets the default definition.
  await new WorkflowRegistry(ds).ensureBuiltIns();
  await ds.query(
    `INSERT INTO procedure_workflow (procedure_id, workflow_definition_id, effective_from)
     SELECT p.id, w.id, '2000-01-01T00:00:00Z' FROM procedure p, workflow_definition w
      WHERE p.code = $1 AND w.code = $2 AND w.version = $3
     ON CONFLICT DO NOTHING`,
    [DEMO_INTER_AGENCY_PROCEDURE, INTER_AGENCY_WORKFLOW.id, INTER_AGENCY_WORKFLOW.version],
  );
  return { agencies: DEMO_AGENCIES.length, officials: DEMO_OFFICIALS.length, catalog: result };
}

if (require.main === module) {
  const config = loadConfig();
  const ds = new DataSource(dataSourceOptions({ url: config.DATABASE_URL, entities: ALL_ENTITIES }));
  ds.initialize()
    .then(() => seed(ds))
    .then((r) => {
      console.log(
        `Dữ liệu mẫu: ${r.agencies} đơn vị, ${r.officials} cán bộ, thủ tục mới ${r.catalog.created.length}, ` +
          `cập nhật ${r.catalog.newDrafts.length}, không đổi ${r.catalog.unchanged.length}, lỗi ${r.catalog.errors.length}`,
      );
      for (const e of r.catalog.errors) console.error(`  ${e.code}: ${e.message}`);
      return ds.destroy().then(() => process.exit(r.catalog.errors.length ? 1 : 0));
    })
    .catch((e) => {
      console.error(`[seed] ${e instanceof Error ? e.message : e}`);
      process.exit(1);
    });
}
