import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '@dvc/public-service/catalog';
import { dossierCodeFormatProvider, intakeCalendarProvider } from '../intake-calendar';
import { InboundDossierController } from './inbound-dossier.controller';
import { InboundDossierService } from './inbound-dossier.service';
import { INBOUND_ENTITIES } from './inbound-dossier.entity';
import { InboundTokenGuard } from './inbound-token.guard';

/** Inbound dossiers from the national portal (Cổng DVCQG). */
@Module({
  imports: [TypeOrmModule.forFeature(INBOUND_ENTITIES), CatalogModule],
  controllers: [InboundDossierController],
  providers: [InboundDossierService, InboundTokenGuard, intakeCalendarProvider, dossierCodeFormatProvider],
})
export class NationalPortalInboundModule {}
