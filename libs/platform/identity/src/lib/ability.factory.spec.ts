import { defineAbilityFor } from './ability.factory';
import type { OfficialPrincipal } from './principal';

const official = (roles: OfficialPrincipal['roles']): OfficialPrincipal => ({
  kind: 'official',
  id: 'o1',
  roles,
  agencyUnitId: 'u1',
  unitIds: ['u1'],
});

describe('defineAbilityFor', () => {
  it('lets nobody do anything without a principal', () => {
    expect(defineAbilityFor(undefined).can('read', 'Procedure')).toBe(false);
  });

  it('lets citizens read the catalog only', () => {
    const a = defineAbilityFor({ kind: 'citizen', id: 'c1', identityNumber: '001099012345' });
    expect(a.can('read', 'Procedure')).toBe(true);
    expect(a.can('publish', 'Procedure')).toBe(false);
  });

  it.each([
    ['intake_officer', false],
    ['specialist', false],
    ['leader', false],
    ['agency_admin', true],
    ['system_admin', true],
  ] as const)('%s may publish procedures: %s', (role, allowed) => {
    expect(defineAbilityFor(official([role])).can('publish', 'Procedure')).toBe(allowed);
  });

  it('keeps the queue dashboard for system admins', () => {
    expect(defineAbilityFor(official(['agency_admin'])).can('read', 'Queue')).toBe(false);
    expect(defineAbilityFor(official(['system_admin'])).can('read', 'Queue')).toBe(true);
  });
});
