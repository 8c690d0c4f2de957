import { Procedure } from './procedure.entity';
import { ProcedureField } from './procedure-field.entity';
import { ProcedureVersion } from './procedure-version.entity';

export { Procedure, ProcedureField, ProcedureVersion };
export const CATALOG_ENTITIES = [ProcedureField, Procedure, ProcedureVersion];
