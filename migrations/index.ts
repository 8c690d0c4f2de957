import { Identity1764000000000 } from './1764000000000-identity';
import { Catalog1764000001000 } from './1764000001000-catalog';
import { Intake1764000002000 } from './1764000002000-intake';

/** The one ordered stream of schema migrations. Merged files are never edited. */
export const ALL_MIGRATIONS = [Identity1764000000000, Catalog1764000001000, Intake1764000002000];
