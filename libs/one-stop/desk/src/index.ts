export { DeskModule, DeskSlaModule } from './lib/desk.module';
export { DESK_OPTIONS } from './lib/desk.options';
export type { DeskModuleOptions } from './lib/desk.options';
export { DeskActionsService, ACTION_EVENT_TYPES } from './lib/desk-actions.service';
export type { ActionActor, ActionCommand, AppliedAction } from './lib/desk-actions.service';
export { DeskQueryService } from './lib/desk-query.service';
export { loadDossierResult, toDossierResultDto } from './lib/dossier-result';
export type { DossierResultRow } from './lib/dossier-result';
export { SlaService, APOLOGY_REASON_PLACEHOLDER } from './lib/sla.service';
export type { SlaRunResult } from './lib/sla.service';
export { CalendarService } from './lib/calendar.service';
export { WorkflowRegistry, BUILT_IN_WORKFLOWS } from './lib/workflow-registry.service';
export { DESK_ROLES, deskUnits, isDeskOfficial } from './lib/desk-scope';
export { AgencyOfficeHours, CalendarDay, DeskIntakeRequest, DESK_ENTITIES } from './lib/entities';
export {
  DeskActionDto,
  DeskInboxQueryDto,
  InPersonIntakeDto,
  WithdrawalRequestDto,
  SupplementSubmissionDto,
  PutCalendarYearDto,
  IssueApologyDto,
  OverdueBoardQueryDto,
  PutAgencyOfficeHoursDto,
} from './lib/dto/desk.dto';
