import type { SignedEvent } from '../ledger/event.ts';
import type { Obligation } from '../plan/types.ts';

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
  | 'unrecorded';

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
}

/** Two sides of a disputed record: what was recorded and what is said against it. */
export interface Dispute {
  /** The disputed event. */
  of: string;
  recorded: { actor: string; figure?: number; source?: string };
  disputedBy: { actor: string; figure?: number; reason: string; evidence: string };
}

export interface ObligationStatus {
  obligation: Obligation;
  status: Status;
  /** Deadline in force, ISO with the agreement's offset (may move with a condition or extension). */
  due: string | null;
  /** How much was required and how much was done, when the obligation is a quantity. */
  required?: number;
  done?: number;
  /** When it was complete, for met and met-late. */
  completedAt?: string;
  /** Met late by, or overdue by, in minutes. */
  lateMinutes?: number;
  overdueMinutes?: number;
  /** True when the status rests on the absence of any record. */
  noRecord?: boolean;
  figures?: Figure[];
  disputes?: Dispute[];
  evidence: string[];
  explanation: string;
}

export interface ProvisionStatus {
  provision: string;
  kind: string;
  status: Status;
  /** Number of obligations in each status. */
  counts: Partial<Record<Status, number>>;
  evidence: string[];
  explanation: string;
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
  byCategory: { category: string; counted: number; outside: number }[];
  byBatch: { batch: number; counted: number }[];
  evidence: string[];
}

export interface RatioCheck {
  provision: string;
  expected: number;
  expectedMax?: number;
  released: number;
  holds: boolean;
  explanation: string;
}

export interface PhaseRecord {
  phase: string;
  startedAt: string | null;
  endedAt: string | null;
  reason: string | null;
  plannedEnd: string | null;
  evidence: string[];
  explanation: string;
}

export interface ExtensionRecord {
  phase: string;
  /** The localized pause's zone extended, when one zone and not the phase was extended. */
  zone?: string;
  days: number;
  releases?: number;
  agreedAt: string;
  /** Phase days this extension added. */
  phaseDays: number[];
  status: Status;
  evidence: string[];
  explanation: string;
}

/** Figures from several sources for one thing, kept side by side. */
export interface FigureSet {
  key: string;
  what: string;
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
  /** The reason given when withdrawn or resolved. */
  reason?: string;
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
  notes: string[];
}

export interface EvaluateOptions {
  /** Known counts per exchange category, as for the planner. */
  counts?: Record<string, number>;
}
