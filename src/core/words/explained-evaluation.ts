import type { Agreement } from '../agreement/types.ts';
import type { Evaluation } from '../compliance/types.ts';
import { namesOf } from './agreement-names.ts';
import { explain } from './explain.ts';
import type { Lang } from './lang.ts';
import type { Explanation } from './phrase.ts';
import { readingYear } from './reading-year.ts';
import { renderExplanation } from './render.ts';

/** Each explained thing with its explanation worded beside the structured form. */
type WithText<T> = T extends { explanation: Explanation } ? T & { explanationText: string } : T;

/**
 * An evaluation as an edge sends it to a reader: every explanation stays structured (codes and
 * parameters) and gets `explanationText` beside it, worded in `lang`.
 */
export interface ExplainedEvaluation
  extends Omit<Evaluation, 'phases' | 'extensions' | 'provisions' | 'obligations' | 'exchanges' | 'figures'> {
  lang: Lang;
  /** Each set of figures with what it counts worded beside the phrase. */
  figures: (Evaluation['figures'][number] & { whatText: string })[];
  /** Each note worded in `lang` (events by their number in the log where `eventNumber` was given). */
  notesText: string[];
  phases: WithText<Evaluation['phases'][number]>[];
  extensions: WithText<Evaluation['extensions'][number]>[];
  provisions: WithText<Evaluation['provisions'][number]>[];
  obligations: WithText<Evaluation['obligations'][number]>[];
  exchanges: {
    directions: Evaluation['exchanges']['directions'];
    ratios: WithText<Evaluation['exchanges']['ratios'][number]>[];
  };
}

export function explainedEvaluation(
  e: Evaluation,
  agreement: Agreement,
  lang: Lang,
  eventNumber?: (hash: string) => number | undefined,
): ExplainedEvaluation {
  const names = namesOf(agreement, lang);
  // Dates of another year than the one the status is read in say their year.
  const year = readingYear(e.asOf, agreement.timeZone);
  const text = <T extends { explanation: Explanation }>(x: T) => ({
    ...x,
    explanationText: explain(x.explanation, agreement, lang, year),
  });
  return {
    ...e,
    lang,
    figures: e.figures.map((f) => ({ ...f, whatText: explain([f.what], agreement, lang, year) })),
    notesText: e.notes.map((x) =>
      renderExplanation([x], { lang, names, year, ...(eventNumber ? { eventNumber } : {}) }),
    ),
    phases: e.phases.map(text),
    extensions: e.extensions.map(text),
    provisions: e.provisions.map(text),
    obligations: e.obligations.map(text),
    exchanges: { directions: e.exchanges.directions, ratios: e.exchanges.ratios.map(text) },
  };
}
