import type { LocalizedText } from '../agreement/types.ts';
import type { Status } from '../compliance/types.ts';

/**
 * A value a phrase speaks of, kept as data so that each edge words it in the reader's language:
 * numbers, quantities with their unit, moments in the agreement's zone, local times, durations,
 * references to what the agreement names (the renderer looks up the label in the reader's
 * language), words of fixed vocabularies, the words a party recorded (quoted as theirs, never
 * translated), lists and nested phrases. Explanations, plan lines and comparison terms share it.
 */
export type Arg =
  | Phrase
  | { type: 'number'; value: number }
  /**
   * A count of a unit of the plan ("13 persons") or of a thing the words count ("2 obligations");
   * with `from`, the upper end of a range from that number, whose noun takes the range's form ("700
   * to 706 persons", never "0 to 1 person").
   */
  | { type: 'quantity'; value: number; unit: string; from?: number }
  /** An instant (epoch ms) shown in the agreement's time zone. */
  | { type: 'moment'; at: number; zone: string }
  /**
   * A deadline (epoch ms) in the agreement's time zone: worded as a moment, except at midnight,
   * the end of the day before ("by the end of 20 Nov", never "by 21 Nov 00:00"). Its template's
   * slot says which words lead it (see DEADLINE_FORMS).
   */
  | { type: 'deadline'; at: number; zone: string }
  /** A calendar day, YYYY-MM-DD ("25 Nov"). */
  | { type: 'day'; date: string }
  /** A calendar date in full, with its year, YYYY-MM-DD (English keeps the ISO form: "2027-12-31"). */
  | { type: 'date'; date: string }
  | { type: 'duration'; minutes: number }
  /** A local time of day in the agreement's zone, HH:MM. */
  | { type: 'time'; time: string }
  | { type: 'party' | 'provision' | 'place' | 'phase'; id: string }
  /** An actor of the log: named by the party it acts for, else by the name it registered with. */
  | { type: 'actor'; id: string; party?: string; name?: string }
  /** A quota line of an aid provision, or an exchange category. */
  | { type: 'quota' | 'category'; id: string; provision?: string }
  /** Words recorded in an event (a description, a reason, a source's name): shown as given. */
  | { type: 'quote'; text: string }
  /** Words of the agreement itself, in the languages it gives them. */
  | { type: 'text'; text: LocalizedText }
  | { type: 'status'; status: Status }
  /** What an obligation asks (admit-aid, evacuate, let-cross, …). */
  | { type: 'action'; action: string }
  /** An obligation of the plan: its line (worded in the reader's language), and what identifies it. */
  | { type: 'obligation'; id: string; provision: string; party: string; batch?: number; line: Phrase }
  /** A date a term states that obliges no party: its description as the plan words it, and its provision. */
  | { type: 'fact'; provision: string; description: string }
  /** A word of one of the fixed vocabularies (`activity`, `milestone`, `kind`, `field`, `item`, `unit`, `meaning`). */
  | { type: 'word'; vocabulary: Vocabulary; id: string }
  | { type: 'list'; items: Arg[]; sep: Separator }
  /** An event of the log: named by its number in the log where the edge knows it, else by its kind; the hash is the evidence. */
  | { type: 'event'; hash: string; kind: string }
  /** A unit of count, in the plural, with no number ("trucks"). */
  | { type: 'unit'; unit: string };

export type Vocabulary = 'activity' | 'milestone' | 'kind' | 'field' | 'item' | 'unit' | 'meaning';
/** How the items of a list are joined ("or" between alternatives, such as values sources state). */
export type Separator = 'semicolon' | 'comma' | 'space' | 'plus' | 'or' | 'slash' | 'arrow';

/**
 * How a template leads a deadline: `{due}` alone, or `{due:due}` ("due …"), `{due:by}` ("by …"),
 * `{due:ends}` (when something ends: "planned to end …"), `{due:to}` (set to …). Each form has two
 * templates in each catalogue, `due-at.FORM` for a moment and `due-at.FORM-end` for the end of a
 * day, so that each language puts its own words before either ("due by the end of 20 Nov").
 */
