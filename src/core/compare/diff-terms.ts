import type { Agreement } from '../agreement/types.ts';
import { matchItems, matchPhases, matchProvisions, type Pair, renamedIds } from './match-items.ts';
import {
  capitalize,
  englishOf,
  fieldWords,
  isLocalized,
  isRecord,
  itemWords,
  KIND_WORDS,
  sameValue,
  unitOf,
  valueText,
} from './term-words.ts';

/** One difference between the terms of two agreements or proposals. */
export interface TermChange {
  /** Where, keyed by ids: `phases[phase-1].lengthDays`, `provisions[aid].perDay[trucks].quantity`. */
  path: string;
  change: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
  /** A plain-English sentence: "Phase 1 length: 42 → 45 days". */
  label: string;
}

/** Where a value sits: its path, the words that name it, and a note on how its item was matched. */
interface At {
  path: string;
  words: string;
  note: string;
  unit?: string;
}

/** Ids renamed from A to B (matched by position or kind), so references to them compare equal. */
interface Walk {
  out: TermChange[];
  refs: Record<string, Map<string, string>>;
}

const REFERENCE_FIELDS: Record<string, 'phase' | 'provision'> = {
  phase: 'phase',
  afterPhase: 'phase',
  provision: 'provision',
};

function push(w: Walk, at: At, change: TermChange['change'], before: unknown, after: unknown): void {
  const unit = at.unit ? ` ${at.unit}` : '';
  const words = capitalize(at.words);
  const describe = (v: unknown) => {
    if (isRecord(v) && typeof v.id === 'string' && !isLocalized(v)) {
      const name = englishOf(v.title ?? v.name ?? v.label);
      const { id: _id, kind: _kind, ...rest } = v;
      return `: ${name ? JSON.stringify(name) : valueText(rest)}`;
    }
    return `: ${valueText(v)}${unit}`;
  };
  const label =
    change === 'changed'
      ? `${words}: ${valueText(before)} → ${valueText(after)}${unit}`
      : `${words} ${change}${describe(change === 'added' ? after : before)}`;
  w.out.push({
    path: at.path,
    change,
    ...(before !== undefined ? { before } : {}),
    ...(after !== undefined ? { after } : {}),
    label: `${label}${at.note}`,
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
  else if (hasIds(a) && hasIds(b)) diffPairs(w, at, matchItems(a, b), (p) => itemWords(lastKey(at), p));
  else if (!sameValue(a, b)) push(w, at, 'changed', a, b);
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
      words: list ? (at.path ? at.words : '') : `${at.words} ${fieldWords(key)}`,
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
function diffOrder<T extends { id: string }>(w: Walk, at: At, pairs: Pair<T>[], words: string): void {
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
    label: `${capitalize(`${words} order`.trim())}: ${before.join(', ')} → ${after.join(', ')}`,
  });
}

/** Diffs paired items; `name` gives the words for an item from its id. */
function diffPairs<T extends { id: string }>(
  w: Walk,
  at: At,
  pairs: Pair<T>[],
  name: (id: string, pair: Pair<T>) => string,
  top = false,
): void {
  diffOrder(w, at, pairs, top ? lastKey(at) : `${at.words} ${lastKey(at) ? fieldWords(lastKey(at)) : ''}`);
  for (const pair of pairs) {
    const id =
      pair.a && pair.b && pair.a.id !== pair.b.id ? `${pair.a.id}→${pair.b.id}` : (pair.a ?? pair.b)!.id;
    const words = name(id, pair);
    const note =
      pair.by === 'position'
        ? ` (matched by position: ${id})`
        : pair.by === 'kind'
          ? ' (matched by kind)'
          : at.note;
    const item: At = { path: `${at.path}[${id}]`, words: top ? words : `${at.words} ${words}`.trim(), note };
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
  const w: Walk = { out: [], refs: { phase: renamedIds(phases), provision: renamedIds(provisions) } };
  const root: At = { path: '', words: 'agreement', note: '' };
  const { phases: pa, provisions: va, ...restA } = a;
  const { phases: pb, provisions: vb, ...restB } = b;
  diffObject(w, root, restA, restB);
  diffPairs(w, { ...root, path: 'phases' }, phases, (_, p) => `phase ${p.index + 1}`, true);
  diffPairs(
    w,
    { ...root, path: 'provisions' },
    provisions,
    (id, p) => `${KIND_WORDS[(p.a ?? p.b)!.kind]} (${id})`,
    true,
  );
  return w.out;
}
