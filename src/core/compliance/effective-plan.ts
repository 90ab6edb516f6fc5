import type { Agreement } from '../agreement/types.ts';
import { planAgreement } from '../plan/plan-agreement.ts';
import { PlanError } from '../plan/plan-error.ts';
import { isOpenEnded } from '../plan/timeline.ts';
import type { Obligation, Plan } from '../plan/types.ts';
import { localDate } from '../time/zoned-time.ts';
import { type Arg, moment, type Phrase, phrase, qty, quote } from '../words/phrase.ts';
import type { Entry } from './log-state.ts';
import type { LogView } from './view.ts';

/** One agreed extension, with the phase days it added. */
export interface AgreedExtension {
  entry: Entry;
  phase: string;
  /** The localized pause's zone extended, when it is one zone and not the phase. */
  zone?: string;
  /** The provision whose deadlines alone move by `days`, when it is one provision and not the phase. */
  provision?: string;
  days: number;
  releases?: number;
  /** Phase days (counted from the phase's first day) that this extension added. */
  phaseDays: number[];
  planned: boolean;
}

/** The plan in force at a moment: the agreement extended by the extensions agreed so far. */
export interface EffectivePlan {
  plan: Plan;
  extensions: AgreedExtension[];
  obligations: Obligation[];
  /** The extension that brought each obligation about, by obligation id. */
  createdBy: Map<string, AgreedExtension>;
  notes: Phrase[];
}

/**
 * The pause of `phase` with that zone, as the planner's `PROVISION.ZONE`, and the days it may be
 * extended by; null when the phase has no such zone.
 */
function zoneRule(agreement: Agreement, phase: string, zone: string): { ref: string; max?: number } | null {
  for (const p of agreement.provisions) {
    if (p.kind !== 'localized-pause' || p.phase !== phase) continue;
    const z = p.zones.find((x) => x.id === zone);
    const max = z?.extensionDays ?? p.extensionDays;
    if (z) return { ref: `${p.id}.${z.id}`, ...(max !== undefined ? { max } : {}) };
  }
  return null;
}

/** A phase by its title in the agreement (the id where it gives none). */
function phaseTitle(agreement: Agreement, id: string): Arg {
  const title = agreement.phases.find((p) => p.id === id)?.title;
  return title ? { type: 'text', text: title } : quote(id);
}

function extend(agreement: Agreement, extensions: AgreedExtension[], notes: Phrase[]) {
  const days: Record<string, number> = {};
  for (const x of extensions) {
    if (x.zone !== undefined) {
      const rule = zoneRule(agreement, x.phase, x.zone);
      const next = (rule ? (days[rule.ref] ?? 0) : 0) + x.days;
      if (!rule || rule.max === undefined || next > rule.max) {
        notes.push(
          phrase('note.extension-zone-unplaced', {
            days: qty(x.days, 'day'),
            zone: { type: 'place', id: x.zone },
            at: moment(Date.parse(x.entry.event.occurredAt), agreement.timeZone),
          }),
        );
        continue;
      }
      x.planned = true;
      days[rule.ref] = next;
      continue;
    }
    const phase = agreement.phases.find((p) => p.id === x.phase);
    const unplaced = () =>
      notes.push(
        phrase('note.extension-phase-unplaced', {
          days: qty(x.days, 'day'),
          phase: phaseTitle(agreement, x.phase),
          at: moment(Date.parse(x.entry.event.occurredAt), agreement.timeZone),
        }),
      );
    // One provision's deadlines: moved where they are judged (deadlineInForce); the plan is the same.
    if (x.provision !== undefined) {
      x.planned = agreement.provisions.some((p) => p.id === x.provision && p.phase === x.phase);
      if (!x.planned) unplaced();
      continue;
    }
    const next = (days[x.phase] ?? 0) + x.days;
    const rule = phase?.extension;
    // A phase of fixed length is extended as agreed: by its rule's steps up to its most when it has
    // one (an extension past the rule is not the agreement's), by any number of days when it has
    // none (a renewal the parties agreed to, which the log records).
    const fits =
      phase?.lengthDays !== undefined &&
      (rule === undefined
        ? !isOpenEnded(phase)
        : next % rule.days === 0 && (rule.maxDays === undefined || next <= rule.maxDays));
    if (!fits) {
      unplaced();
      continue;
    }
    const base = (phase.lengthDays ?? 0) + (days[x.phase] ?? 0);
    x.phaseDays = Array.from({ length: x.days }, (_, i) => base + i + 1);
    x.planned = true;
    days[x.phase] = next;
  }
  return days;
}