export const DEADLINE_FORMS = ['plain', 'due', 'by', 'ends', 'to'] as const;
export type DeadlineForm = (typeof DEADLINE_FORMS)[number];

/** Every phrase code and the names of its parameters. */
export const PHRASES = {
  /** Clauses joined by semicolons, ending with a full stop. */
  sentence: ['clauses'],
  // Heads of an obligation's explanation.
  'head.paren-due': ['what', 'due'],
  'head.due': ['what', 'due'],
  'head.by': ['what', 'due'],
  'head.obligation': ['obligation'],
  // A deadline, by the form its slot asks for: at a moment, or at the end of a day (midnight).
  'due-at.plain': ['at'],
  'due-at.plain-end': ['day'],
  'due-at.due': ['at'],
  'due-at.due-end': ['day'],
  'due-at.by': ['at'],
  'due-at.by-end': ['day'],
  'due-at.ends': ['at'],
  'due-at.ends-end': ['day'],
  'due-at.to': ['at'],
  'due-at.to-end': ['day'],
  'batch.head': ['batch'],
  'batch.head-size': ['batch', 'required'],
  'batch.head-unstated': ['batch'],
  'list.head': ['batch'],
  'list.latest-of': ['shown', 'total', 'items'],
  'release.head-batch': ['batch', 'required'],
  'release.head-batch-unstated': ['batch'],
  'release.head-all': ['required'],
  'release.head-all-unstated': [],
  'release.head-batch-unstated-remains': ['batch'],
  'release.head-all-unstated-remains': [],
  // The same heads where the side hands over remains (core's returnedRemains): returned, not released.
  'release.head-batch-remains': ['batch', 'required'],
  'release.head-all-remains': ['required'],
  'release.for-counted': ['what', 'counted'],
  // What is owed for a handover whose number was not disclosed: not known.
  'release.for-undisclosed': ['what'],
  'release.range-counted': ['what', 'min', 'max', 'counted'],
  'release.for-counted-by-category': ['what', 'counted'],
  'quota.what': ['required', 'line'],
  'quota.what-at-least': ['required', 'line'],
  'quota.for-day': ['what', 'day'],
  'quota.over-phase': ['what'],
  // What the log records about an obligation.
  'record.missed-by': ['actor', 'description'],
  'record.figure-per': ['value', 'source'],
  'record.list-submitted': ['count', 'actor', 'at'],
  'record.handed-over': ['count', 'actor', 'at'],
  'record.handed-over-confirmed': ['count', 'actor', 'at', 'by', 'confirmedAt'],
  'record.handed-over-unconfirmed': ['count', 'actor', 'at'],
  /** In the place of a count: a handover or release recorded with its number not disclosed. */
  'count.undisclosed': [],
  /** A figure recorded as approximate (`uncertain: true` on its event), or a figure that adds one up: "⚠ 250". */
  'figure.approximate': ['value'],
  'count.disclosed-and-undisclosed': ['count'],
  'record.counted-outside': ['count', 'at'],
  'record.counted-outside-remains': ['count', 'at'],
  'record.cumulative': ['counted', 'planned'],
  'verdict.partly-met-plain': [],
  'verdict.partly-met-at-deadline': [],
  'verdict.partly-met-at-against': ['deadline'],
  'verdict.missed': [],
  'verdict.missed-at-deadline': [],
  'verdict.missed-at-against': ['deadline'],
  'verdict.not-recorded-done': [],
  'verdict.undisclosed': [],
  /** A verdict once its phase was recorded as ended: its counter stopped at that end. */
  'verdict.phase-ended': ['verdict', 'at', 'relation'],
  'ended.after': ['by'],
  'ended.after-against': ['by', 'deadline'],
  'ended.before': ['by'],
  'ended.before-against': ['by', 'deadline'],
  'ended.at-deadline': [],
  'ended.at-against': ['deadline'],
  /** A group the agreement puts on a side, named as itself with the side it counts for. */
  'party.on-side': ['party', 'side'],
  'record.released': ['count', 'party', 'at'],
  'record.released-source': ['count', 'party', 'at', 'source'],
  'record.returned': ['count', 'party', 'at'],
  'record.returned-source': ['count', 'party', 'at', 'source'],
  'record.withdrawal': ['zones', 'last'],
  'record.withdrawal-rest': ['zones'],
  'record.exchange-side': ['count', 'from', 'to'],
  'record.recovered': ['count', 'by', 'at'],
  'record.recovered-source': ['count', 'by', 'at', 'source'],
  'record.opened': ['at'],
  'record.opened-closed': ['at', 'closed'],
  'record.opened-closed-reason': ['at', 'closed', 'reason'],
  'record.act': ['act', 'at', 'actor'],
  'record.act-note': ['act', 'at', 'actor', 'note'],
  'record.act-source': ['act', 'at', 'actor', 'source'],
  'record.act-source-note': ['act', 'at', 'actor', 'source', 'note'],
  'record.blocked': ['at', 'reason', 'actor'],
  'record.resumed': ['at'],
  'record.around': ['event', 'at', 'actor'],
  'record.around-source': ['event', 'at', 'actor', 'source'],
  'record.recorded-by': ['what', 'actor'],
  'record.not-done': ['items'],
  'record.nothing': [],
  'act.talks-started': [],
  'act.return-started': [],
  'act.reached': [],
  'allegation.unanswered': ['actor', 'description'],
  'clause.no-violation-alleged': [],
  'clause.no-breach-recorded': [],
  // The verdict that ends an obligation's explanation.
  'verdict.met': [],
  'verdict.met-late': ['late'],
  'verdict.not-yet-due': [],
  'verdict.not-yet-due-waits': ['waits'],
  'verdict.on-hold': ['waits'],
  'verdict.on-hold-condition': [],
  'verdict.superseded': [],
  'verdict.superseded-ended': ['at'],
  'verdict.superseded-ended-reason': ['at', 'reason'],
  'verdict.partly-met': ['overdue'],
  'verdict.partly-met-day': [],
  'verdict.not-done': [],
  'verdict.nothing-recorded-overdue': ['overdue'],
  'verdict.missed-overdue': ['overdue'],
  'verdict.disputed': [],
  'verdict.no-figure': [],
  'verdict.undisclosed-past': ['past'],
  'verdict.undisclosed-by-deadline': [],
  'verdict.undisclosed-against': ['past', 'deadline'],
  'verdict.nothing-recorded-past': ['past'],
  'verdict.not-recorded-done-past': ['past'],
  'verdict.nothing-recorded-by-deadline': [],
  'verdict.not-recorded-done-by-deadline': [],
  // The same verdicts against a deadline the agreement does not state firmly (`deadline`: a
  // `deadline.*` phrase that carries the ⚠).
  'verdict.met-late-against': ['late', 'deadline'],
  'verdict.partly-met-against': ['overdue', 'deadline'],
  'verdict.missed-against': ['overdue', 'deadline'],
  'verdict.nothing-recorded-against': ['past', 'deadline'],
  'verdict.not-recorded-done-against': ['past', 'deadline'],
  'deadline.derived': [],
  'deadline.uncertain': [],
  // Why a deadline in force is later than the plan's.
  'moved.handover': ['late', 'planned', 'batch'],
  'moved.condition': ['late', 'planned', 'provision'],
  'moved.extension': ['late', 'planned', 'at'],
  'moved.phase-start': ['late', 'planned', 'at'],
  'moved.deadline-extended': ['late', 'planned', 'at'],
  'moved.deadline-extended-after': ['late', 'planned', 'at'],
  'verdict.dated-fact': [],
  // A crossing's opening for which no date was agreed.
  'undated.head': ['obligation', 'met'],
  'undated.met': ['at'],
  'undated.disputed': ['at'],
  'undated.nothing': [],
  'flows.agreed': ['readings'],
  'flows.reading': ['flows'],
  'flows.reading-or': ['flows'],
  'flow.out': ['value'],
  'flow.in': ['value'],
  'throughput.out-range': ['value', 'from', 'to', 'source'],
  'throughput.in-range': ['value', 'from', 'to', 'source'],
  'throughput.out-day': ['value', 'day', 'source'],
  'throughput.in-day': ['value', 'day', 'source'],
  // What a conditional term waits for.
  'waits.text-named': ['provision', 'text'],
  'waits.text-named-category': ['provision', 'category', 'text'],
  'waits.complete': ['provision'],
  'waits.complete-category': ['provision', 'category'],
  'waits.never-complete': ['what'],
  'waits.handover': ['batch'],
  // Both sides of a dispute.
  disputes: ['items'],
  dispute: ['recorded', 'against'],
  'dispute.of-allegation': ['alleged', 'against'],
  'dispute.alleged': ['actor', 'allegation'],
  'dispute.alleged-source': ['actor', 'source', 'allegation'],
  'dispute.recorded': ['actor', 'figure'],
  'dispute.recorded-it': ['actor'],
  'dispute.recorded-source': ['actor', 'source', 'figure'],
  'dispute.recorded-source-it': ['actor', 'source'],
  'dispute.against': ['actor', 'reason'],
  'dispute.against-figure': ['actor', 'figure', 'reason'],
  'reason.sources-differ': ['quota'],
  'reason.confirmed-otherwise': ['actor', 'confirmed', 'claimed'],
  // Measures recorded beside an obligation.
  'measures.recorded': ['items'],
  'provision.measures': ['items'],
  'measure.postponed': [],
  'measure.suspended': [],
  'measure.capped': [],
  'measure.clause': ['what', 'span'],
  'measure.clause-reason': ['what', 'span', 'reason'],
  'measure.cap': ['what', 'cap', 'span'],
  'measure.cap-reason': ['what', 'cap', 'span', 'reason'],
  'span.from': ['from'],
  'span.range': ['from', 'until'],
  // A provision.
  'provision.not-kept': ['items'],
  'provision.not-kept-item': ['description', 'actor', 'at'],
  /** Breaches on record against a term: acknowledged by the accused, or found by a mediator (breach-words.ts). */
  'provision.breaches': ['items'],
  'record.breaches': ['items'],
  'breach.found': ['actor', 'against', 'count', 'at'],
  'breach.acknowledged': ['actor', 'against', 'count', 'at'],
  'provision.allegations': ['count', 'disputes'],
  'provision.not-answered': ['count', 'items'],
  'provision.alleged-before-start': ['count'],
  'provision.phase-not-started': [],
  'provision.no-violation-so-far': ['provision'],
  'provision.no-violation-ended': ['provision', 'at'],
  /** The provision that waits is named: read apart from its line, the sentence still says what waits on what. */
  'provision.waits': ['provision', 'waits'],
  'provision.waits-recorded': ['provision', 'waits', 'items'],
  'provision.phase-not-started-recorded': ['items'],
  'provision.undated-met': ['items'],
  'provision.undated-disputed': ['items', 'disputes'],
  'provision.undated-nothing': [],
  'provision.undated-nothing-ended': ['at'],
  'provision.undated-not-done': ['items'],
  'provision.undated-not-done-ended': ['items', 'at'],
  'provision.exchange-complete': ['items'],
  'provision.summary': ['count', 'statuses'],
  'provision.more': ['count'],
  'provision.alleged-disputed': ['disputes'],
  'provision.dated-fact': ['items'],
  'dated-fact.item': ['what', 'date'],
  'dated-fact.day': ['day'],
  'dated-fact.line': ['what'],
  'status.count': ['count', 'status'],
  // The ratio of an exchange.
  ratio: ['released', 'by', 'relation', 'rule', 'from'],
  /** The ratio where the side that answers the count hands over remains: `released` is what it returned. */
  'ratio.remains': ['released', 'by', 'relation', 'rule', 'from'],
  'ratio.outside': ['count'],
  'ratio.outside-remains': ['count'],
  'ratio.stated-total': ['byRatio', 'stated'],
  'ratio.stated-total-only': ['stated'],
  /** What a ratio's shortfall is: under way (deadlines still to come), or final (with the ⚠ of a derived or uncertain deadline). */
  'ratio.under-way': ['released', 'expected'],
  'ratio.undisclosed': ['by', 'from'],
  'ratio.short': [],
  'ratio.short-against': ['deadline'],
  'stated.source': ['value', 'source'],
  'stated.uncertain': ['value'],
  'relation.equal': [],
  'relation.within': [],
  'relation.fewer': [],
  'relation.more': [],
  'rule.single': ['ratio', 'counted'],
  'rule.range': ['low', 'high', 'counted'],
  'rule.by-category': ['owed', 'counted'],
  'rule.by-category-range': ['low', 'high', 'counted'],
  // Phases and extensions.
  'phase.started': ['at'],
  'phase.no-start': [],
  'phase.late-start': ['late', 'planned'],
  'phase.extended': ['days'],
  'phase.planned-end': ['at'],
  'phase.ended': ['at'],
  'phase.ended-reason': ['at', 'reason'],
  'extension.agreed': ['days', 'at'],
  'extension.agreed-releases': ['days', 'at', 'releases'],
  'extension.pause': ['zone', 'statuses'],
  'extension.batch': ['batches', 'statuses'],
  'extension.batches': ['batches', 'statuses'],
  'extension.provision': ['provision', 'statuses'],
  'extension.phase': ['phase', 'end', 'statuses'],
  'extension.phase-terms': ['phase', 'end'],
  'extension.phase-moved-again': ['phase', 'end'],
  'extension.nothing-due': [],
  'extension.no-rule': [],
  // ---- Plan lines and comparison terms (from h5's src/core/lines). Optional parts of a line are
  // parameters too: a nested phrase, or `none` when the part is absent, so that every template
  // uses every parameter.
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
  'plan.release-batch': ['batch', 'amount', 'categories', 'to', 'through', 'depending', 'order', 'after'],
  'plan.release-all': ['amount', 'parts', 'to', 'through', 'after'],
  // The same lines where the side hands over remains: returned, not released.
  'plan.hand-over-remains': ['batch', 'amount', 'mix', 'to', 'through', 'window', 'when', 'extension'],
  'plan.return-batch': ['batch', 'amount', 'categories', 'to', 'through', 'depending', 'order', 'after'],
  'plan.return-all': ['amount', 'parts', 'to', 'through', 'after'],
  'plan.before-start': ['line'],
  'plan.beside-stated-total': ['line', 'beside'],
  'plan.by-ratio-in-all': ['planned', 'stated'],
  'plan.planned-in-all': ['planned', 'stated'],
  'plan.standing': ['text', 'limits'],
  // Parts of plan lines.
  'part.part-of': ['whole'],
  'part.source': ['source'],
  'part.through': ['place'],
  // The recipient of the counterpart's releases (returns), in the words the pace-setting side's line uses.
  'part.release-to': ['party'],
  'part.return-to': ['party'],
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
  'part.limit-none-in': ['activity', 'zone'],
  'part.limit-windows-in': ['activity', 'zone', 'windows'],
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
  /** The side of an exchange whose every category is remains, in every text compared. */
  'term.returned-by': ['name', 'parties'],
  /** The side hands over remains in one text compared and the living in the other. */
  'term.released-or-returned-by': ['name', 'parties'],
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
  'series.ship': ['party'],
  'series.crossing-in': ['unit', 'party'],
  'series.crossing-out': ['unit', 'party'],
  // h8: notes of an evaluation and what a set of figures counts (issue 12: core writes no English for readers).
  // An English sentence of the planner quoted, as statuses kept from before its notes were phrases have it.
  'note.plan': ['text'],
  // Notes of the planner: what it assumed, and what it could not place.
  'plan.note.no-start': [],
  'plan.note.open-phase': ['provision', 'phase'],
  'plan.note.circular': ['provision'],
  'plan.note.waits-mix-unknown': ['provision', 'on'],
  'plan.note.waits-window': ['provision', 'on'],
  'plan.note.waits-never': ['provision', 'on'],
  'plan.note.waits-no-day-left': ['provision', 'on', 'day', 'phase'],
  'plan.note.categories-in-order': ['provision', 'categories'],
  'plan.note.no-batch-no-length': ['provision'],
  'plan.note.no-batch-no-cadence': ['provision'],
  'plan.note.batch-waits': ['provision', 'batch', 'on'],
  'plan.note.waited-on-part': ['provision', 'part'],
  'note.extension-zone-unplaced': ['days', 'zone', 'at'],
  'note.extension-phase-unplaced': ['days', 'phase', 'at'],
  'note.extensions-unplanned': ['reason'],
  'note.no-batch': ['event'],
  'figure.on-day': ['what', 'day'],
  'figure.over-period': ['what', 'from', 'to'],
  'figure.to': ['what', 'destination'],
} as const satisfies Record<string, readonly string[]>;

