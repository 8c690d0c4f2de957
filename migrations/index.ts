import { Identity1764000000000 } from './1764000000000-identity';
import { Catalog1764000001000 } from './1764000001000-catalog';
import { Intake1764000002000 } from './1764000002000-intake';
import { DossierStatusesAndOutbox1764000003000 } from './1764000003000-dossier-statuses-and-outbox';
import { ProcedureContentJson1764000003500 } from './1764000003500-procedure-content-json';
import { AttachmentsDrafts1764000004000 } from './1764000004000-attachments-drafts';
import { Workflow1764000005000 } from './1764000005000-workflow';
import { Sync1764000006000 } from './1764000006000-sync';
import { SignatureStatus1764000007000 } from './1764000007000-signature-status';
import { Inbound1764000008000 } from './1764000008000-inbound';
import { DossierResult1764000009000 } from './1764000009000-dossier-result';
import { CatalogFeed1764000010000 } from './1764000010000-catalog-feed';
import { DeskQueryIndexes1764000011000 } from './1764000011000-desk-query-indexes';
import { AgencyOfficeHours1764000012000 } from './1764000012000-agency-office-hours';
import { DossierNumberingAtCommit1764000013000 } from './1764000013000-dossier-numbering-at-commit';
import { OverdueIndex1764000014000 } from './1764000014000-overdue-index';

/** The one ordered stream of schema migrations. Merged files are never edited. Append only. */
export const ALL_MIGRATIONS = [
  Identity1764000000000,
  Catalog1764000001000,
  Intake1764000002000,
  DossierStatusesAndOutbox1764000003000,
  ProcedureContentJson1764000003500,
  AttachmentsDrafts1764000004000,
  Workflow1764000005000,
  Sync1764000006000,
  SignatureStatus1764000007000,
  Inbound1764000008000,
  DossierResult1764000009000,
  CatalogFeed1764000010000,
  DeskQueryIndexes1764000011000,
  AgencyOfficeHours1764000012000,
  DossierNumberingAtCommit1764000013000,
  OverdueIndex1764000014000,
];
