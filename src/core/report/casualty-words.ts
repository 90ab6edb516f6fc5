import type { Allegation } from '../compliance/types.ts';

/** An allegation's casualty figures, one phrase per source ("26 killed per Reuters"), never added up. */
export function casualtyPhrases(casualties: Allegation['casualties']): string[] {
  return (casualties ?? []).map((c) => {
    const counts = [
      c.killed !== undefined ? `${c.killed} killed` : '',
      c.injured !== undefined ? `${c.injured} injured` : '',
    ].filter(Boolean);
    return `${counts.join(', ')} per ${c.source}`;
  });
}
