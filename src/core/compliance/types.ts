import type { StatedFigure } from '../agreement/figure.ts';
import type { SignedEvent } from '../ledger/event.ts';
import type { DatedFact, Obligation, PlacedOnRecord } from '../plan/types.ts';
import type { Explanation, Phrase } from '../words/phrase.ts';
import type { DeadlineMove } from './deadline-move.ts';

/** Where an obligation or a provision stands at a moment, judged from the log. */
export type Status =
  | 'not-yet-due'
  | 'met'
  | 'met-late'
  | 'partly-met'
  | 'missed'
  | 'disputed'
  | 'suspended'
  | 'superseded'
  /** A quantity (aid, patients) past its day with no figure from any source in the log: unknown, not missed. */
  | 'unrecorded'
  /** A term that states a date and obliges no party (an authorization until a date): never judged. */
  | 'dated-fact';

export const STATUSES: readonly Status[] = [
  'not-yet-due',
  'met',
  'met-late',
  'partly-met',
  'missed',
  'disputed',
  'suspended',
  'superseded',
  'unrecorded',
  'dated-fact',
];

/** An event of the log with the leaf hash that names it (a StoredEntry fits). */
export interface LoggedEvent {
  leafHash: string;
  event: SignedEvent;
}

/** One figure for one thing, with who gave it and the events it rests on. */
export interface Figure {
  quantity: number;
  source: string;
  evidence: string[];
  /** A record summed in it gives its figure as approximate (`uncertain: true`): shown with ⚠. */
  uncertain?: true;
}

/** Two sides of a disputed record: what was recorded and what is said against it. */
export interface Dispute {
  /** The disputed event. */
  of: string;
  recorded: { actor: string; figure?: number; source?: string };
  disputedBy: {
    actor: string;
    figure?: number;
    /** The reason as the disputing side recorded it ('' when the dispute is found, not recorded). */
    reason: string;
    /** The allegation disputed, in the alleging side's words, when the dispute answers one. */
    allegation?: string;
    /**
     * A dispute found from the record rather than recorded: an intermediary confirmed another count
     * (`confirmed-otherwise`), or sources fall on either side of a quota (`sources-differ`, of `quota`).
     */
    found?: 'confirmed-otherwise' | 'sources-differ';
    quota?: number;
    evidence: string;
  };
}

/**
 * A recorded measure that bears on an obligation without being a verdict on it: a postponed batch,
 * a suspension or a cap of aid. From when to when it held (until absent: still in force at the
 * moment judged), what it said, and the events it rests on. Edges word it from these fields.
 */
export interface Measure {
  from: string;
  until?: string;
  /** The party it concerns, when the event names one. */
  party?: string;
  /** The cap per day, for a cap. */
  quantity?: number;
  unit?: string;
  category?: string;
  reason?: string;
  evidence: string[];
}

/** A finding on remains handed over that takes them out of the count (not a hostage, partial remains). */
export interface RemainsFinding {
  finding: 'matches' | 'not-a-hostage' | 'partial-remains-of-returned';
  count: number;
  /** The finding gives its count as approximate (`uncertain: true`). */
  uncertain?: true;
  /** The handover the finding is about, when it names one. */
  handover?: string;
  at: string;
  evidence: string[];
}

/**
 * Why a status reads as it does, as a code an edge words: `no-breach-recorded` for a standing term
 * (a ceasefire, a pause) over which nothing is alleged: unrecorded, since only an act makes a thing met.
 */
export type StatusBasis = 'no-breach-recorded';

/** A crossing's daily flow as the agreement states it: every source's figure. */
export interface CrossingFlow {
  direction: 'out' | 'in';
  people: string;
  perDay: StatedFigure[];
}

