export { Dossier, DossierCodeCounter, DossierEvent, DOSSIER_ENTITIES } from './lib/entities';
export { DossierApology, DossierClockPause, DossierStep, ProcedureWorkflow, WorkflowDefinitionRow } from './lib/entities';
