import { IDENTITY_ENTITIES } from '@dvc/platform/identity';
import { CATALOG_ENTITIES } from '@dvc/public-service/catalog';
import { INTAKE_ENTITIES } from '@dvc/public-service/intake';

/** Every entity of the product's schema (the migrations are the schema; this is the mapping). */
export const ALL_ENTITIES = [...IDENTITY_ENTITIES, ...CATALOG_ENTITIES, ...INTAKE_ENTITIES];
