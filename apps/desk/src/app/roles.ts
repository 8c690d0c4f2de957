import type { OfficialRole } from '@dvc/shared/contracts';

/** Roles that administer the procedure catalog of their agency units. */
export const CATALOG_ADMIN_ROLES: OfficialRole[] = ['agency_admin', 'system_admin'];

/** Roles that work on dossiers (the inbox). */
export const DOSSIER_ROLES: OfficialRole[] = ['intake_officer', 'specialist', 'leader'];

/** Roles that receive dossiers at the counter (in-person intake). */
export const INTAKE_ROLES: OfficialRole[] = ['intake_officer'];

/** Roles that maintain the agency's working-day calendar. */
export const CALENDAR_ADMIN_ROLES: OfficialRole[] = ['agency_admin', 'system_admin'];

/** Roles that watch the synchronization with the national portal (Cổng DVCQG). */
export const SYNC_ADMIN_ROLES: OfficialRole[] = ['system_admin'];
