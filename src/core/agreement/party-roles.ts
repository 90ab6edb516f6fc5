import type { Party, PartyRole } from './types.ts';

/** Every role a party has: one, or several (a mediator that is also a guarantor). */
export function partyRoles(party: Party): PartyRole[] {
  return typeof party.role === 'string' ? [party.role] : party.role;
}

export function hasRole(party: Party, role: PartyRole): boolean {
  return partyRoles(party).includes(role);
}
