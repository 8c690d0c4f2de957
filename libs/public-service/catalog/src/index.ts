export { CatalogModule } from './lib/catalog.module';
export { CatalogService, toTsQuery } from './lib/catalog.service';
export { CatalogAdminService } from './lib/catalog-admin.service';
export { createFormAjv, assertValidFormSchema } from './lib/form-schema';
export { Procedure, ProcedureField, ProcedureVersion, CATALOG_ENTITIES } from './lib/entities';
export { CreateProcedureDto, UpdateVersionDto, ProcedureVersionContentDto } from './lib/dto/procedure.dto';
