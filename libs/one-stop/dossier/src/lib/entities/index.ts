import { Dossier } from './dossier.entity';
import { DossierCodeCounter } from './dossier-code-counter.entity';
import { DossierEvent } from './dossier-event.entity';

export { Dossier, DossierCodeCounter, DossierEvent };
export const DOSSIER_ENTITIES = [Dossier, DossierCodeCounter, DossierEvent];
