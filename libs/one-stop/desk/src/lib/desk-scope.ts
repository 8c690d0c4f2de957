import type { OfficialRole } from '@dvc/shared/contracts';
import type { OfficialPrincipal, Principal } from '@dvc/platform/identity';

/** Roles that work on dossiers at the desk. Administrators manage the system, not dossiers. */
export const DESK_ROLES: readonly OfficialRole[] = ['intake_officer', 'specialist', 'leader'];

/** Policy of the desk endpoints: an official with a dossier-handling role. */
export const isDeskOfficial = (p: Principal): boolean =>
  p.kind === 'official' && p.roles.some((r) => DESK_ROLES.includes(r));

/**
 * The units whose dossiers an official may see and act on: the units they serve. A system
 * administrator (a technical role) sees no dossier, whatever unit their account belongs to.
 */
export function deskUnits(p: OfficialPrincipal): string[] {
  return p.roles.includes('system_admin') ? [] : p.unitIds;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
