import { CalendarDay } from './calendar-day.entity';

export { CalendarDay };
/** Entities owned by the desk lib (the dossier aggregate's are in `@dvc/one-stop/dossier`). */
export const DESK_ENTITIES = [CalendarDay];
