import { CanActivate, DynamicModule, Inject, Injectable, Module, OnApplicationShutdown, Provider, Type } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { Registry } from 'prom-client';
import { APP_CONFIG, AppConfig } from '@dvc/shared/config';
import { dataSourceOptions } from '@dvc/shared/database';
import { DossierSyncService, NATIONAL_PORTAL_CLIENT, SYNC_DATA_SOURCE } from './dossier-sync.service';
import { NationalPortalClient } from './portal-client';
import { SyncAdminController, SyncAdminGuard, SYNC_ADMIN_AUTH_GUARD } from './sync-admin.controller';
import { SYNC_METRICS, syncMetrics } from './sync-metrics';

export interface NationalPortalModuleOptions {
  /** Registry of the process's /metrics (metricsRegistry of @dvc/platform/observability). */
  registry?: Registry;
  /** A client of its own (tests, a second portal); built from the configuration otherwise. */
  client?: NationalPortalClient;
}

@Injectable()
class ClientCloser implements OnApplicationShutdown {
  constructor(@Inject(NATIONAL_PORTAL_CLIENT) private readonly client: NationalPortalClient) {}
  onApplicationShutdown(): void {
    this.client.close();
  }
}

function core(opts: NationalPortalModuleOptions): Provider[] {
  return [
    { provide: NATIONAL_PORTAL_CLIENT, inject: [APP_CONFIG], useFactory: (c: AppConfig) => opts.client ?? NationalPortalClient.fromConfig(c) },
    { provide: SYNC_METRICS, useFactory: () => syncMetrics(opts.registry ?? new Registry()) },
    ClientCloser,
    DossierSyncService,
  ];
}

/**
 * Status sync with the national portal. Needs the app's TypeORM data source, AppConfigModule and
 * QueueModule (queue `sync`). The worker imports `forWorker` and registers the processors; the
 * API imports `forApi` for the admin endpoints under /api/v1/admin/sync.
 */
/** Name of the worker's connection pool for the sync (a bulkhead: sync load cannot starve other jobs). */
export const SYNC_CONNECTION = 'national-portal-sync';

@Module({})
export class NationalPortalModule {
  static forWorker(opts: NationalPortalModuleOptions = {}): DynamicModule {
    return {
      module: NationalPortalModule,
      imports: [
        TypeOrmModule.forRootAsync({
          name: SYNC_CONNECTION,
          inject: [APP_CONFIG],
          // The name again in the options: @nestjs/typeorm finds the data source by it at shutdown.
          useFactory: (c: AppConfig) => ({ ...dataSourceOptions({ url: c.DATABASE_URL, entities: [], poolSize: c.SYNC_DB_POOL_SIZE }), name: SYNC_CONNECTION }),
        }),
      ],
      providers: [...core(opts), { provide: SYNC_DATA_SOURCE, useExisting: getDataSourceToken(SYNC_CONNECTION) }],
      exports: [DossierSyncService, NATIONAL_PORTAL_CLIENT, SYNC_METRICS],
    };
  }

  /** `authGuard`: the app's authentication guard (JwtAuthGuard); the role check is ours. */
  static forApi(opts: NationalPortalModuleOptions & { authGuard: Type<CanActivate> }): DynamicModule {
    return {
      module: NationalPortalModule,
      controllers: [SyncAdminController],
      providers: [
        ...core(opts),
        { provide: SYNC_DATA_SOURCE, useExisting: getDataSourceToken() },
        SyncAdminGuard,
        { provide: SYNC_ADMIN_AUTH_GUARD, useClass: opts.authGuard },
      ],
      exports: [DossierSyncService],
    };
  }
}
