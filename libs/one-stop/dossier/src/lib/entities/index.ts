import { Dossier } from './dossier.entity';
import { DossierCodeCounter } from './dossier-code-counter.entity';
import { DossierEvent } from './dossier-event.entity';
import { DossierApology } from './dossier-apology.entity';
import { DossierClockPause } from './dossier-clock-pause.entity';
import { DossierStep } from './dossier-step.entity';
import { ProcedureWorkflow } from './procedure-workflow.entity';
import { WorkflowDefinitionRow } from './workflow-definition.entity';

export { Dossier, DossierCodeCounter, DossierEvent };
export { DossierApology, DossierClockPause, DossierStep, ProcedureWorkflow, WorkflowDefinitionRow };
export const DOSSIER_ENTITIES = [Dossier, DossierCodeCounter, DossierEvent, WorkflowDefinitionRow, ProcedureWorkflow, DossierStep, DossierClockPause, DossierApology];
