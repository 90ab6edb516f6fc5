import { type AllegationSummary, allegationSummary } from './allegation-summary.ts';
import {
  allegationRef,
  type EvidenceRef,
  exchangeRef,
  figuresRef,
  obligationRef,
  provisionRef,
} from './evidence-ref.ts';
import { isLazyHashes } from './packed-evidence.ts';
import type {
  Allegation,
  DirectionTally,
  Evaluation,
  Figure,
  FigureSet,
  ObligationStatus,
  ProvisionStatus,
} from './types.ts';

/** `T` with every `evidence` list of leaf hashes, however deep, replaced by `evidenceCount`. */
export type Counted<T> = T extends readonly (infer U)[]
  ? Counted<U>[]
  : T extends object
    ? {
        [K in keyof T as K extends 'evidence'
          ? T[K] extends readonly string[]
            ? 'evidenceCount'
            : K
          : K]: K extends 'evidence'
          ? T[K] extends readonly string[]
            ? number
            : Counted<T[K]>
          : Counted<T[K]>;
      }
    : T;

/** A counted list that can be asked for, a page at a time, by its reference. */
export type Referenced<T> = Counted<T> & { evidenceRef: EvidenceRef };

/**
 * An evaluation as the status document serves it: the same, except that each list of evidence is
 * its count, and the lists a reader opens (of a provision, an obligation, a source's figures, a
 * direction of an exchange, an allegation) have a reference to page through them
 * (GET /api/logs/:id/evidence?of=). The allegations are counted too, with the latest few listed
 * (AllegationSummary; all of them are paged by GET /api/logs/:id/allegations). Its length does not
 * grow with the log's.
 */
export interface CountedEvaluation
  extends Omit<Counted<Evaluation>, 'provisions' | 'obligations' | 'figures' | 'allegations' | 'exchanges'> {
  provisions: Referenced<ProvisionStatus>[];
  obligations: (Omit<Referenced<ObligationStatus>, 'figures'> & { figures?: Referenced<Figure>[] })[];
  figures: (Omit<Counted<FigureSet>, 'figures'> & { figures: Referenced<Figure>[] })[];
  allegations: Omit<AllegationSummary, 'latest'> & { latest: Referenced<Allegation>[] };
  exchanges: Omit<Counted<Evaluation['exchanges']>, 'directions'> & {
    directions: Referenced<DirectionTally>[];
  };
}

/** `value` copied with each `evidence` list of leaf hashes replaced by `evidenceCount` (never changes `value`). */
function counted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(counted);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    // A list of leaf hashes is all strings: its first member says so, without reading the rest (a
    // list may hold as many hashes as the log has events).
    if (
      key === 'evidence' &&
      Array.isArray(member) &&
      (member.length === 0 || isLazyHashes(member) || typeof member[0] === 'string')
    )
      out.evidenceCount = member.length;
    else out[key] = counted(member);
  }
  return out;
}

const count = <T>(x: T) => counted(x) as Counted<T>;
const withRef = <T extends { evidence: string[] }>(x: T, evidenceRef: EvidenceRef): Referenced<T> => ({
  ...count(x),
  evidenceRef,
});

/** One allegation as the status document and the allegations route give it: its evidence counted, with its reference. */
export const referencedAllegation = (a: Allegation): Referenced<Allegation> =>
  withRef(a, allegationRef(a.evidence));

/** The allegations as the status document gives them: counted, the latest few listed. */
export function countedAllegations(allegations: readonly Allegation[]): CountedEvaluation['allegations'] {
  const { latest, ...counts } = allegationSummary(allegations);
  return { ...counts, latest: latest.map(referencedAllegation) };
}

/**
 * The evaluation as the status document serves it (CountedEvaluation). Members it does not know
 * (an explanation's words beside it) are kept, their evidence lists counted too.
 */
export function countedEvaluation(e: Evaluation): CountedEvaluation {
  return {
    ...count(e),
    provisions: e.provisions.map((p) => withRef(p, provisionRef(p.provision))),
    obligations: e.obligations.map((o) => {
      const { figures, ...rest } = withRef(o, obligationRef(o.obligation.id));
      return o.figures
        ? { ...rest, figures: o.figures.map((f) => withRef(f, obligationRef(o.obligation.id, f.source))) }
        : rest;
    }),
    figures: e.figures.map((s) => ({
      ...count(s),
      figures: s.figures.map((f) => withRef(f, figuresRef(s.key, f.source))),
    })),
    allegations: countedAllegations(e.allegations),
    exchanges: {
      ...count(e.exchanges),
      directions: e.exchanges.directions.map((d) => withRef(d, exchangeRef(d.provision, d.from, d.to))),
    },
  };
}
