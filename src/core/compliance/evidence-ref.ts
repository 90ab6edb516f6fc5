import type { Evaluation } from './types.ts';

/**
 * A name for one list of evidence of an evaluation that stays the same while the log grows: what
 * the status document gives beside each count (`evidenceRef`), and what the evidence route takes
 * (`?of=`) to page through that list. Parts are URI-encoded, so `:` only separates them:
 *
 * - `provision:<id>`: a provision's evidence;
 * - `obligation:<id>`: an obligation's; `obligation:<id>:<source>`: one source's figures for it;
 * - `figures:<key>:<source>`: one source's figures in a set of figures (an aid figure's key);
 * - `exchange:<provision>:<from>:<to>`: the releases of one direction of an exchange;
 * - `allegation:<hash>`: an allegation and its answers, by the first event of its evidence (the allegation).
 */
export type EvidenceRef = string;

const ref = (kind: string, ...parts: string[]): EvidenceRef =>
  [kind, ...parts.map(encodeURIComponent)].join(':');

export const provisionRef = (provision: string) => ref('provision', provision);
export const obligationRef = (obligation: string, source?: string) =>
  source === undefined ? ref('obligation', obligation) : ref('obligation', obligation, source);
export const figuresRef = (key: string, source: string) => ref('figures', key, source);
export const exchangeRef = (provision: string, from: string, to: string) =>
  ref('exchange', provision, from, to);
/** An allegation's list, named by the first event of its evidence: the allegation itself. */
export const allegationRef = (evidence: readonly string[]) => ref('allegation', evidence[0] ?? '');

/** The parts of a reference, decoded; undefined when it is not one (a part that does not decode). */
function partsOf(of: string): string[] | undefined {
  try {
    return of.split(':').map(decodeURIComponent);
  } catch {
    return undefined;
  }
}

/**
 * The evidence list `of` names in `evaluation`, in the order its events occurred (as the evaluator
 * orders every evidence list), or undefined when the evaluation has no such list.
 */
export function evidenceOf(evaluation: Evaluation, of: EvidenceRef): readonly string[] | undefined {
  const parts = partsOf(of);
  if (!parts) return undefined;
  const [kind, a, b, c] = parts;
  const n = parts.length;
  const bySource = (figures: { source: string; evidence: string[] }[] | undefined, source: string) =>
    figures?.find((f) => f.source === source)?.evidence;
  switch (kind) {
    case 'provision':
      return n === 2 ? evaluation.provisions.find((p) => p.provision === a)?.evidence : undefined;
    case 'obligation': {
      if (n !== 2 && n !== 3) return undefined;
      const o = evaluation.obligations.find((x) => x.obligation.id === a);
      return n === 2 ? o?.evidence : bySource(o?.figures, b!);
    }
    case 'figures':
      return n === 3 ? bySource(evaluation.figures.find((f) => f.key === a)?.figures, b!) : undefined;
    case 'exchange':
      return n === 4
        ? evaluation.exchanges.directions.find((d) => d.provision === a && d.from === b && d.to === c)
            ?.evidence
        : undefined;
    case 'allegation':
      return n === 2 && a !== ''
        ? evaluation.allegations.find((x) => x.evidence[0] === a)?.evidence
        : undefined;
    default:
      return undefined;
  }
}
