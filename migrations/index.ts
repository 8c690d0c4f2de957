import { Identity1764000000000 } from './1764000000000-identity';
import { Catalog1764000001000 } from './1764000001000-catalog';
import { Intake1764000002000 } from './1764000002000-intake';
import { DossierStatusesAndOutbox1764000003000 } from './1764000003000-dossier-statuses-and-outbox';

/** The one ordered stream of schema migrations. Merged files are never edited. Append only. */
export const ALL_MIGRATIONS = [
  Identity1764000000000,
  Catalog1764000001000,
  Intake1764000002000,
  DossierStatusesAndOutbox1764000003000,
];
