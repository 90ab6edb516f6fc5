import type { Agreement, Provision } from './types.ts';

/**
 * The parties a provision names as acting in it: the party or parties it binds, an exchange's two
 * sides and its intermediary. What rests on an uncertain one of them carries the ⚠ (TRUTH.md rule 2).
 */
export function actingParties(p: Provision): string[] {
  const out: string[] = [];
  if ('party' in p && typeof p.party === 'string') out.push(p.party);
  if ('parties' in p && Array.isArray(p.parties)) out.push(...p.parties);
  if (p.kind === 'exchange') {
    out.push(p.release.party, p.counterpart.party);
    if (p.intermediary) out.push(p.intermediary);
  }
  return [...new Set(out)];
}

/** The ids of the parties the agreement marks `uncertain: true` (who they are, or their role, not confirmed). */
export function uncertainParties(agreement: Pick<Agreement, 'parties'>): Set<string> {
  return new Set(agreement.parties.filter((p) => p.uncertain === true).map((p) => p.id));
}

/** Whether a party the provision names as acting in it is one the agreement marks uncertain. */
export function restsOnUncertainParty(agreement: Pick<Agreement, 'parties'>, p: Provision): boolean {
  const uncertain = uncertainParties(agreement);
  return uncertain.size > 0 && actingParties(p).some((id) => uncertain.has(id));
}
