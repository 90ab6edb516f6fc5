import type { Provision } from '../agreement/types.ts';
import type { Obligation } from '../plan/types.ts';
import { dueAt, type EvalContext } from './context.ts';
import type { judge } from './judge.ts';
import type { Entry } from './log-state.ts';
import { result } from './obligation-result.ts';
import type { Dispute, ObligationStatus } from './types.ts';
import { when } from './words.ts';

/** Allegations against a provision, as disputes: acknowledged by the accused they are breaches. */
export function allegationsAgainst(
  ctx: EvalContext,
  provision: string,
  party?: string,
  from = Number.NEGATIVE_INFINITY,
  to = Number.POSITIVE_INFINITY,
): { open: Dispute[]; acknowledged: Entry[] } {
  const open: Dispute[] = [];
  const acknowledged: Entry[] = [];
  for (const a of ctx.view.kind('violation.alleged')) {
    const body = a.event.body as { against: string; provision?: string; description: string };
    if (body.provision !== provision || (party && body.against !== party)) continue;
    if (a.at < from || a.at > to) continue;
    const acks = ctx.view
      .refsTo(a.hash, 'acknowledgement')
      .filter((k) => ctx.view.role(k.event.actor) && actsFor(ctx, k.event.actor, body.against));
    if (acks.length) acknowledged.push(a, ...acks);
    else
      open.push({
        of: a.hash,
        recorded: { actor: a.event.actor },
        disputedBy: { actor: body.against, reason: `alleged: ${body.description}`, evidence: a.hash },
      });
  }
  return { open, acknowledged };
}

function actsFor(ctx: EvalContext, actor: string, party: string): boolean {
  const reg = ctx.view
    .kind('actor.registered')
    .filter((e) => (e.event.body as { actor: string }).actor === actor)
    .at(-1);
  return (reg?.event.body as { party?: string } | undefined)?.party === party || actor === party;
}

function finish(
  ctx: EvalContext,
  o: Obligation,
  facts: Omit<Parameters<typeof judge>[0], 'asOf' | 'dueAt' | 'endedAt'>,
  due: number | null,
  evidence: string[],
  record: string,
): ObligationStatus {
  const head = `${o.description.replace(/\.$/, '')}${due === null ? '' : ` (due ${when(due, ctx.timeZone)})`}`;
  const done = facts.required !== undefined ? { done: facts.done ?? 0 } : {};
  return result(o, ctx, due, { ...facts, ...done }, evidence, head, record);
}

/** Withdrawals and crossings: acts with an event of their own. */
export function actStatus(ctx: EvalContext, p: Provision, o: Obligation): ObligationStatus {
  const due = dueAt(ctx, o);
  const waits = ctx.waiting.get(p.id);
  const common = { ...(waits ? { waitsFor: waits } : {}) };
  const tz = ctx.timeZone;
  if (p.kind === 'withdrawal') {
    const records = ctx.view.current('withdrawal.completed').filter((r) => r.body.provision === p.id);
    const zones = new Set<string>();
    let doneAt: number | undefined;
    for (const r of records) {
      for (const z of r.body.zones as string[]) if (p.zones.some((x) => x.id === z)) zones.add(z);
      if (zones.size === p.zones.length && doneAt === undefined) doneAt = r.entry.at;
    }
    const record = records.length
      ? `withdrawal recorded from ${[...zones].sort().join(', ')} (last ${when(records.at(-1)!.entry.at, tz)})`
      : '';
    return finish(
      ctx,
      o,
      {
        required: p.zones.length,
        done: zones.size,
        ...(doneAt !== undefined ? { doneAt } : records.length ? { doneAt: records.at(-1)!.entry.at } : {}),
        anything: records.length > 0,
        disputes: records.flatMap((r) => ctx.view.disputes(r.entry)),
        ...common,
      },
      due,
      records.flatMap((r) => r.evidence),
      record,
    );
  }
  if (p.kind === 'crossing') {
    const opened = ctx.view.current('crossing.opened').filter((r) => r.body.crossing === p.crossing.id);
    const closed = ctx.view.current('crossing.closed').filter((r) => r.body.crossing === p.crossing.id);
    const first = opened[0];
    const lastOpen = opened.at(-1);
    const shut = closed.at(-1);
    const closedNow = shut !== undefined && (!lastOpen || shut.entry.at > lastOpen.entry.at);
    const record = first
      ? `opened ${when(first.entry.at, tz)}${closedNow ? `, closed again ${when(shut.entry.at, tz)}${shut.body.reason ? ` (${String(shut.body.reason)})` : ''}` : ''}`
      : '';
    return finish(
      ctx,
      o,
      {
        ...(first ? { doneAt: first.entry.at } : {}),
        anything: opened.length > 0,
        disputes: [...opened, ...closed].flatMap((r) => ctx.view.disputes(r.entry)),
        ...common,
      },
      due,
      [...opened, ...closed].flatMap((r) => r.evidence),
      record,
    );
  }
  return allegedStatus(ctx, p, o, due);
}

/**
 * Pauses, returns and negotiations have no event of their own: they are judged by what is alleged
 * against them (violation.alleged, deadline.missed), and met once due when nothing is.
 */
function allegedStatus(ctx: EvalContext, p: Provision, o: Obligation, due: number | null): ObligationStatus {
  const { open, acknowledged } = allegationsAgainst(ctx, p.id, o.party);
  const missed = ctx.view.kind('deadline.missed').filter((e) => e.event.body.provision === p.id);
  const breaches = [...acknowledged, ...missed];
  const disputes = [...open, ...missed.flatMap((m) => ctx.view.disputes(m))];
  const record = breaches.length
    ? `recorded as not done: ${breaches.map((b) => String(b.event.body.description ?? b.event.kind)).join('; ')}`
    : 'no violation or missed deadline recorded';
  const pastDue = due !== null && ctx.asOf >= due;
  return finish(
    ctx,
    o,
    {
      anything: pastDue && breaches.length === 0,
      ...(pastDue && breaches.length === 0 ? { doneAt: due } : {}),
      breached: breaches.length > 0,
      disputes,
      ...(ctx.waiting.has(p.id) ? { waitsFor: ctx.waiting.get(p.id)! } : {}),
    },
    due,
    [...breaches.map((b) => b.hash), ...open.map((d) => d.of)],
    record,
  );
}
