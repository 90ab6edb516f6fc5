import type { ProvisionKind } from '../agreement/types.ts';
import type { Phrase } from '../words/phrase.ts';

/** What an obligation asks a party to do. */
export type Action =
  | 'submit-list'
  | 'hand-over'
  | 'release'
  | 'admit-aid'
  | 'deliver-extra'
  | 'withdraw'
  | 'allow-return'
  | 'open-crossing'
  | 'evacuate'
  | 'pause'
  | 'negotiate'
  | 'let-cross'
  | 'reach-milestone';

export type Unit =
  | 'person'
  | 'remains'
  | 'truck'
  | 'litre'
  | 'patient'
  | 'companion'
  | 'resident'
  | 'tent'
  | 'home'
  | 'ship'
  | 'zone';

/** A value of a term as one source states it; several when sources disagree. */
export interface StatedValue {
  value: number;
  source?: string;
  note?: string;
  uncertain?: boolean;
}

/** One thing a party must do by a deadline. Days count from the agreement's start (day 1). */
export interface Obligation {
  /** Stable id: `<provision>/<action>/<phase day>[/<part>]`. */
  id: string;
  provision: string;
  kind: ProvisionKind;
  action: Action;
  party: string;
  to?: string;
  quantity?: number;
  /** Upper bound when the quantity depends on something not yet known (e.g. the category mix). */
  quantityMax?: number;
  /** The quantity is a floor ("at least"). */
  atLeast?: boolean;
  unit?: Unit;
  category?: string;
  destination?: string;
  /** The quota this one is a part of (50 fuel trucks of the 600), so sums do not count it twice. */
  partOf?: string;
  /** Persons per category in an exchange batch, when the category mix is known. */
  mix?: { category: string; count: number }[];
  /** The categories a batch is stated to hold, when their counts are not stated. */
  batchCategories?: string[];
  /** Batch number within the provision, for exchanges. */
  batch?: number;
  day: number;
  phase: string;
  phaseDay: number;
  date: string | null;
  /** Deadline as ISO 8601 with the agreement's offset; null when the agreement has no start date. */
  due: string | null;
  window?: { from: string; to: string };
  /** Why this obligation waits for something else (a condition, an earlier handover). */
  condition?: string;
  /** Hours this obligation was moved by a what-if delay. */
  delayedHours?: number;
  /** Comes from the extension rule, not the original term. */
  extension?: boolean;
  /** A window: the quantity is due cumulatively by `due`, any day before it; judged only then. */
  byDeadline?: boolean;
  /** When the window opens (ISO) and the agreement day it opens on. */
  opens?: string | null;
  opensDay?: number;
  /**
   * A deadline the agreement does not state firmly: `derived` when the plan derived it (a release
   * "after the handover" is due by its batch's deadline: the agreement gives none of its own),
   * `uncertain` when the term it comes from is marked uncertain. Whatever rests on it (late by,
   * overdue by) carries the ⚠.
   */
  deadline?: 'derived' | 'uncertain';
  /**
   * Deadline counted from another term ("72 h after withdrawal-yellow-line"): moves with it.
   * `days` when the agreement counts it in whole days ("within 60 days"): said so, not in hours.
   */
  relativeTo?: { provision?: string; phase?: string; edge?: 'start' | 'end'; hours: number; days?: number };
  /** Falls on a day past the stated length of an open-ended phase (planned up to the horizon). */
  openEnded?: boolean;
  /** Direction of a crossing flow: out of the area or into it. */
  direction?: 'out' | 'in';
  /**
   * The agreement gives no date for it: it is placed on the day the record shows its condition met
   * (`conditionMetAt`), with no deadline (`due` is null), so it can be unrecorded but never late.
   */
  noAgreedDate?: boolean;
  /** When the record shows the condition it waited for met (ISO), for an obligation placed from the record. */
  conditionMetAt?: string;
  /** The values sources state for the quantity, when they disagree (quantity..quantityMax). */
  figures?: StatedValue[];
  uncertain?: boolean;
  /** What the obligation asks, as a code and parameters: each edge words it in the reader's language. */
  line: Phrase;
  /**
   * Deprecated: the line in English, kept for readers of the JSON written before `line`. Every
   * surface a person reads renders `line` in their language instead.
   */
  description: string;
}

/** An obligation that holds over a span of days rather than on one day. */
export interface StandingObligation {
  provision: string;
  kind: ProvisionKind;
  parties: string[];
  fromDay: number | null;
  toDay: number | null;
  /** The span has no fixed end: it runs until something ends it. */
  openEnded?: boolean;
  uncertain?: boolean;
  /** What holds, as a code and parameters (see Obligation.line). */
  line: Phrase;
  /** Deprecated: the line in English (see Obligation.description). */
  description: string;
}

/** A share of a window drawn on the calendar to picture it: never an obligation, never judged. */
export interface IndicativeShare {
  provision: string;
  batch: number;
  party: string;
  quantity: number;
  unit: Unit;
  day: number;
  date: string | null;
}

/**
 * A date a term states that obliges no party (an authorization until a date): drawn on the
 * calendar, never an obligation, never judged.
 */
export interface DatedFact {
  provision: string;
  kind: ProvisionKind;
  day: number;
  date: string | null;
  phase: string;
  uncertain?: boolean;
  description: string;
}

