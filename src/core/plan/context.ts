import type { Agreement, DayRef, Provision } from '../agreement/types.ts';
import { addDays, daysBetween, isoInZone, localDate, localToEpoch } from '../time/zoned-time.ts';
import { namesOf } from '../words/agreement-names.ts';
import { AS_GIVEN } from '../words/explain.ts';
import { kept } from '../words/kept.ts';
import { type Arg, category, commas, type Phrase, phrase, provisionRef } from '../words/phrase.ts';
import { renderPhrase } from '../words/render.ts';
import type {
  DatedFact,
  IndicativeShare,
  Obligation,
  PlacedOnRecord,
  PlanPhase,
  StatedTotal,
  Waiting,
} from './types.ts';

/** What every obligation builder needs: the calendar, the placed phases and the what-ifs. */
export interface PlanContext {
  agreement: Agreement;
  timeZone: string;
  firstDate: string | null;
  /** The agreement's start instant (epoch ms), when it has one. */
  startEpoch: number | null;
  phases: Map<string, PlanPhase>;
  delay: Record<string, number>;
  counts: Record<string, number>;
  /** Extra days of localized pauses' zones, by zone id. */
  zoneExtensions: Map<string, number>;
  /** What the planner assumed and what it could not place, as phrases (see Plan.noteLines). */
  notes: Phrase[];
  unplaced: { provision: string; party: string; unit: 'person' | 'remains' }[];
  indicative: IndicativeShare[];
  waiting: Waiting[];
  placedOnRecord: PlacedOnRecord[];
  stated: StatedTotal[];
  /** Dates stated by terms that oblige no party: on the calendar, not obligations. */
  dated: DatedFact[];
  /** Conditions the record shows met (provision id → ISO moment), from the plan options. */
  conditionsMet: Record<string, string>;
}

/**
 * Where on the calendar: a phase day and an optional local time ('24:00' = end of the day), or an
 * exact instant computed from another term (`at`, epoch ms; `atDay` when there is no calendar).
 */
export interface When {
  phaseDay: number;
  time?: string;
  /** Hours before that moment (list lead times). */
  hoursBefore?: number;
  at?: number;
  atDay?: number;
}

type Fields = Omit<
  Obligation,
  'id' | 'provision' | 'kind' | 'day' | 'phase' | 'phaseDay' | 'date' | 'due' | 'description'
>;

const englishSaid = new WeakMap<Agreement, WeakMap<Phrase, string>>();

/**
 * A line in English with the agreement's English names: the deprecated `description`. A line
 * shared by many obligations (a daily quota) is worded once.
 */
export function englishLine(agreement: Agreement, l: Phrase): string {
  const said = kept(englishSaid, agreement, () => new WeakMap<Phrase, string>());
  return kept(said, l, () => renderPhrase(l, { lang: 'en', names: namesOf(agreement, 'en') }));
}

/**
 * A note of the planner in English, what it names by its id: the deprecated `Plan.notes`, worded
 * as it always was. Every surface a person reads words `noteLines` in their language instead.
 */
export function englishNote(note: Phrase): string {
  return renderPhrase(note, { lang: 'en', names: AS_GIVEN });
}

/** What a provision waits on, as a note names it: "exchange (women)", "exchange (women, children)". */
export function waitedOn(on: Waiting['on']): Arg {
  const provision = provisionRef(on.provision);
  const part = on.group
    ? category(on.group, on.provision)
    : on.categories
      ? commas(on.categories.map((c) => category(c, on.provision)))
      : undefined;
  return part ? phrase('plan.note.waited-on-part', { provision, part }) : provision;
}

/** The obligation with another line (and its English description worded from it). */
export function relined(ctx: PlanContext, o: Obligation, line: Phrase): Obligation {
  return { ...o, line, description: englishLine(ctx.agreement, line) };
}

/** The agreement day a phase day of the provision's phase falls on. */
export function agreementDay(ctx: PlanContext, provision: Provision, phaseDay: number): number {
  return (ctx.phases.get(provision.phase)!.startDay ?? 1) + phaseDay - 1;
}

/** A day reference of a provision as a day of its phase: agreement days are converted. */
export function phaseDayOf(ctx: PlanContext, provision: Provision, ref: DayRef): number {
  if (typeof ref === 'number') return ref;
  return ref.agreementDay - (ctx.phases.get(provision.phase)!.startDay ?? 1) + 1;
}

