import type { Agreement, LocalizedText } from '../agreement/types.ts';
import { agreementNames } from '../words/agreement-names.ts';
import {
  type Arg,
  commas,
  list,
  NONE,
  num,
  type Phrase,
  phrase,
  quote,
  text,
  word,
} from '../words/phrase.ts';
import { renderPhrase } from '../words/render.ts';
import { VOCABULARIES } from '../words/vocabularies.ts';
import { matchItems, matchPhases, matchProvisions, type Pair, renamedIds } from './match-items.ts';
import { fieldWords, isLocalized, isRecord, sameValue, unitOf, valueText } from './term-words.ts';

/** One difference between the terms of two agreements or proposals. */
export interface TermChange {
  /** Where, keyed by ids: `phases[phase-1].lengthDays`, `provisions[aid].perDay[trucks].quantity`. */
  path: string;
  change: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
  /** The change as a code with parameters: each edge words it in its language. */
  line: Phrase;
  /** Deprecated: the change in English ("Phase 1 length: 42 → 45 days"); read `line`. */
  label: string;
}

/** Where a value sits: its path, the words that name it, and a note on how its item was matched. */
interface At {
  path: string;
  words: Arg[];
  note: Phrase;
  unit?: string;
}

/** Ids renamed from A to B (matched by position or kind), so references to them compare equal. */
interface Walk {
  out: Omit<TermChange, 'label'>[];
  refs: Record<string, Map<string, string>>;
  /** A value that is the id of something the agreements name, as a reference to that name. */
  named: (id: string) => Arg | undefined;
}

const REFERENCE_FIELDS: Record<string, 'phase' | 'provision'> = {
  phase: 'phase',
  afterPhase: 'phase',
  provision: 'provision',
};

/** A field's words: the vocabulary's, else the camel-case name split into (English) words. */
function fieldArg(key: string): Arg {
  return VOCABULARIES.field.en[key] !== undefined ? word('field', key) : quote(fieldWords(key));
}

