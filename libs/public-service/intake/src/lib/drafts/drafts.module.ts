import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@dvc/platform/identity';
import { CatalogModule } from '@dvc/public-service/catalog';
import { DraftController } from './draft.controller';
import { DossierDraft } from './dossier-draft.entity';
import { DraftService } from './draft.service';

export const DRAFT_ENTITIES = [DossierDraft];

/** Drafts of online submissions, saved server-side. */
@Module({
  imports: [TypeOrmModule.forFeature(DRAFT_ENTITIES), IdentityModule, CatalogModule],
  controllers: [DraftController],
  providers: [DraftService],
  exports: [DraftService],
})
export class DraftsModule {}