/** One throughput figure recorded for a crossing (one event, one source), for a day or a period. */
export interface RecordedThroughput {
  direction: 'out' | 'in';
  from?: string;
  to: string;
  /** People in the figure: the sum of its own parts (patients, companions, residents, people). */
  quantity: number;
  parts: Partial<Record<'patients' | 'companions' | 'residents' | 'people', number>>;
  source: string;
  evidence: string[];
  /** The event gives its figure as approximate (`uncertain: true`): shown with ⚠. */
  uncertain?: true;
}

/** Which figures of an obligation rest on one recorded as approximate (ObligationStatus.approximate). */
export interface Approximate {
  required?: true;
  done?: true;
}

export interface ObligationStatus {
  obligation: Obligation;
  status: Status;
  /** Deadline in force, ISO with the agreement's offset (may move with a condition or extension). */
  due: string | null;
  /** How much was required and how much was done, when the obligation is a quantity. */
  required?: number;
  /** The most that may be required, when what is required is a range (`required` the least). */
  requiredMax?: number;
  done?: number;
  /** When it was complete, for met and met-late. */
  completedAt?: string;
  /** Why the deadline in force is later than the plan's, when it is (a late handover, condition, extension or phase start). */
  moved?: DeadlineMove;
  /** Met late by, or overdue by, in minutes. */
  lateMinutes?: number;
  overdueMinutes?: number;
  /**
   * When its phase was recorded as ended, once the moment is past it: `overdueMinutes` stopped
   * there (how long past the deadline the phase ended; 0 when it ended before it).
   */
  overdueUntil?: string;
  /** True when the status rests on the absence of any record. */
  noRecord?: boolean;
  /**
   * Unrecorded because a handover or release it rests on was recorded with its number not
   * disclosed: `done`, when present, is only what was disclosed.
   */
  undisclosed?: true;
  figures?: Figure[];
  disputes?: Dispute[];
  /** Postponements of its batch, suspensions and caps of its aid, recorded over its time. */
  postponed?: Measure[];
  suspended?: Measure[];
  capped?: Measure[];
  /** Findings on remains of its handovers; those not `matches` are not counted in `done`. */
  remains?: RemainsFinding[];
  basis?: StatusBasis;
  /**
   * The status rests on a term the agreement leaves uncertain (or sources state differently), or on
   * a figure recorded as approximate (an event's `uncertain: true`): shown with ⚠.
   */
  uncertain?: true;
  /**
   * Which of its figures add up one recorded as approximate (and so make it `uncertain`): `done`
   * (what was recorded done: a source's figure, a handover, a release), `required` (what is owed
   * for an approximate count: a release by the ratio). Absent when every figure it reads is exact.
   */
  approximate?: Approximate;
  /** No date was agreed for it (placed once its condition was met on the record): never late. */
  noAgreedDate?: true;
  /** For a release: the total the agreement states for its side, beside the ratio's figure. */
  statedTotal?: StatedFigure[];
  /** For a crossing: the flows agreed per day, beside the throughput recorded (never added across sources). */
  flows?: CrossingFlow[];
  throughput?: RecordedThroughput[];
  evidence: string[];
  /** Why it reads as it does, as phrase codes with parameters: each edge words it in its reader's language. */
  explanation: Explanation;
}

/** Remains recovered without a handover (`remains.recovered`): never counted as one. */
export interface RecoveredRemains {
  /** Who recovered them: the receiving side or a search team. */
  by: string;
  count: number;
  at: string;
  /** The source the event names, when it names one. */
  source?: string;
  /** The event gives its count as approximate (`uncertain: true`): shown with ⚠. */
  uncertain?: true;
  evidence: string[];
}

