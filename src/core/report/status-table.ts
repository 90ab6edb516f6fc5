import type { Evaluation, ObligationStatus, ProvisionStatus, Status } from '../compliance/types.ts';
import type { Explanation } from '../words/phrase.ts';
import type { Cell, Column } from './table.ts';

/** A row of the status table: a provision or one of its obligations, as judged at `asOf`. */
export type StatusRow = (
  | { level: 'provision'; asOf: string; provision: ProvisionStatus }
  | { level: 'obligation'; asOf: string; obligation: ObligationStatus }
) & {
  /** The explanation in words of the reader's language. */
  explanation: string;
  /** For an obligation: its plan line in words of the reader's language. */
  what?: string;
};

/**
 * The rows of an evaluation: each provision, followed by its obligations in the order of the plan,
 * with their plan lines and explanations worded by `say`.
 */
export function statusRows(ev: Evaluation, say: (e: Explanation) => string): StatusRow[] {
  const rows: StatusRow[] = [];
  const byProvision = new Map<string, ObligationStatus[]>();
  for (const o of ev.obligations) {
    const list = byProvision.get(o.obligation.provision) ?? [];
    list.push(o);
    byProvision.set(o.obligation.provision, list);
  }
  for (const p of ev.provisions) {
    rows.push({ level: 'provision', asOf: ev.asOf, provision: p, explanation: say(p.explanation) });
    for (const o of byProvision.get(p.provision) ?? []) rows.push(obligationRow(ev, o, say));
    byProvision.delete(p.provision);
  }
  // Obligations of a provision the evaluation does not list on its own (none today) still appear.
  for (const list of byProvision.values()) for (const o of list) rows.push(obligationRow(ev, o, say));
  return rows;
}

function obligationRow(ev: Evaluation, o: ObligationStatus, say: (e: Explanation) => string): StatusRow {
  return {
    level: 'obligation',
    asOf: ev.asOf,
    obligation: o,
    explanation: say(o.explanation),
    what: say([o.obligation.line]),
  };
}

const ofObligation =
  (get: (o: ObligationStatus) => Cell | undefined) =>
  (r: StatusRow): Cell =>
    r.level === 'obligation' ? (get(r.obligation) ?? null) : null;

const counts = (c: Partial<Record<Status, number>>) =>
  Object.entries(c)
    .map(([status, n]) => `${status} ${n}`)
    .join(', ');

