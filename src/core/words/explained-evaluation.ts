import type { Agreement } from '../agreement/types.ts';
import type { Evaluation } from '../compliance/types.ts';
import { explain } from './explain.ts';
import type { Lang } from './lang.ts';
import type { Explanation } from './phrase.ts';

/** Each explained thing with its explanation worded beside the structured form. */
type WithText<T> = T extends { explanation: Explanation } ? T & { explanationText: string } : T;

/**
 * An evaluation as an edge sends it to a reader: every explanation stays structured (codes and
 * parameters) and gets `explanationText` beside it, worded in `lang`.
 */
export interface ExplainedEvaluation
  extends Omit<Evaluation, 'phases' | 'extensions' | 'provisions' | 'obligations' | 'exchanges'> {
  lang: Lang;
  phases: WithText<Evaluation['phases'][number]>[];
  extensions: WithText<Evaluation['extensions'][number]>[];
  provisions: WithText<Evaluation['provisions'][number]>[];
  obligations: WithText<Evaluation['obligations'][number]>[];
  exchanges: {
    directions: Evaluation['exchanges']['directions'];
    ratios: WithText<Evaluation['exchanges']['ratios'][number]>[];
  };
}

export function explainedEvaluation(e: Evaluation, agreement: Agreement, lang: Lang): ExplainedEvaluation {
  const text = <T extends { explanation: Explanation }>(x: T) => ({
    ...x,
    explanationText: explain(x.explanation, agreement, lang),
  });
  return {
    ...e,
    lang,
    phases: e.phases.map(text),
    extensions: e.extensions.map(text),
    provisions: e.provisions.map(text),
    obligations: e.obligations.map(text),
    exchanges: { directions: e.exchanges.directions, ratios: e.exchanges.ratios.map(text) },
  };
}
