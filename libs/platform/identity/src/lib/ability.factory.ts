import { AbilityBuilder, createMongoAbility, MongoAbility } from '@casl/ability';
import type { Principal } from './principal';

export type Action = 'manage' | 'create' | 'read' | 'update' | 'publish' | 'retire' | 'import' | 'export';
/** Subjects are named by string; the row-level agency scope is applied in the queries. */
export type SubjectName = 'Procedure' | 'Official' | 'AgencyUnit' | 'Queue' | 'all';
export type AppAbility = MongoAbility<[Action, SubjectName | { ownerAgencyId: string; __typename?: string }]>;

/**
 * The authorization policy of the whole product, in one place.
 * Every guarded endpoint states what it needs with `@CheckPolicies`; row-level scope
 * (an official only sees the units they serve) is enforced again in the services' queries.
 */
export function defineAbilityFor(p: Principal | undefined): AppAbility {
  const { can, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
  if (!p) return build();
  if (p.kind === 'citizen') {
    can('read', 'Procedure');
    return build();
  }
  can('read', 'Procedure');
  can('read', 'AgencyUnit');
  if (p.roles.includes('system_admin')) {
    can('manage', 'all');
  }
  if (p.roles.includes('agency_admin')) {
    can(['create', 'update', 'publish', 'retire', 'import', 'export'], 'Procedure');
    can('manage', 'Official');
  }
  return build();
}