export interface ProvisionStatus {
  provision: string;
  kind: string;
  status: Status;
  /** Number of obligations in each status. */
  counts: Partial<Record<Status, number>>;
  /** Every postponement, suspension and cap recorded for the provision (also on its obligations). */
  postponed?: Measure[];
  suspended?: Measure[];
  capped?: Measure[];
  /** Remains recovered by the receiving side or a search team: never counted as a handover. */
  recovered?: RecoveredRemains[];
  /** The provision whose completion it waits for, while its condition is not met on the record. */
  waitsOn?: string;
  /** For a term that obliges no party: the dates it states (status dated-fact). */
  dates?: DatedFact[];
  /** Negotiation events recorded besides talks.started (delegations, rounds, proposals, responses). */
  events?: { kind: string; at: string; evidence: string[] }[];
  /** Statements that the ceasefire is enforced again, for a cessation. */
  enforced?: { by: string; at: string; evidence: string[] }[];
  basis?: StatusBasis;
  /** An obligation of it is unrecorded because a number it rests on was not disclosed. */
  undisclosed?: true;
  /**
   * Its status rests on an uncertain term (of the provision, or of an obligation judged), or on a
   * figure recorded as approximate that an obligation judged counts: shown with ⚠.
   */
  uncertain?: true;
  evidence: string[];
  /** Why it reads as it does, as phrase codes with parameters: each edge words it in its reader's language. */
  explanation: Explanation;
}

/** Persons released in one direction of an exchange, counted under the formula and outside it. */
export interface DirectionTally {
  provision: string;
  from: string;
  to: string;
  counted: number;
  outside: number;
  /** Outside-the-formula persons that the parties agreed to count toward the quota (in `counted`). */
  countedFromOutside: number;
  /**
   * How many handovers (or releases) of this direction were recorded with their number not
   * disclosed: `counted` holds only disclosed numbers, and this says beside it that more happened.
   * Absent when there is none. The same on each batch and day.
   */
  undisclosed?: number;
  /**
   * `counted` adds up a figure recorded as approximate (`uncertain: true` on a handover, its
   * confirmation, a release or a finding on remains): shown with ⚠. Absent when every figure is exact.
   */
  uncertain?: true;
  /** The same for `outside`. */
  outsideUncertain?: true;
  /**
   * Counted by category: each category a record names keeps its figure (a handover's `categories:
   * { "saudi-nationals": 16, … }`); what no record split stays under the side's category ids joined
   * by `+` (those categories together). The rows add up to `counted` (and `outside`).
   */
  byCategory: { category: string; counted: number; outside: number }[];
  byBatch: { batch: number; counted: number; undisclosed?: number; uncertain?: true }[];
  /**
   * What was counted each day, by the day the handovers and releases occurred (in the agreement's
   * time zone), in order: what a chart of what was done draws, whatever day its obligation falls on.
   * A day with only records whose number was not disclosed has `counted: 0` and `undisclosed`.
   */
  byDay: { date: string; counted: number; undisclosed?: number; uncertain?: true }[];
  /** The total the agreement states for this side, each value with its source (absent when none). */
  statedTotal?: StatedFigure[];
  /**
   * What the agreement's figures give for this side in all: its own stated total for the releasing
   * side, the ratio times the other side's total for the counterpart (15 × 28 = 420). Absent when
   * they give no one number.
   */
  byRatio?: number;
  evidence: string[];
}

export interface RatioCheck {
  provision: string;
  expected: number;
  expectedMax?: number;
  released: number;
  /** False too when it is not checked (`undisclosed`): read `undisclosed` first. */
  holds: boolean;
  /**
   * Not checked: a handover or release of the exchange was recorded with its number not disclosed,
   * so neither side's figure is known; `expected` and `released` are what the disclosed numbers give.
   */
  undisclosed?: true;
  /** Either side's figure adds up one recorded as approximate (see DirectionTally): shown with ⚠. */
  uncertain?: true;
  /** More released than the ratio asks, by how many: never a breach (only fewer can be one). */
  surplus?: number;
  /**
   * Fewer than the ratio asks: `under-way` while the exchange's obligations are not all due yet
   * (progress, not a breach), `short` once their deadlines have passed. Absent when it holds or more.
   */
  shortfall?: 'under-way' | 'short';
  /** The shortfall in words, as a phrase code ("ratio not yet reached: 45 of 195…", "ratio does not hold, past the derived deadline ⚠"). */
  verdict?: Phrase;
  /** The total the agreement states for the releasing side, beside the ratio's figure (never in its place). */
  statedTotal?: StatedFigure[];
  /** The ratio times the other side's total, for the whole exchange (15 × 28 = 420). */
  byRatio?: number;
  /** Why it reads as it does, as phrase codes with parameters: each edge words it in its reader's language. */
  explanation: Explanation;
}