/** The phase day an obligation belongs to: its batch's handover day for exchange obligations. */
function effectiveDay(o: Obligation, handoverDay: Map<string, number>): number {
  if (o.batch !== undefined) return handoverDay.get(`${o.provision}#${o.batch}`) ?? o.phaseDay;
  return o.phaseDay;
}

const cache = new WeakMap<Agreement, Map<string, Plan>>();

function memoPlan(
  agreement: Agreement,
  days: Record<string, number>,
  counts: Record<string, number> | undefined,
  horizon: string | undefined,
  conditionsMet: Record<string, string> | undefined,
) {
  let byKey = cache.get(agreement);
  if (!byKey) {
    byKey = new Map();
    cache.set(agreement, byKey);
  }
  const key = JSON.stringify([days, counts ?? {}, horizon ?? null, conditionsMet ?? {}]);
  let plan = byKey.get(key);
  if (!plan) {
    plan = planAgreement(agreement, {
      extend: days,
      ...(counts ? { counts } : {}),
      ...(horizon ? { horizon } : {}),
      ...(conditionsMet ? { conditionsMet } : {}),
    });
    byKey.set(key, plan);
  }
  return plan;
}

/**
 * How far an open-ended phase runs under the log: to the day its end was recorded, else to the
 * moment judged. Undefined when no phase is open-ended or the agreement has no start.
 */
function openEndedHorizon(agreement: Agreement, view: LogView): string | undefined {
  const open = agreement.phases.filter(isOpenEnded);
  if (open.length === 0 || !agreement.start) return undefined;
  const ended = view
    .kind('phase.ended')
    .filter((e) => open.some((p) => p.id === (e.event.body as { phase: string }).phase))
    .map((e) => Date.parse(e.event.occurredAt));
  if (ended.length < open.length) {
    // Runs to the moment judged: what is read of it is its day (the plan holds all day long).
    if (view.before(Date.parse(agreement.start))) return undefined;
    return view.localDay();
  }
  const until = Math.max(...ended);
  if (until < Date.parse(agreement.start)) return undefined;
  return localDate(until, agreement.timeZone);
}

/**
 * Plans the agreement with the extensions agreed by the view's moment; `conditionsMet` places the
 * conditional provisions whose condition has no fixed day from the moment the record shows it met.
 */
export function effectivePlan(
  agreement: Agreement,
  view: LogView,
  counts?: Record<string, number>,
  conditionsMet?: Record<string, string>,
): EffectivePlan {
  const notes: Phrase[] = [];
  const extensions: AgreedExtension[] = view.kind('extension.agreed').map((entry) => {
    const body = entry.event.body as {
      phase: string;
      zone?: string;
      provision?: string;
      days: number;
      releases?: number;
    };
    return {
      entry,
      phase: body.phase,
      ...(body.zone !== undefined ? { zone: body.zone } : {}),
      ...(body.provision !== undefined ? { provision: body.provision } : {}),
      days: body.days,
      ...(body.releases !== undefined ? { releases: body.releases } : {}),
      phaseDays: [],
      planned: false,
    };
  });
  const horizon = openEndedHorizon(agreement, view);
  let plan: Plan;
  try {
    plan = memoPlan(agreement, extend(agreement, extensions, notes), counts, horizon, conditionsMet);
  } catch (e) {
    if (!(e instanceof PlanError)) throw e;
    notes.push(phrase('note.extensions-unplanned', { reason: quote(e.message) }));
    for (const x of extensions) x.planned = false;
    plan = memoPlan(agreement, {}, counts, horizon, conditionsMet);
  }
  const obligations = plan.days.flatMap((d) => d.obligations);
  const handoverDay = new Map(
    obligations.filter((o) => o.action === 'hand-over').map((o) => [`${o.provision}#${o.batch}`, o.phaseDay]),
  );
  const createdBy = new Map<string, AgreedExtension>();
  for (const o of obligations) {
    const day = effectiveDay(o, handoverDay);
    const x =
      o.extension && o.destination !== undefined
        ? extensions.find((x) => x.planned && x.zone === o.destination)
        : extensions.find(
            (x) =>
              x.zone === undefined &&
              x.provision === undefined &&
              x.phase === o.phase &&
              x.phaseDays.includes(day),
          );
    if (x) createdBy.set(o.id, x);
  }
  return {
    plan,
    extensions,
    obligations,
    createdBy,
    // The planner's notes as phrases, worded by each edge in its reader's language.
    notes: [...plan.noteLines, ...notes],
  };
}
