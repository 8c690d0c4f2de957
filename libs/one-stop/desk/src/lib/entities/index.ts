import { AgencyOfficeHours } from './agency-office-hours.entity';
import { CalendarDay } from './calendar-day.entity';
import { DeskIntakeRequest } from './desk-intake-request.entity';

export { AgencyOfficeHours, CalendarDay, DeskIntakeRequest };
/** Entities owned by the desk lib (the dossier aggregate's are in `@dvc/one-stop/dossier`). */
export const DESK_ENTITIES = [CalendarDay, AgencyOfficeHours, DeskIntakeRequest];
