import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@dvc/platform/identity';
import { SignatureModule } from '@dvc/platform/signature';
import { CatalogModule } from '@dvc/public-service/catalog';
import { DeskSlaModule } from '@dvc/one-stop/desk';
import { DossierLookupController } from './dossier-lookup.controller';
import { DossierController } from './dossier.controller';
import { DossierService } from './dossier.service';
import { DOSSIER_ENTITIES } from '@dvc/one-stop/dossier';
import { dossierCodeFormatProvider } from './intake-calendar';
import { AttachmentsModule } from './attachments/attachments.module';
import { DraftsModule } from './drafts/drafts.module';
import { ResultModule } from './result/result.module';
import { LookupRateLimitGuard } from './lookup-rate-limit.guard';
import { ReceiptController } from './receipt/receipt.controller';
import { ReceiptService } from './receipt/receipt.service';

@Module({
  imports: [TypeOrmModule.forFeature(DOSSIER_ENTITIES), IdentityModule, CatalogModule, AttachmentsModule, DraftsModule, SignatureModule, DeskSlaModule, ResultModule],
  controllers: [DossierController, DossierLookupController, ReceiptController],
  providers: [DossierService, ReceiptService, LookupRateLimitGuard, dossierCodeFormatProvider],
  exports: [DossierService],
})
export class IntakeModule {}
