export { CatalogModule } from './lib/catalog.module';
export { CatalogService, toTsQuery } from './lib/catalog.service';
export { CatalogAdminService } from './lib/catalog-admin.service';
export { createFormAjv, assertValidFormSchema } from './lib/form-schema';
export { CatalogFeedRun, Procedure, ProcedureFeedState, ProcedureField, ProcedureVersion, CATALOG_ENTITIES } from './lib/entities';
export { CreateProcedureDto, UpdateVersionDto, ProcedureVersionContentDto } from './lib/dto/procedure.dto';
export { CatalogFeedModule } from './lib/catalog-feed.module';
export { CatalogFeedService, CATALOG_FEED, changedFields, feedOwnedContent, mergeFeedContent } from './lib/catalog-feed.service';
