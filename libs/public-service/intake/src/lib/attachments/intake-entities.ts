import { Attachment } from './attachment.entity';
import { DossierDocument } from './dossier-document.entity';
import { DossierDraft } from '../drafts/dossier-draft.entity';
import { DossierResult } from '../result/dossier-result.entity';

/** Tables of intake itself: uploads, the files of dossiers, drafts, signed e-results. */
export const INTAKE_ENTITIES = [Attachment, DossierDocument, DossierDraft, DossierResult];
