import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeskSlaModule } from '@dvc/one-stop/desk';
import { CatalogModule } from '@dvc/public-service/catalog';
import { dossierCodeFormatProvider } from '../intake-calendar';
import { InboundDossierController } from './inbound-dossier.controller';
import { InboundDossierService } from './inbound-dossier.service';
import { INBOUND_ENTITIES } from './inbound-dossier.entity';
import { InboundTokenGuard } from './inbound-token.guard';

/** Inbound dossiers from the national portal (Cổng DVCQG). */
@Module({
  imports: [TypeOrmModule.forFeature(INBOUND_ENTITIES), CatalogModule, DeskSlaModule],
  controllers: [InboundDossierController],
  providers: [InboundDossierService, InboundTokenGuard, dossierCodeFormatProvider],
})
export class NationalPortalInboundModule {}
