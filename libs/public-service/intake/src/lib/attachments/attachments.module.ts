import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@dvc/platform/identity';
import { StorageModule } from '@dvc/platform/storage';
import { SignatureModule } from '@dvc/platform/signature';
import { AttachmentController } from './attachment.controller';
import { Attachment } from './attachment.entity';
import { AttachmentService } from './attachment.service';
import { DocumentStoreController } from './document-store.controller';
import { DossierDocument } from './dossier-document.entity';
import { DossierDocumentsService } from './dossier-documents.service';

export const ATTACHMENT_ENTITIES = [Attachment, DossierDocument];

/** Uploads, the files of dossiers and the citizen's document store. */
@Module({
  imports: [TypeOrmModule.forFeature(ATTACHMENT_ENTITIES), IdentityModule, StorageModule, SignatureModule],
  controllers: [AttachmentController, DocumentStoreController],
  providers: [AttachmentService, DossierDocumentsService],
  exports: [AttachmentService, DossierDocumentsService],
})
export class AttachmentsModule {}
