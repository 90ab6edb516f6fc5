import type { LocalizedText } from '../agreement/types.ts';

/**
 * A value a line speaks of, kept as data so that each edge words it in the reader's language:
 * numbers, counts with their unit, local times, references to what the agreement names (looked up
 * in the reader's language), words an agreement gives only as free text (quoted as given), lists and
 * nested lines. The same shape as the explanations' phrases (`{ code, params }`).
 */
export type LineArg =
  | Line
  | { type: 'number'; value: number }
  /** A count of a unit ("13 persons", "200 trucks"). */
  | { type: 'quantity'; value: number; unit: string }
  /** A local time of day in the agreement's zone, HH:MM. */
  | { type: 'time'; time: string }
  | { type: 'party' | 'provision' | 'place' | 'phase'; id: string }
  /** A quota line of an aid provision. */
  | { type: 'quota'; id: string; provision: string }
  /** An exchange category. */
  | { type: 'category'; id: string; provision?: string }
  /** Words the agreement gives as free text only (a source's name, a release order): shown as given. */
  | { type: 'quote'; text: string }
  /** Words of the agreement in the languages it gives them. */
  | { type: 'text'; text: LocalizedText }
  /** A word of one of the fixed vocabularies (`activity`, `milestone`, `kind`, `field`, `item`, `unit`). */
  | { type: 'word'; vocabulary: Vocabulary; id: string }
  | { type: 'list'; items: LineArg[]; sep: Separator };

export type Vocabulary = 'activity' | 'milestone' | 'kind' | 'field' | 'item' | 'unit' | 'meaning';
export type Separator = 'semicolon' | 'comma' | 'space' | 'plus' | 'or' | 'slash' | 'arrow';

/**
 * Every line code and the names of its parameters. Optional parts of a line are parameters too:
 * a nested line, or `none` when the part is absent, so that every template uses every parameter.
 */
export const LINES = {
  none: [],
  // Amounts.
  'amount.exact': ['n'],
  'amount.at-least': ['n'],
  'amount.range': ['min', 'max'],
  'amount.unstated': ['unit'],
  'amount.remains-of': ['amount'],
  // Plan lines: one per obligation.
  'plan.admit-aid': ['amount', 'line', 'part', 'source'],
  'plan.deliver-extra': ['amount', 'line'],
  'plan.let-in': ['amount', 'via', 'hours', 'lead'],
  'plan.let-out': ['amount', 'via', 'hours', 'lead'],
  'plan.withdraw': ['zones', 'line', 'when'],
  'plan.allow-return': ['to', 'routes'],
  'plan.open-crossing': ['crossing', 'purpose', 'hours'],
  'plan.pause': ['zone', 'from', 'to', 'purpose', 'extension', 'extendable'],
  'plan.negotiate': ['subject', 'day'],
  'plan.milestone': ['subject', 'text'],
  'plan.submit-list': ['batch', 'to', 'lead'],
  'plan.hand-over': ['batch', 'amount', 'mix', 'to', 'through', 'window', 'when', 'extension'],
  'plan.release-batch': ['batch', 'amount', 'categories', 'depending', 'order', 'after'],
  'plan.release-all': ['amount', 'parts', 'after'],
  'plan.before-start': ['line'],
  'plan.standing': ['text', 'limits'],
  // Parts of plan lines.
  'part.part-of': ['whole'],
  'part.source': ['source'],
  'part.through': ['place'],
  'part.hours': ['from', 'to'],
  'part.names-ahead': ['hours'],
  'part.to-line': ['line'],
  'part.to-place': ['place'],
  'part.routes': ['routes'],
  'part.route': ['name'],
  'part.route-mode': ['name', 'mode'],
  'part.for-purpose': ['purpose'],
  'part.comma-hours': ['from', 'to'],
  'part.purpose': ['purpose'],
  'part.under-extension': [],
  'part.extendable': ['days'],
  'part.hours-before-handover': ['hours'],
  'part.evening-before': [],
  'part.mix-item': ['count', 'category'],
  'part.window-over': [],
  'part.window-by': [],
  'part.under-extension-rule': [],
  'part.categories': ['items'],
  'part.depending': [],
  'part.order': ['order'],
  'part.after-handover': ['batch'],
  'part.after-confirmed-handover': ['batch'],
  'part.after-handovers': [],
  'part.limit-none': ['activity'],
  'part.limit-none-over': ['activity', 'zone'],
  'part.limit-windows': ['activity', 'windows'],
  'part.limit-windows-over': ['activity', 'zone', 'windows'],
  'part.window': ['from', 'to'],
  'part.limits': ['items'],
  'when.by-time': ['time', 'day'],
  'when.end-of-day': ['day'],
  'when.hours-after': ['hours', 'after'],
  'when.hours-after-start': ['hours'],
  'when.by-time-only': ['time'],
  'when.end-of-the-day': [],
  'standing.cessation': [],
  // Comparison: headline terms.
  'term.phase-duration': ['n', 'phase'],
  'term.total-duration': [],
  'term.provision': ['kind', 'provision'],
  'term.released-by': ['name', 'parties'],
  'term.ratio-for': ['name', 'category'],
  'term.category': ['name', 'meaning'],
  'term.quota-per-day': ['name', 'quota'],
  'term.quota-over-phase': ['name', 'quota'],
  'term.per-day': ['name'],
  // Comparison: values of a headline term.
  'value.none': [],
  'value.not-stated': [],
  'value.not-named': [],
  'value.open': [],
  'value.open-ended': [],
  'value.phase': ['days', 'extended', 'span'],
  'value.extended': ['base', 'extra'],
  'value.days-span': ['from', 'to'],
  'value.not-placed': [],
  'value.open-ended-phase': ['stated', 'from'],
  'value.stated-then-continues': ['days'],
  'value.from-day': ['day'],
  'value.amount': ['n'],
  'value.at-least': ['n'],
  'value.range': ['min', 'max'],
  'value.planned': ['amount', 'partly'],
  'value.some-batches-not-stated': [],
  'value.stated-not-scheduled': ['figure'],
  'value.scheduled-and-stated': ['scheduled', 'stated'],
  'value.figure-unit': ['figure', 'unit'],
  'value.per-source': ['value', 'source'],
  'value.ratio': ['ratio'],
  'value.category': ['label', 'count', 'ratio'],
  'value.count': ['figure'],
  'value.comma-ratio': ['ratio'],
  'value.quota': ['amount', 'where', 'mark'],
  'value.to-place': ['place'],
  'value.uncertain': [],
  'value.yes': [],
  'value.no': [],
  'value.nothing': [],
  // Comparison: one changed term.
  'diff.changed': ['what', 'before', 'after', 'unit', 'note'],
  'diff.added': ['what', 'value', 'unit', 'note'],
  'diff.removed': ['what', 'value', 'unit', 'note'],
  'diff.order': ['what', 'before', 'after'],
  'diff.subject': ['words'],
  'diff.unit': ['unit'],
  'diff.by-position': ['id'],
  'diff.by-kind': [],
  'diff.item': ['item', 'id'],
  'diff.phase': ['n'],
  'diff.provision': ['kind', 'provision'],
  'diff.renamed': ['from', 'to'],
  'diff.quoted': ['text'],
  // Comparison: the outcome curves.
  'series.person': ['party'],
  'series.remains': ['party'],
  'series.patient': ['party'],
  'series.companion': ['party'],
  'series.resident': ['party'],
  'series.truck': ['party'],
  'series.litre': ['party'],
  'series.tent': ['party'],
  'series.home': ['party'],
  'series.crossing-in': ['unit', 'party'],
  'series.crossing-out': ['unit', 'party'],
} as const satisfies Record<string, readonly string[]>;

