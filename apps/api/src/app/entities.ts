import { DESK_ENTITIES } from '@dvc/one-stop/desk';
import { DOSSIER_ENTITIES } from '@dvc/one-stop/dossier';
import { IDENTITY_ENTITIES } from '@dvc/platform/identity';
import { OUTBOX_ENTITIES } from '@dvc/platform/outbox';
import { NATIONAL_PORTAL_ENTITIES } from '@dvc/platform/national-portal';
import { CATALOG_ENTITIES } from '@dvc/public-service/catalog';
import { INBOUND_ENTITIES, INTAKE_ENTITIES } from '@dvc/public-service/intake';

/** Every entity of the product's schema (the migrations are the schema; this is the mapping). */
export const ALL_ENTITIES = [...IDENTITY_ENTITIES, ...CATALOG_ENTITIES, ...DOSSIER_ENTITIES, ...DESK_ENTITIES, ...OUTBOX_ENTITIES, ...NATIONAL_PORTAL_ENTITIES, ...INTAKE_ENTITIES, ...INBOUND_ENTITIES];
