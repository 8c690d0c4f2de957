import { AgencyUnit } from './agency-unit.entity';
import { Citizen } from './citizen.entity';
import { Official } from './official.entity';
import { RefreshToken } from './refresh-token.entity';

export { AgencyUnit, Citizen, Official, RefreshToken };
export type { SubjectKind } from './refresh-token.entity';
export const IDENTITY_ENTITIES = [AgencyUnit, Official, Citizen, RefreshToken];
