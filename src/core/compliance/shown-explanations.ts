import { type Arg, type Explanation, list, num, type Phrase, phrase } from '../words/phrase.ts';
import { LATEST_ALLEGATIONS } from './allegation-summary.ts';
import type { Evaluation } from './types.ts';

/**
 * Lists of an explanation that name allegations one by one, in the order they occurred, and so
 * grow with them: each run of unanswered allegations, anywhere; the disputes of the allegations
 * against a provision; the moments its breaches were found or acknowledged.
 */
const RUN_CODE = 'allegation.unanswered';
const WHOLE_LISTS: Record<string, string> = {
  'breach.found': 'at',
  'breach.acknowledged': 'at',
  'provision.allegations': 'disputes',
  'provision.alleged-disputed': 'disputes',
};

const isPhrase = (a: unknown): a is Phrase =>
  typeof a === 'object' && a !== null && 'code' in a && 'params' in a;
const isList = (a: unknown): a is Extract<Arg, { type: 'list' }> =>
  typeof a === 'object' && a !== null && (a as { type?: unknown }).type === 'list';

/** "Latest 5 of 12: …": the last `k` of `items` (in the order they occurred), saying how many there are. */
function latestOf(items: readonly Arg[], sep: Extract<Arg, { type: 'list' }>['sep'], k: number): Arg {
  return phrase('list.latest-of', {
    shown: num(k),
    total: num(items.length),
    items: list(items.slice(-k), sep),
  });
}

/**
 * An explanation as the status document serves it: each list that names allegations one by one
 * (see above) cut to its latest `k`, saying "Latest 5 of 12", so that the document does not grow
 * with the allegations (GET /api/logs/:id/allegations lists them all, and each list of evidence
 * names every event). Every count is kept; other lists are as they were. Returns `e` itself when
 * nothing is cut.
 */
export function shownExplanation(e: Explanation, k = LATEST_ALLEGATIONS): Explanation {
  // Each part is walked into a new value only where something under it is cut: the same value otherwise.
  const walk = (a: Arg, parent?: string, key?: string): Arg => {
    if (isList(a)) {
      let changed = false;
      const items = a.items.map((x) => {
        const y = walk(x);
        if (y !== x) changed = true;
        return y;
      });
      if (parent !== undefined && WHOLE_LISTS[parent] === key && items.length > k)
        return latestOf(items, a.sep, k);
      const out: Arg[] = [];
      let run: Arg[] = [];
      const flush = () => {
        if (run.length > k) {
          changed = true;
          out.push(latestOf(run, a.sep, k));
        } else out.push(...run);
        run = [];
      };
      for (const x of items) {
        if (isPhrase(x) && x.code === RUN_CODE) run.push(x);
        else {
          flush();
          out.push(x);
        }
      }
      flush();
      return changed ? { ...a, items: out } : a;
    }
    if (!isPhrase(a)) return a;
    let changed = false;
    const params: Record<string, Arg> = {};
    for (const [name, value] of Object.entries(a.params as Record<string, Arg>)) {
      // A list of disputes is the items of a `disputes` phrase.
      let shown: Arg;
      if (WHOLE_LISTS[a.code] === name && isPhrase(value) && value.code === 'disputes') {
        const items = (value.params as { items: Arg }).items;
        const cut = walk(items, a.code, name);
        shown = cut === items ? value : ({ ...value, params: { ...value.params, items: cut } } as Phrase);
      } else shown = walk(value, a.code, name);
      if (shown !== value) changed = true;
      params[name] = shown;
    }
    return changed ? ({ ...a, params } as Phrase) : a;
  };
  let changed = false;
  const out = e.map((p) => {
    const q = walk(p) as Phrase;
    if (q !== p) changed = true;
    return q;
  });
  return changed ? out : e;
}

/** The evaluation with every explanation as the status document serves it (shownExplanation). */
export function shownExplanations(e: Evaluation, k = LATEST_ALLEGATIONS): Evaluation {
  const shown = <T extends { explanation: Explanation }>(x: T): T => {
    const explanation = shownExplanation(x.explanation, k);
    return explanation === x.explanation ? x : { ...x, explanation };
  };
  return {
    ...e,
    phases: e.phases.map(shown),
    extensions: e.extensions.map(shown),
    provisions: e.provisions.map(shown),
    obligations: e.obligations.map(shown),
    exchanges: { ...e.exchanges, ratios: e.exchanges.ratios.map(shown) },
    notes: shownExplanation(e.notes, k),
  };
}
