import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@dvc/platform/identity';
import { SignatureModule } from '@dvc/platform/signature';
import { StorageModule } from '@dvc/platform/storage';
import { DeskActionsService, DeskQueryService, DeskSlaModule } from '@dvc/one-stop/desk';
import { DossierResult } from './dossier-result.entity';
import { CitizenResultController, DeskResultController } from './result.controller';
import { ResultService } from './result.service';

/**
 * Signed e-results: approval with the result PDF (signed in the approval's transaction) and its
 * delivery to the applicant. Uses the desk's action and query services (stateless) directly.
 */
@Module({
  imports: [TypeOrmModule.forFeature([DossierResult]), IdentityModule, StorageModule, SignatureModule, DeskSlaModule],
  controllers: [DeskResultController, CitizenResultController],
  providers: [ResultService, DeskActionsService, DeskQueryService],
  exports: [ResultService],
})
export class ResultModule {}
