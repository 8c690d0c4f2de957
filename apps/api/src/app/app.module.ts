import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, AppConfig, AppConfigModule } from '@dvc/shared/config';
import { dataSourceOptions } from '@dvc/shared/database';
import { IdentityModule, JwtAuthGuard } from '@dvc/platform/identity';
import { NationalPortalModule } from '@dvc/platform/national-portal';
import { ObservabilityModule, pinoParams, ProblemDetailsFilter } from '@dvc/platform/observability';
import { QueueModule } from '@dvc/platform/queue';
import { CatalogModule } from '@dvc/public-service/catalog';
import { IntakeModule, intakeForDesk, NationalPortalInboundModule } from '@dvc/public-service/intake';
import { DeskModule } from '@dvc/one-stop/desk';
import { ALL_ENTITIES } from './entities';

@Module({
  imports: [
    AppConfigModule,
    LoggerModule.forRootAsync({ inject: [APP_CONFIG], useFactory: (c: AppConfig) => pinoParams(c.LOG_LEVEL, 'api') }),
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) => dataSourceOptions({ url: c.DATABASE_URL, entities: ALL_ENTITIES, poolSize: 20 }),
    }),
    QueueModule,
    ObservabilityModule,
    IdentityModule,
    CatalogModule,
    IntakeModule,
    // Dossiers pushed by the national portal (shared-secret bearer).
    NationalPortalInboundModule,
    DeskModule.forRoot(intakeForDesk()),
    // Sync health and dead letters for admins; the lib takes the app's auth guard (platform libs do not import each other's guards).
    NationalPortalModule.forApi({ authGuard: JwtAuthGuard }),
  ],
  providers: [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }],
})
export class AppModule {}