export type LineCode = keyof typeof LINES;

export type ParamsOf<C extends LineCode> = { [K in (typeof LINES)[C][number]]: LineArg };

/** A code and its parameters: what an edge turns into words in the reader's language. */
export type Line<C extends LineCode = LineCode> = C extends LineCode
  ? { code: C; params: ParamsOf<C> }
  : never;

export const LINE_CODES = Object.keys(LINES) as LineCode[];

export function line<C extends LineCode>(
  code: C,
  ...params: [] extends (typeof LINES)[C] ? [] : [ParamsOf<C>]
): Line<C> {
  return { code, params: (params[0] ?? {}) as ParamsOf<C> } as Line<C>;
}

export const NONE: Line<'none'> = { code: 'none', params: {} };
export const num = (value: number): LineArg => ({ type: 'number', value });
export const qty = (value: number, unit: string): LineArg => ({ type: 'quantity', value, unit });
export const time = (t: string): LineArg => ({ type: 'time', time: t });
export const quote = (text: string): LineArg => ({ type: 'quote', text });
export const text = (t: LocalizedText): LineArg => ({ type: 'text', text: t });
export const party = (id: string): LineArg => ({ type: 'party', id });
export const place = (id: string): LineArg => ({ type: 'place', id });
export const provisionRef = (id: string): LineArg => ({ type: 'provision', id });
export const phaseRef = (id: string): LineArg => ({ type: 'phase', id });
export const category = (id: string, provision?: string): LineArg => ({
  type: 'category',
  id,
  ...(provision ? { provision } : {}),
});
export const word = (vocabulary: Vocabulary, id: string): LineArg => ({ type: 'word', vocabulary, id });
export const list = (items: LineArg[], sep: Separator = 'comma'): LineArg => ({ type: 'list', items, sep });
/** An optional part: the line when present, else `none`. */
export const optional = (present: unknown, make: () => Line): Line =>
  present === undefined || present === null || present === false || present === '' ? NONE : make();