/** The instant (epoch ms) of a deadline at `when`, before any delay; null without a calendar. */
export function whenEpoch(ctx: PlanContext, provision: Provision, when: When): number | null {
  if (when.at !== undefined) return when.at - (when.hoursBefore ?? 0) * 3_600_000;
  if (!ctx.firstDate) return null;
  const localDay = addDays(ctx.firstDate, agreementDay(ctx, provision, when.phaseDay) - 1);
  const [date0, time] =
    when.time === undefined || when.time === '24:00'
      ? [addDays(localDay, 1), '00:00']
      : [localDay, when.time];
  return localToEpoch(date0, time, ctx.timeZone) - (when.hoursBefore ?? 0) * 3_600_000;
}

/** What is owed day by day (a quota, a flow, a pause of that day): a day past is not owed later. */
export const DAILY: ReadonlySet<string> = new Set(['admit-aid', 'evacuate', 'let-cross', 'pause']);

/** Builds an obligation of `provision` at `when`, applying any what-if delay for that provision. */
export function obligation(
  ctx: PlanContext,
  provision: Provision,
  when: When,
  fields: Fields,
  part?: string,
): Obligation {
  const phase = ctx.phases.get(provision.phase)!;
  const startDay = phase.startDay ?? 1;
  let day = when.atDay ?? agreementDay(ctx, provision, when.phaseDay);
  let date: string | null = null;
  let due: string | null = null;
  const delayHours = ctx.delay[provision.id] ?? 0;
  const base = whenEpoch(ctx, provision, when);
  if (ctx.firstDate && base !== null) {
    const epoch = base + delayHours * 3_600_000;
    due = isoInZone(epoch, ctx.timeZone);
    // A deadline at 00:00 closes the day before it. A deadline before the agreement's start stays
    // there (a list due the evening before day 1): its day is 0 or earlier.
    date = localDate(epoch - 1, ctx.timeZone);
    day = daysBetween(ctx.firstDate, date) + 1;
  } else {
    day = day + Math.floor((delayHours - (when.hoursBefore ?? 0)) / 24);
  }
  const phaseDay = day - startDay + 1;
  const id = [provision.id, fields.action, when.phaseDay, part].filter((x) => x !== undefined).join('/');
  // Only the terms that recur day after day run on into the open end of a phase.
  const openEnded =
    DAILY.has(fields.action) && phase.openEnded && (phase.lengthDays === null || phaseDay > phase.lengthDays);
  // A deadline before the agreement's start (a list due the evening before day 1) says so.
  const l: Phrase = day < 1 ? phrase('plan.before-start', { line: fields.line }) : fields.line;
  return {
    id,
    provision: provision.id,
    kind: provision.kind,
    ...fields,
    line: l,
    description: englishLine(ctx.agreement, l),
    day,
    phase: provision.phase,
    phaseDay,
    date,
    due,
    ...(delayHours ? { delayedHours: delayHours } : {}),
    ...(openEnded ? { openEnded: true } : {}),
    ...(provision.uncertain && fields.uncertain === undefined ? { uncertain: true } : {}),
    // A party the agreement marks uncertain: what it must do rests on it, and carries the ⚠ too.
    ...(ctx.agreement.parties.some((x) => x.id === fields.party && x.uncertain === true)
      ? { uncertain: true }
      : {}),
  };
}

/**
 * The last phase day a provision's daily terms run to: its phase's length, the end of `throughPhase`,
 * or the horizon of an open-ended phase. Null when it cannot be placed.
 */
export function phaseLength(ctx: PlanContext, provision: Provision): number | null {
  const own = ctx.phases.get(provision.phase)!;
  const last = provision.throughPhase ? ctx.phases.get(provision.throughPhase) : own;
  if (!last || own.startDay === null) return null;
  const end = last.openEnded ? last.plannedTo : last.endDay;
  if (end === null) return null;
  return end - own.startDay + 1;
}

/** A local deadline of a line: by a time, or by the end of the day. */
export function byTime(t: string | undefined): Phrase {
  return t ? phrase('when.by-time-only', { time: { type: 'time', time: t } }) : phrase('when.end-of-the-day');
}
