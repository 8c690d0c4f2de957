import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, AppConfig, AppConfigModule } from '@dvc/shared/config';
import { dataSourceOptions } from '@dvc/shared/database';
import { IdentityModule, IDENTITY_ENTITIES } from '@dvc/platform/identity';
import { ObservabilityModule, pinoParams, ProblemDetailsFilter } from '@dvc/platform/observability';
import { QueueModule } from '@dvc/platform/queue';
import { StorageModule } from '@dvc/platform/storage';
import { CATALOG_ENTITIES } from '@dvc/public-service/catalog';
import { AttachmentService } from '@dvc/public-service/intake';
import { CatalogFeedWorkerModule } from './catalog-feed-worker.module';
import { MaintenanceProcessor } from './maintenance.processor';
import { Schedules } from './schedules';
import { SyncWorkerModule } from './sync-worker.module';
import { SlaWorkerModule } from './sla-worker.module';

/** The worker: BullMQ processors and schedulers. Processors are registered here and only here. */
@Module({
  imports: [
    AppConfigModule,
    LoggerModule.forRootAsync({ inject: [APP_CONFIG], useFactory: (c: AppConfig) => pinoParams(c.LOG_LEVEL, 'worker') }),
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) => dataSourceOptions({ url: c.DATABASE_URL, entities: [...IDENTITY_ENTITIES, ...CATALOG_ENTITIES], poolSize: 5 }),
    }),
    QueueModule,
    StorageModule,
    ObservabilityModule,
    IdentityModule,
    SyncWorkerModule,
    SlaWorkerModule,
    CatalogFeedWorkerModule,
  ],
  // AttachmentService alone (not AttachmentsModule): its purge, without the upload routes.
  providers: [MaintenanceProcessor, Schedules, AttachmentService, { provide: APP_FILTER, useClass: ProblemDetailsFilter }],
})
export class WorkerModule {}
