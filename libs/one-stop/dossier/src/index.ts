export { Dossier, DossierCodeCounter, DossierEvent, DOSSIER_ENTITIES } from './lib/entities';
