import { DossierSyncState } from './lib/dossier-sync-state.entity';

export { DossierSyncState };
export const NATIONAL_PORTAL_ENTITIES = [DossierSyncState];
export { portalDate, parsePortalDate } from './lib/portal-date';
export { buildDongBoHoSoRecord, KENH_THUC_HIEN, DONG_BO_HO_SO_DATE_FIELDS } from './lib/dong-bo-ho-so';
export type { DongBoHoSoRecord, DossierSyncSnapshot } from './lib/dong-bo-ho-so';
export { NationalPortalClient, PortalRejectedError, PortalTransientError } from './lib/portal-client';
export type { PortalClientOptions } from './lib/portal-client';
export { syncBackoffDelay, SYNC_BACKOFF_TYPE } from './lib/backoff';
export { DossierSyncService, NATIONAL_PORTAL_CLIENT, SYNC_DATA_SOURCE, syncJobOptions } from './lib/dossier-sync.service';
export type { SyncOutcome, SyncContext, SyncHealth, DeadLetter } from './lib/dossier-sync.service';
export { syncMetrics, SYNC_METRICS } from './lib/sync-metrics';
export type { SyncMetrics } from './lib/sync-metrics';
export { SyncAdminController, SyncAdminGuard, SYNC_ADMIN_AUTH_GUARD } from './lib/sync-admin.controller';
export { NationalPortalModule, SYNC_CONNECTION } from './lib/national-portal.module';
export type { NationalPortalModuleOptions } from './lib/national-portal.module';
export { CatalogFeedClient, CatalogFeedError, feedHash, mapThuTuc, NATIONAL_CODE, PORTAL_COPY_FORM_NAMES, PORTAL_LEVEL_NAMES, PORTAL_ONLINE_LEVEL_NAMES } from './lib/catalog-feed';
export type { CatalogFeedDetail, CatalogFeedEntry, CatalogFeedItem, ThuTucRecord } from './lib/catalog-feed';
