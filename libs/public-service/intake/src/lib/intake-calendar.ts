import { DossierCodeFormat, tt01DossierCode } from './dossier-code';

/** The dossier code format (provider token); TT 01/2018 by default. */
export const DOSSIER_CODE_FORMAT = Symbol('DOSSIER_CODE_FORMAT');

export const dossierCodeFormatProvider = { provide: DOSSIER_CODE_FORMAT, useValue: tt01DossierCode satisfies DossierCodeFormat };
