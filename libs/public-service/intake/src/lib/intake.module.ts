import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@dvc/platform/identity';
import { CatalogModule } from '@dvc/public-service/catalog';
import { DossierLookupController } from './dossier-lookup.controller';
import { DossierController } from './dossier.controller';
import { DossierService } from './dossier.service';
import { DOSSIER_ENTITIES } from '@dvc/one-stop/dossier';
import { dossierCodeFormatProvider, intakeCalendarProvider } from './intake-calendar';

@Module({
  imports: [TypeOrmModule.forFeature(DOSSIER_ENTITIES), IdentityModule, CatalogModule],
  controllers: [DossierController, DossierLookupController],
  providers: [DossierService, intakeCalendarProvider, dossierCodeFormatProvider],
  exports: [DossierService],
})
export class IntakeModule {}