export type PhraseCode = keyof typeof PHRASES;

export type ParamsOf<C extends PhraseCode> = { [K in (typeof PHRASES)[C][number]]: Arg };

/** A code and its parameters: what an edge turns into words in the reader's language. */
export type Phrase<C extends PhraseCode = PhraseCode> = C extends PhraseCode
  ? { code: C; params: ParamsOf<C> }
  : never;

/** An explanation: phrases an edge words one after the other, as sentences. */
export type Explanation = Phrase[];

export const PHRASE_CODES = Object.keys(PHRASES) as PhraseCode[];

export function phrase<C extends PhraseCode>(
  code: C,
  ...params: [] extends (typeof PHRASES)[C] ? [] : [ParamsOf<C>]
): Phrase<C> {
  return { code, params: (params[0] ?? {}) as ParamsOf<C> } as Phrase<C>;
}

export const num = (value: number): Arg => ({ type: 'number', value });
export const qty = (value: number, unit: string, from?: number): Arg =>
  from === undefined ? { type: 'quantity', value, unit } : { type: 'quantity', value, unit, from };
/** A figure with the ⚠ of an approximate record it rests on, when it rests on one ("⚠ 250"). */
export const approx = (value: Arg, uncertain: boolean | undefined): Arg =>
  uncertain ? phrase('figure.approximate', { value }) : value;
