import { OFFICIAL_SCHEDULES_2024_2026, WorkingCalendar } from '@dvc/one-stop/calendar';
import { DossierCodeFormat, tt01DossierCode } from './dossier-code';

/** The working calendar intake uses for receipt and due times (provider token). */
export const INTAKE_CALENDAR = Symbol('INTAKE_CALENDAR');
/** The dossier code format (provider token); TT 01/2018 by default. */
export const DOSSIER_CODE_FORMAT = Symbol('DOSSIER_CODE_FORMAT');

// TODO(#3): read administrator-added schedules and agency office hours from the database once the
// workflow issue stores them; until then the official 2024–2026 schedules and default office hours.
export const intakeCalendarProvider = { provide: INTAKE_CALENDAR, useFactory: () => new WorkingCalendar(OFFICIAL_SCHEDULES_2024_2026) };
export const dossierCodeFormatProvider = { provide: DOSSIER_CODE_FORMAT, useValue: tt01DossierCode satisfies DossierCodeFormat };