export interface PhaseRecord {
  phase: string;
  startedAt: string | null;
  endedAt: string | null;
  reason: string | null;
  /** When the plan places its start (null when the agreement has no calendar or it waits on an event). */
  plannedStart?: string | null;
  /** A recorded start after the planned one: a finding, in minutes late. */
  lateStartMinutes?: number;
  plannedEnd: string | null;
  evidence: string[];
  /** Why it reads as it does, as phrase codes with parameters: each edge words it in its reader's language. */
  explanation: Explanation;
}

export interface ExtensionRecord {
  phase: string;
  /** The localized pause's zone extended, when one zone and not the phase was extended. */
  zone?: string;
  /** The provision whose deadlines alone moved (each `days` later), when not the phase was extended. */
  provision?: string;
  days: number;
  releases?: number;
  agreedAt: string;
  /** Phase days this extension added. */
  phaseDays: number[];
  status: Status;
  evidence: string[];
  /** Why it reads as it does, as phrase codes with parameters: each edge words it in its reader's language. */
  explanation: Explanation;
}

/** Figures from several sources for one thing, kept side by side. */
export interface FigureSet {
  key: string;
  /** What the figures count and when ("trucks to north on 25 Nov"), as a phrase each edge words. */
  what: Phrase;
  /** The provision the figures count toward, when they name one. */
  provision?: string;
  /** The days the figures cover: one day, or a period (`from` before `to`) never spread over its days. */
  from: string;
  to: string;
  unit: string;
  /** The quota line or category the figures name, when they name one. */
  category?: string;
  /** The place the figures count deliveries to, when they name one (a figure for the north only). */
  destination?: string;
  figures: Figure[];
  conflicting: boolean;
}

export interface Allegation {
  provision: string | null;
  against: string;
  by: string;
  at: string;
  description: string;
  /**
   * open: nobody answered it (the alleging side's claim); disputed: the accused recorded a dispute;
   * acknowledged by the accused; withdrawn by the side that made it; resolved by a mediator.
   */
  state: 'open' | 'disputed' | 'acknowledged' | 'withdrawn' | 'resolved';
  /** A mediator's finding, when resolved. */
  finding?: 'breach' | 'no-breach';
  /** The reason of the answer that gave it its state (withdrawn, resolved, acknowledged, disputed). */
  reason?: string;
  /** The source the allegation names, when it names one. */
  source?: string;
  /** The answer that gave it its state: who recorded it, and the source it names when it names one. */
  answer?: { by: string; source?: string };
  /** Casualty figures as the allegation gives them, one per source, never summed. */
  casualties?: { killed?: number; injured?: number; source: string }[];
  evidence: string[];
}

export interface Evaluation {
  agreement: string;
  asOf: string;
  /** Events taken into account (those that occurred by asOf). */
  events: number;
  phases: PhaseRecord[];
  extensions: ExtensionRecord[];
  provisions: ProvisionStatus[];
  obligations: ObligationStatus[];
  exchanges: { directions: DirectionTally[]; ratios: RatioCheck[] };
  figures: FigureSet[];
  allegations: Allegation[];
  /** Dates the terms state that oblige no party: on the timeline, never judged, never counted as obligations. */
  dates: DatedFact[];
  /** Conditional provisions the plan could not date, placed from the day the record shows their condition met. */
  placedOnRecord: PlacedOnRecord[];
  /** What a reader should know about how the log was read (an event no batch has, an extension not placed), as phrases. */
  notes: Explanation;
}

export interface EvaluateOptions {
  /** Known counts per exchange category, as for the planner. */
  counts?: Record<string, number>;
}