/** A provision the plan cannot place yet, and what it waits on. */
export interface Waiting {
  provision: string;
  on: { provision: string; categories?: string[]; group?: string; phase?: string };
  /**
   * mix-unknown: the batches do not say who is in them; window: what it waits on is due any day up
   * to a deadline, so its day is not known.
   */
  reason: 'mix-unknown' | 'window' | 'never-completes' | 'open-phase' | 'circular';
  text?: string;
  /** The waiting provision is one the agreement marks uncertain. */
  uncertain?: boolean;
}

/**
 * A conditional provision whose condition is due any day up to a deadline, placed from the day the
 * record shows it met (`date`, in the agreement's zone): what it waited on, as `Waiting.on`.
 */
export interface PlacedOnRecord {
  provision: string;
  on: Waiting['on'];
  date: string;
}

/** A figure the agreement states for a whole side of an exchange, beside what the plan gives. */
export interface StatedTotal {
  provision: string;
  party: string;
  unit: Unit;
  stated: StatedValue[];
  /** What the plan's batches and ratios add up to, when they give a number. */
  planned?: { quantity: number; quantityMax?: number };
}

export interface PlanPhase {
  id: string;
  /** Agreement day of the phase's first day, or null when it cannot be placed (follows an open phase). */
  startDay: number | null;
  endDay: number | null;
  lengthDays: number | null;
  extendedBy: number;
  startDate: string | null;
  endDate: string | null;
  /**
   * When the phase starts (ISO, with offset): the agreement's start for a phase of day 1, the
   * instant a `{at}` start gives, the end of the phase it follows, else the first instant of its
   * first day; null when the plan cannot place it on a calendar.
   */
  startAt: string | null;
  /** Whether the agreement gives the hour of that start (day 1 of a dated agreement, or `{at}`). */
  startExact: boolean;
  /**
   * When a phase of fixed length ends: its length in days after its start, at the same local time
   * (a four-day pause from 07:00 ends at 07:00 on its fifth day); null when open-ended or unplaced.
   */
  endAt: string | null;
  /** No fixed end ("as long as talks go on", or no length stated): planned up to the horizon. */
  openEnded: boolean;
  /** For an open-ended phase: the last agreement day planned (the horizon), else null. */
  plannedTo: number | null;
  plannedToDate: string | null;
  /** The agreement marks the phase uncertain (its start or length is not confirmed). */
  uncertain?: boolean;
}

export interface PlanDay {
  day: number;
  date: string | null;
  /** The phase the day falls in, or null between phases. */
  phase: string | null;
  phaseDay: number | null;
  obligations: Obligation[];
  /** Indicative shares of windows on this day: pictures of a spread, not obligations. */
  indicative: IndicativeShare[];
  /** Dates the terms state that oblige no party, on this day (present only when there are some). */
  dates?: DatedFact[];
}

export interface Total {
  party: string;
  category: string;
  unit: Unit;
  quantity: number;
  quantityMax?: number;
  atLeast?: boolean;
  /**
   * When sources state the daily figure differently: each source's own sum over the days, so that
   * a range of totals says whose each end is. Never added across sources.
   */
  bySource?: { source: string; quantity: number }[];
  /** Some quantity it adds up rests on a term the agreement marks uncertain. */
  uncertain?: boolean;
}

export interface Plan {
  agreement: string;
  version: string | number;
  kind: 'agreement' | 'proposal';
  /** The agreement marks the whole text uncertain. */
  uncertain?: boolean;
  timeZone: string;
  start: string | null;
  phases: PlanPhase[];
  days: PlanDay[];
  standing: StandingObligation[];
  totals: Total[];
  /** Quantities the agreement promises but the plan cannot place on the calendar (no cadence stated). */
  unplaced: { provision: string; party: string; unit: Unit }[];
  /**
   * Assumptions the planner made and things it could not place, as codes and parameters (`plan.note.*`
   * phrases): each edge words them in the reader's language.
   */
  noteLines: Phrase[];
  /**
   * Deprecated: `noteLines` in English, naming provisions, phases and categories by their ids, kept
   * for readers of the JSON written before `noteLines`.
   */
  notes: string[];
  /** The last day planned for open-ended phases, and whether it was asked for or the default. */
  horizon: { day: number; date: string | null; from: 'option' | 'default' } | null;
  /** Provisions waiting on something the plan cannot date. */
  waiting: Waiting[];
  /** Provisions waiting on something the plan cannot date, placed from the day the record shows it done. */
  placedOnRecord: PlacedOnRecord[];
  /** Every date a term states that obliges no party, whatever span of days is shown (also on its day). */
  dates: DatedFact[];
  /** Figures stated for whole sides of exchanges, with their sources, beside the plan's. */
  stated: StatedTotal[];
  /** What the whole proposal is conditional on. */
  preconditions: { text: string; source?: string; uncertain?: boolean }[];
}

export interface PlanOptions {
  /**
   * Extra days under an extension rule: phase id → days (or a number for the first extensible
   * phase); or a localized pause's zone id → days (the zones after it move with it).
   */
  extend?: number | Record<string, number>;
  /** Provision id → hours to delay each of its obligations by. */
  delay?: Record<string, number>;
  /** Known counts per exchange category: `<provision>.<category>` → persons. */
  counts?: Record<string, number>;
  /** Start date-time for a proposal that has none (ISO with offset). */
  start?: string;
  /** Last day to plan open-ended phases to: a date (YYYY-MM-DD) or an agreement day. */
  horizon?: string | number;
  /**
   * Provision id → the moment (ISO with offset) the record shows its condition met, for a
   * conditional provision whose condition has no fixed day (it waits on a window): placed from it.
   */
  conditionsMet?: Record<string, string>;
}
