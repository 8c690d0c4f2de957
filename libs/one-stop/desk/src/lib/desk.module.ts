import { DynamicModule, Module, OnModuleInit } from '@nestjs/common';
import { IdentityModule } from '@dvc/platform/identity';
import { SignatureModule } from '@dvc/platform/signature';
import { StorageModule } from '@dvc/platform/storage';
import { CalendarAdminController } from './calendar-admin.controller';
import { CalendarService } from './calendar.service';
import { CitizenDossierActionsController } from './citizen-dossier-actions.controller';
import { DeskActionsService } from './desk-actions.service';
import { DeskApologyService } from './desk-apology.service';
import { DeskController } from './desk.controller';
import { DeskFormsController } from './desk-forms.controller';
import { DeskFormsService } from './desk-forms.service';
import { DeskIntakeService } from './desk-intake.service';
import { DESK_OPTIONS, type DeskModuleOptions } from './desk.options';
import { DeskQueryService } from './desk-query.service';
import { OfficeHoursAdminController } from './office-hours-admin.controller';
import { OfficeHoursService } from './office-hours.service';
import { SlaService } from './sla.service';
import { WorkflowAdminController } from './workflow-admin.controller';
import { WorkflowAdminService } from './workflow-admin.service';
import { WorkflowRegistry } from './workflow-registry.service';

/**
 * Workflow definitions, the calendar and the SLA watch, without HTTP: what the worker needs. Plain
 * SQL only, so any data source on the migrated schema will do.
 */
@Module({
  providers: [WorkflowRegistry, CalendarService, SlaService],
  exports: [WorkflowRegistry, CalendarService, SlaService],
})
export class DeskSlaModule {}

/**
 * The one-stop desk API: actions through the workflow engine, inbox and dossier views, in-person
 * intake, the calendar administration and the citizen's withdrawal and supplement.
 */
@Module({})
export class DeskModule implements OnModuleInit {
  constructor(private readonly workflows: WorkflowRegistry) {}

  /** @param options - intake's dossier code counter and e-form validator (see {@link DeskModuleOptions}). */
  static forRoot(options: DeskModuleOptions): DynamicModule {
    return {
      module: DeskModule,
      imports: [DeskSlaModule, IdentityModule, StorageModule, SignatureModule],
      controllers: [DeskController, CitizenDossierActionsController, CalendarAdminController, DeskFormsController, OfficeHoursAdminController, WorkflowAdminController],
      providers: [
        { provide: DESK_OPTIONS, useValue: options },
        DeskActionsService,
        DeskQueryService,
        DeskIntakeService,
        DeskApologyService,
        DeskFormsService,
        OfficeHoursService,
        WorkflowAdminService,
      ],
      exports: [DeskActionsService, DeskQueryService],
    };
  }

  async onModuleInit(): Promise<void> {
    await this.workflows.ensureBuiltIns();
  }
}
