import { DOSSIER_ENTITIES } from '@dvc/one-stop/dossier';
import { IDENTITY_ENTITIES } from '@dvc/platform/identity';
import { OUTBOX_ENTITIES } from '@dvc/platform/outbox';
import { CATALOG_ENTITIES } from '@dvc/public-service/catalog';

/** Every entity of the product's schema (the migrations are the schema; this is the mapping). */
export const ALL_ENTITIES = [...IDENTITY_ENTITIES, ...CATALOG_ENTITIES, ...DOSSIER_ENTITIES, ...OUTBOX_ENTITIES];
