import type { OfficialRole } from '@dvc/shared/contracts';

/** Who is calling: the claims of a verified access token. */
export type Principal = OfficialPrincipal | CitizenPrincipal;

export interface OfficialPrincipal {
  kind: 'official';
  id: string;
  roles: OfficialRole[];
  agencyUnitId: string;
  /** The official's own unit and every unit below it: the units they serve. */
  unitIds: string[];
}

export interface CitizenPrincipal {
  kind: 'citizen';
  id: string;
  identityNumber: string;
}

export interface AccessTokenClaims {
  sub: string;
  kind: 'official' | 'citizen';
  roles?: OfficialRole[];
  unit?: string;
  units?: string[];
  idn?: string;
}

export function principalFromClaims(c: AccessTokenClaims): Principal {
  if (c.kind === 'official') {
    return { kind: 'official', id: c.sub, roles: c.roles ?? [], agencyUnitId: c.unit ?? '', unitIds: c.units ?? [] };
  }
  return { kind: 'citizen', id: c.sub, identityNumber: c.idn ?? '' };
}

export function isOfficial(p: Principal | undefined): p is OfficialPrincipal {
  return p?.kind === 'official';
}

/** system_admin serves every unit: queries skip the agency filter. */
export function servesAllUnits(p: OfficialPrincipal): boolean {
  return p.roles.includes('system_admin');
}