export const moment = (at: number, zone: string): Arg => ({ type: 'moment', at, zone });
/** A deadline: a moment, or the end of the day before when it falls at midnight. */
export const deadline = (at: number, zone: string): Arg => ({ type: 'deadline', at, zone });
export const minutes = (m: number): Arg => ({ type: 'duration', minutes: m });
export const quote = (text: string): Arg => ({ type: 'quote', text });
export const list = (items: Arg[], sep: Separator = 'semicolon'): Arg => ({
  type: 'list',
  items,
  sep,
});
/** Clauses joined by semicolons and ended with a full stop. */
export const sentence = (clauses: Arg[]): Phrase<'sentence'> =>
  phrase('sentence', { clauses: list(clauses) });

// Helpers of plan lines and comparison terms.
/** An absent optional part. */
export const NONE: Phrase<'none'> = { code: 'none', params: {} };
export const time = (t: string): Arg => ({ type: 'time', time: t });
export const text = (t: LocalizedText): Arg => ({ type: 'text', text: t });
export const party = (id: string): Arg => ({ type: 'party', id });
export const place = (id: string): Arg => ({ type: 'place', id });
export const provisionRef = (id: string): Arg => ({ type: 'provision', id });
export const phaseRef = (id: string): Arg => ({ type: 'phase', id });
export const category = (id: string, provision?: string): Arg => ({
  type: 'category',
  id,
  ...(provision ? { provision } : {}),
});
export const word = (vocabulary: Vocabulary, id: string): Arg => ({ type: 'word', vocabulary, id });
/** Items joined by commas. */
export const commas = (items: Arg[]): Arg => list(items, 'comma');
/** An optional part: the line when present, else `none`. */
export const optional = (present: unknown, make: () => Phrase): Phrase =>
  present === undefined || present === null || present === false || present === '' ? NONE : make();
