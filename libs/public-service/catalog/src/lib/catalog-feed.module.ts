import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@dvc/shared/config';
import { CatalogFeedClient, NationalPortalClient } from '@dvc/platform/national-portal';
import { CATALOG_FEED, CatalogFeedService } from './catalog-feed.service';
import { CATALOG_ENTITIES } from './entities';

/** The refresh from the national portal's catalog feed, without HTTP: the API's controller and the worker's daily job use it. */
@Module({
  imports: [TypeOrmModule.forFeature(CATALOG_ENTITIES)],
  providers: [
    { provide: CATALOG_FEED, inject: [APP_CONFIG], useFactory: (c: AppConfig) => new CatalogFeedClient(NationalPortalClient.fromConfig(c), c.CATALOG_FEED_PAGE_SIZE) },
    CatalogFeedService,
  ],
  exports: [CatalogFeedService],
})
export class CatalogFeedModule {}
