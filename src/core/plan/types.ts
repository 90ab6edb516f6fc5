import type { ProvisionKind } from '../agreement/types.ts';

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
  | 'negotiate';

export type Unit = 'person' | 'truck' | 'litre' | 'patient' | 'tent' | 'home' | 'zone';

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
  uncertain?: boolean;
  description: string;
}

/** An obligation that holds over a span of days rather than on one day. */
export interface StandingObligation {
  provision: string;
  kind: ProvisionKind;
  parties: string[];
  fromDay: number | null;
  toDay: number | null;
  uncertain?: boolean;
  description: string;
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
}

export interface PlanDay {
  day: number;
  date: string | null;
  /** The phase the day falls in, or null between phases. */
  phase: string | null;
  phaseDay: number | null;
  obligations: Obligation[];
}

export interface Total {
  party: string;
  category: string;
  unit: Unit;
  quantity: number;
  quantityMax?: number;
  atLeast?: boolean;
}

export interface Plan {
  agreement: string;
  version: string | number;
  kind: 'agreement' | 'proposal';
  timeZone: string;
  start: string | null;
  phases: PlanPhase[];
  days: PlanDay[];
  standing: StandingObligation[];
  totals: Total[];
  /** Quantities the agreement promises but the plan cannot place on the calendar (no cadence stated). */
  unplaced: { provision: string; party: string; unit: Unit }[];
  /** Assumptions the planner made and things it could not place; shown with the plan. */
  notes: string[];
}

export interface PlanOptions {
  /** Extra days under an extension rule: phase id → days (or a number for the first extensible phase). */
  extend?: number | Record<string, number>;
  /** Provision id → hours to delay each of its obligations by. */
  delay?: Record<string, number>;
  /** Known counts per exchange category: `<provision>.<category>` → persons. */
  counts?: Record<string, number>;
  /** Start date-time for a proposal that has none (ISO with offset). */
  start?: string;
}