/** A value as it reads in a term: numbers and yes/no as words, texts in the reader's language, else as given. */
function valueArg(w: Walk, v: unknown): Arg {
  if (typeof v === 'string') {
    const named = w.named(v);
    if (named) return named;
  }
  if (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string' && w.named(x)))
    return commas(v.map((x) => w.named(x as string)!));
  if (typeof v === 'number') return num(v);
  if (typeof v === 'boolean') return phrase(v ? 'value.yes' : 'value.no');
  if (v === undefined || v === null) return phrase('value.nothing');
  if (isLocalized(v)) return phrase('diff.quoted', { text: text(v as LocalizedText) });
  return quote(valueText(v));
}

function subject(at: At): Phrase {
  return phrase('diff.subject', { words: list(at.words, 'space') });
}

function push(w: Walk, at: At, change: TermChange['change'], before: unknown, after: unknown): void {
  // Units come as English plurals ("days", "trucks"); the vocabulary knows them by their singular.
  const unitId = at.unit && (at.unit === 'remains' ? at.unit : at.unit.replace(/s$/, ''));
  const unit = unitId ? phrase('diff.unit', { unit: word('unit', unitId) }) : NONE;
  const describe = (v: unknown): [Arg, Phrase] => {
    if (isRecord(v) && typeof v.id === 'string' && !isLocalized(v)) {
      const name = v.title ?? v.name ?? v.label;
      const { id: _id, kind: _kind, ...rest } = v;
      return [
        typeof name === 'string' || isLocalized(name)
          ? phrase('diff.quoted', { text: text(name as LocalizedText) })
          : quote(valueText(rest)),
        NONE,
      ];
    }
    return [valueArg(w, v), unit];
  };
  let l: Phrase;
  if (change === 'changed') {
    l = phrase('diff.changed', {
      what: subject(at),
      before: valueArg(w, before),
      after: valueArg(w, after),
      unit,
      note: at.note,
    });
  } else {
    const [value, u] = describe(change === 'added' ? after : before);
    l = phrase(change === 'added' ? 'diff.added' : 'diff.removed', {
      what: subject(at),
      value,
      unit: u,
      note: at.note,
    });
  }
  w.out.push({
    path: at.path,
    change,
    ...(before !== undefined ? { before } : {}),
    ...(after !== undefined ? { after } : {}),
    line: l,
  });
}

function hasIds(v: unknown): v is { id: string }[] {
  return Array.isArray(v) && v.every((x) => isRecord(x) && typeof x.id === 'string');
}

function diffValue(w: Walk, at: At, a: unknown, b: unknown): void {
  if (a === undefined && b === undefined) return;
  if (a === undefined) push(w, at, 'added', undefined, b);
  else if (b === undefined) push(w, at, 'removed', a, undefined);
  else if (isRecord(a) && isRecord(b) && !isLocalized(a) && !isLocalized(b)) diffObject(w, at, a, b);
  else if (hasIds(a) && hasIds(b))
    diffPairs(w, at, matchItems(a, b), (id) => itemArg(lastKey(at), id), false, itemRef(lastKey(at)));
  else if (!sameValue(a, b)) push(w, at, 'changed', a, b);
}

/** One item of an id-keyed list nested in a term ("per-day quota fuel"). */
function itemArg(listKey: string, id: Arg): Arg {
  const item = VOCABULARIES.item.en[listKey] !== undefined ? word('item', listKey) : fieldArg(listKey);
  return phrase('diff.item', { item, id });
}

/** How an item of a list is named: by the agreement's name for it (a party, a place, a label). */
function itemRef(listKey: string): (id: string) => Arg {
  if (listKey === 'parties') return (id) => ({ type: 'party', id });
  if (listKey === 'zones' || listKey === 'destinations' || listKey === 'routes')
    return (id) => ({ type: 'place', id });
  if (listKey === 'categories' || listKey === 'perDay' || listKey === 'extra')
    return (id) => ({ type: 'category', id });
  return quote;
}

function lastKey(at: At): string {
  return /([A-Za-z]+)$/.exec(at.path)?.[1] ?? '';
}

function diffObject(w: Walk, at: At, a: Record<string, unknown>, b: Record<string, unknown>): void {
  const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
  for (const key of keys) {
    if (key === '$schema' && at.path === '') continue;
    // A list of items with ids is named by its items ("per-day quota trucks"), not by its field.
    const list = hasIds(a[key]) && hasIds(b[key]);
    const child: At = {
      path: at.path ? `${at.path}.${key}` : key,
      words: list ? (at.path ? at.words : []) : [...at.words, fieldArg(key)],
      note: at.note,
      unit: unitOf(key, isRecord(b) ? b : a),
    };
    const ref = REFERENCE_FIELDS[key];
    const before = a[key];
    if (ref && typeof before === 'string' && w.refs[ref]!.get(before) === b[key]) continue;
    diffValue(w, child, before, b[key]);
  }
}

/** Order matters (phases are numbered, categories are assigned to batches in order): report a reordering. */
function diffOrder<T extends { id: string }>(w: Walk, at: At, pairs: Pair<T>[], words: Arg[]): void {
  const both = pairs.filter((p) => p.a && p.b);
  const inB = [...both].sort((p, q) => p.bIndex! - q.bIndex!);
  if (both.every((p, i) => p === inB[i])) return;
  const before = both.map((p) => p.a!.id);
  const after = inB.map((p) => p.b!.id);
  w.out.push({
    path: at.path,
    change: 'changed',
    before,
    after,
    line: phrase('diff.order', {
      what: phrase('diff.subject', { words: list(words, 'space') }),
      before: commas(before.map(quote)),
      after: commas(after.map(quote)),
    }),
  });
}

/** Diffs paired items; `name` gives the words for an item from its id. */
function diffPairs<T extends { id: string }>(
  w: Walk,
  at: At,
  pairs: Pair<T>[],
  name: (id: Arg, pair: Pair<T>) => Arg,
  top = false,
  ref: (id: string) => Arg = quote,
): void {
  diffOrder(
    w,
    at,
    pairs,
    top ? [fieldArg(lastKey(at))] : [...at.words, ...(lastKey(at) ? [fieldArg(lastKey(at))] : [])],
  );
  for (const pair of pairs) {
    const renamed = pair.a && pair.b && pair.a.id !== pair.b.id;
    const id = renamed ? `${pair.a!.id}→${pair.b!.id}` : (pair.a ?? pair.b)!.id;
    const idArg = renamed ? phrase('diff.renamed', { from: ref(pair.a!.id), to: ref(pair.b!.id) }) : ref(id);
    const words = name(idArg, pair);
    const note: Phrase =
      pair.by === 'position'
        ? phrase('diff.by-position', { id: quote(id) })
        : pair.by === 'kind'
          ? phrase('diff.by-kind')
          : at.note;
    const item: At = { path: `${at.path}[${id}]`, words: top ? [words] : [...at.words, words], note };
    diffValue(w, item, pair.a, pair.b);
  }
}

/**
 * The term-by-term difference between two agreements or proposals. Phases and provisions are
 * matched by id, then (for files whose ids differ) phases by position and provisions by kind and
 * phase position; other lists of items with ids are matched by id; lists of plain values and texts
 * compare as whole values. `$schema` is ignored. Changes come in A's order, additions last.
 */
export function diffTerms(a: Agreement, b: Agreement): TermChange[] {
  const phases = matchPhases(a, b);
  const provisions = matchProvisions(a, b);
  const en = agreementNames([a, b], 'en');
  const named = (id: string): Arg | undefined => {
    // What a file is (`kind`): an agreement or a proposal.
    if (id === 'agreement' || id === 'proposal') return word('kind', id);
    if (en.party(id) !== id) return { type: 'party', id };
    if (en.place(id) !== id) return { type: 'place', id };
    if (en.category(id) !== id) return { type: 'category', id };
    return undefined;
  };
  const w: Walk = { out: [], refs: { phase: renamedIds(phases), provision: renamedIds(provisions) }, named };
  const root: At = { path: '', words: [word('field', 'agreement')], note: NONE };
  const { phases: pa, provisions: va, ...restA } = a;
  const { phases: pb, provisions: vb, ...restB } = b;
  diffObject(w, root, restA, restB);
  diffPairs(
    w,
    { ...root, path: 'phases' },
    phases,
    (_, p) => phrase('diff.phase', { n: num(p.index + 1) }),
    true,
    (id) => ({ type: 'phase', id }),
  );
  diffPairs(
    w,
    { ...root, path: 'provisions' },
    provisions,
    (id, p) => phrase('diff.provision', { kind: word('kind', (p.a ?? p.b)!.kind), provision: id }),
    true,
    (id) => ({ type: 'provision', id }),
  );
  return w.out.map((t) => ({ ...t, label: renderPhrase(t.line, { lang: 'en', names: en }) }));
}
