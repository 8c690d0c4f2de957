import { CatalogFeedRun } from './catalog-feed-run.entity';
import { Procedure } from './procedure.entity';
import { ProcedureFeedState } from './procedure-feed-state.entity';
import { ProcedureField } from './procedure-field.entity';
import { ProcedureVersion } from './procedure-version.entity';

export { CatalogFeedRun, Procedure, ProcedureFeedState, ProcedureField, ProcedureVersion };
export const CATALOG_ENTITIES = [ProcedureField, Procedure, ProcedureVersion, CatalogFeedRun, ProcedureFeedState];
