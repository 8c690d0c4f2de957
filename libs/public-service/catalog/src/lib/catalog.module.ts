import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@dvc/platform/identity';
import { CatalogAdminController } from './catalog-admin.controller';
import { CatalogAdminService } from './catalog-admin.service';
import { CatalogFeedController } from './catalog-feed.controller';
import { CatalogFeedModule } from './catalog-feed.module';
import { CatalogController } from './catalog.controller';
import { CatalogService } from './catalog.service';
import { CATALOG_ENTITIES } from './entities';

@Module({
  imports: [TypeOrmModule.forFeature(CATALOG_ENTITIES), IdentityModule, CatalogFeedModule],
  controllers: [CatalogController, CatalogAdminController, CatalogFeedController],
  providers: [CatalogService, CatalogAdminService],
  exports: [CatalogService, CatalogAdminService],
})
export class CatalogModule {}