/** The status of every provision and obligation as a table: the API's status exports write it. */
export const STATUS_COLUMNS: readonly Column<StatusRow>[] = [
  {
    name: 'as_of',
    hxl: '#date+reported',
    description: "The moment judged, with the agreement's offset.",
    value: (r) => r.asOf,
  },
  {
    name: 'level',
    hxl: '#meta+level',
    description: 'provision, or obligation (one thing a party must do by a deadline).',
    value: (r) => r.level,
  },
  {
    name: 'provision',
    hxl: '#activity+code',
    description: 'Provision of the agreement.',
    value: (r) => (r.level === 'provision' ? r.provision.provision : r.obligation.obligation.provision),
  },
  {
    name: 'obligation',
    hxl: '#activity+code+obligation',
    description: 'Obligation id: provision/action/phase day[/part].',
    value: ofObligation((o) => o.obligation.id),
  },
  {
    name: 'kind',
    hxl: '#activity+type',
    description: 'Kind of provision (exchange, aid, withdrawal…).',
    value: (r) => (r.level === 'provision' ? r.provision.kind : r.obligation.obligation.kind),
  },
  {
    name: 'action',
    hxl: '#activity+type+action',
    description: 'What the obligation asks (submit-list, hand-over, release, admit-aid…).',
    value: ofObligation((o) => o.obligation.action),
  },
  {
    name: 'party',
    hxl: '#group+code',
    description: 'The party the obligation falls on.',
    value: ofObligation((o) => o.obligation.party),
  },
  {
    name: 'day',
    hxl: '#meta+day+num',
    description: 'Day of the agreement (day 1 is its first day).',
    value: ofObligation((o) => o.obligation.day),
  },
  {
    name: 'date',
    hxl: '#date',
    description: "The obligation's day, in the agreement's time zone.",
    value: ofObligation((o) => o.obligation.date),
  },
  {
    name: 'due',
    hxl: '#date+end',
    description: 'Deadline in force, with offset (it may move with a condition or an extension).',
    value: ofObligation((o) => o.due),
  },
  { name: 'status', hxl: '#status', description: 'Where it stands.', value: (r) => status(r) },
  {
    name: 'required',
    hxl: '#indicator+required+num',
    description: 'How much was required, for a quantity.',
    value: ofObligation((o) => o.required),
  },
  {
    name: 'done',
    hxl: '#indicator+done+num',
    description: 'How much the log shows done; empty when nothing was recorded (unrecorded, not 0).',
    value: ofObligation((o) => o.done),
  },
  {
    name: 'unit',
    hxl: '#indicator+unit',
    description: 'Unit of required and done.',
    value: ofObligation((o) => o.obligation.unit),
  },
  {
    name: 'completed_at',
    hxl: '#date+occurred',
    description: 'When it was complete, for met and met late.',
    value: ofObligation((o) => o.completedAt),
  },
  {
    name: 'late_minutes',
    hxl: '#indicator+late_minutes+num',
    description: 'Met late by, in minutes.',
    value: ofObligation((o) => o.lateMinutes),
  },
  {
    name: 'overdue_minutes',
    hxl: '#indicator+overdue_minutes+num',
    description: 'Overdue by, in minutes.',
    value: ofObligation((o) => o.overdueMinutes),
  },
  {
    name: 'no_record',
    hxl: '#meta+no_record',
    description: 'true when the status rests on the absence of any record.',
    value: ofObligation((o) => o.noRecord),
  },
  {
    name: 'basis',
    hxl: '#meta+basis',
    description: 'no-breach-recorded: a standing term with nothing alleged (unrecorded, not met).',
    value: (r) => (r.level === 'provision' ? r.provision.basis : r.obligation.basis) ?? null,
  },
  {
    name: 'uncertain',
    hxl: '#meta+uncertain',
    description:
      'true when the status rests on an uncertain term or on a figure recorded as approximate (shown with ⚠).',
    value: (r) => (r.level === 'provision' ? r.provision.uncertain : r.obligation.uncertain) ?? null,
  },
  {
    name: 'recorded_beside',
    hxl: '#meta+recorded_beside',
    description:
      'What is recorded beside the status without changing it: postponed, suspended, capped, remains, recovered, enforced (the JSON gives each with its events).',
    value: (r) => Object.keys(beside(r)).join(' ') || null,
    json: (r) => (Object.keys(beside(r)).length ? beside(r) : null),
  },
  {
    name: 'counts',
    hxl: '#meta+counts',
    description: 'For a provision: how many of its obligations are in each status.',
    value: (r) => (r.level === 'provision' ? counts(r.provision.counts) : null),
    json: (r) => (r.level === 'provision' ? r.provision.counts : null),
  },
  {
    name: 'what',
    hxl: '#description',
    description: "What the obligation asks, in words of the reader's language.",
    value: (r) => r.what ?? null,
  },
  {
    name: 'explanation',
    hxl: '#description+explanation',
    description: 'Why it has this status.',
    value: (r) => r.explanation,
  },
  {
    name: 'evidence',
    hxl: '#meta+evidence',
    description: 'Leaf hashes of the events the status rests on, separated by spaces.',
    value: (r) => evidence(r).join(' ') || null,
    json: (r) => evidence(r),
  },
];

const BESIDE = ['postponed', 'suspended', 'capped', 'remains', 'recovered', 'enforced'] as const;

/** The measures and findings recorded beside a row's status, by name. */
function beside(r: StatusRow): Record<string, unknown> {
  const source: Record<string, unknown> = r.level === 'provision' ? { ...r.provision } : { ...r.obligation };
  return Object.fromEntries(BESIDE.filter((k) => source[k] !== undefined).map((k) => [k, source[k]]));
}

function status(r: StatusRow): Status {
  return r.level === 'provision' ? r.provision.status : r.obligation.status;
}

function evidence(r: StatusRow): string[] {
  return r.level === 'provision' ? r.provision.evidence : r.obligation.evidence;
}
