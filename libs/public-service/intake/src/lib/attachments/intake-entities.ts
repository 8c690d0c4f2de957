import { Attachment } from './attachment.entity';
import { DossierDocument } from './dossier-document.entity';
import { DossierDraft } from '../drafts/dossier-draft.entity';

/** Tables of intake itself: uploads, the files of dossiers, drafts. */
export const INTAKE_ENTITIES = [Attachment, DossierDocument, DossierDraft];
