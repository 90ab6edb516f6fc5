import type { Path } from './agreement-error.ts';
import { type CheckContext, checkUnique, listIds } from './check-context.ts';
import { hasRole, partyRoles } from './party-roles.ts';
import type { Anchor, Moment, Provision } from './types.ts';

type Role = 'party' | 'intermediary' | 'any';

/** Checks that `id` names a party of the agreement, with `role` unless any role will do. */
function partyRef(ctx: CheckContext, id: string, path: Path, role: Role, what: string): void {
  const party = ctx.parties.get(id);
  if (!party) {
    ctx.report(
      'unknown-party',
      `${what} "${id}" is not one of the agreement's parties (${listIds(ctx.parties.keys())}). Add it under parties or correct the id.`,
      path,
      { expected: `one of ${[...ctx.parties.keys()].join(', ')}` },
    );
    return;
  }
  if (role !== 'any' && !hasRole(party, role)) {
    ctx.report(
      'wrong-role',
      `${what} "${id}" has role "${partyRoles(party).join('", "')}", but this must be a party with role "${role}".`,
      path,
      { expected: `a party with role ${role}` },
    );
  }
}

function partyList(
  ctx: CheckContext,
  ids: readonly string[] | undefined,
  path: Path,
  role: Role,
  what: string,
) {
  ids?.forEach((id, i) => {
    partyRef(ctx, id, [...path, i], role, what);
  });
}

function provisionParties(ctx: CheckContext, p: Provision, path: Path): void {
  switch (p.kind) {
    case 'exchange': {
      if (p.intermediary)
        partyRef(ctx, p.intermediary, [...path, 'intermediary'], 'intermediary', 'The intermediary');
      const r = [...path, 'release'];
      partyRef(ctx, p.release.party, [...r, 'party'], 'party', 'The releasing party');
      partyRef(ctx, p.release.to, [...r, 'to'], 'party', 'The receiving party');
      if (p.release.party === p.release.to && ctx.parties.has(p.release.to)) {
        ctx.report(
          'release-to-self',
          `The release goes from "${p.release.party}" to itself; name the receiving party.`,
          [...r, 'to'],
        );
      }
      partyList(ctx, p.release.lists?.to, [...r, 'lists', 'to'], 'any', 'The list recipient');
      const c = [...path, 'counterpart'];
      partyRef(ctx, p.counterpart.party, [...c, 'party'], 'party', 'The counterpart');
      if (p.counterpart.to)
        partyRef(ctx, p.counterpart.to, [...c, 'to'], 'party', 'The counterpart receiving party');
      checkUnique(ctx, p.release.categories, [...r, 'categories'], 'category');
      if (p.counterpart.categories)
        checkUnique(ctx, p.counterpart.categories, [...c, 'categories'], 'category');
      return;
    }
    case 'cessation':
    case 'localized-pause':
      partyList(ctx, p.parties, [...path, 'parties'], 'party', 'The party');
      return;
    case 'negotiation':
    case 'text':
    case 'milestone':
      partyList(ctx, p.parties, [...path, 'parties'], 'any', 'The party');
      return;
    default:
      partyRef(ctx, p.party, [...path, 'party'], 'party', 'The obligated party');
  }
}

/** Duplicate ids, and references to parties, phases and provisions that must exist. */
export function checkReferences(ctx: CheckContext): void {
  const { agreement } = ctx;
  checkUnique(ctx, agreement.parties, ['parties'], 'party');
  checkUnique(ctx, agreement.phases, ['phases'], 'phase');
  checkUnique(ctx, agreement.provisions, ['provisions'], 'provision');
  const heldBy = new Set<string>();
  agreement.terms?.forEach((t, i) => {
    partyRef(ctx, t.heldBy, ['terms', i, 'heldBy'], 'party', 'The holding party');
    if (heldBy.has(t.heldBy)) {
      ctx.report('duplicate-id', `Terms for persons held by "${t.heldBy}" are given twice; keep one.`, [
        'terms',
        i,
        'heldBy',
      ]);
    }
    heldBy.add(t.heldBy);
  });
  agreement.parties.forEach((party, i) => {
    if (party.side !== undefined) partyRef(ctx, party.side, ['parties', i, 'side'], 'party', 'The side');
  });
  const phaseIds = listIds(ctx.phases.keys());
  agreement.provisions.forEach((p, i) => {
    const path = ['provisions', i];
    if (!ctx.phases.has(p.phase)) {
      ctx.report(
        'unknown-phase',
        `Provision "${p.id}" belongs to phase "${p.phase}", which is not defined. Phases: ${phaseIds}.`,
        [...path, 'phase'],
        {
          expected: `one of ${[...ctx.phases.keys()].join(', ')}`,
        },
      );
    }
    if (p.throughPhase !== undefined && !ctx.phases.has(p.throughPhase)) {
      ctx.report(
        'unknown-phase',
        `Provision "${p.id}" holds through phase "${p.throughPhase}", which is not defined. Phases: ${phaseIds}.`,
        [...path, 'throughPhase'],
        { expected: `one of ${[...ctx.phases.keys()].join(', ')}` },
      );
    }
    provisionParties(ctx, p, path);
    checkCondition(ctx, p, path);
    for (const { moment, at } of moments(p, path)) checkAnchor(ctx, p, moment, at);
  });
}

/** Every moment of a provision with its path, for reference checks. */
function moments(p: Provision, path: (string | number)[]): { moment: Moment; at: (string | number)[] }[] {
  const out: { moment: Moment | undefined; at: (string | number)[] }[] = [];
  if (p.kind === 'exchange') {
    const cadence = p.release.cadence;
    if (cadence && cadence !== 'daily' && 'schedule' in cadence) {
      cadence.schedule.forEach((e, j) => {
        const at = [...path, 'release', 'cadence', 'schedule', j];
        if ('by' in e) out.push({ moment: e.by, at: [...at, 'by'] }, { moment: e.from, at: [...at, 'from'] });
      });
    }
    out.push({ moment: p.counterpart.by, at: [...path, 'counterpart', 'by'] });
  }
  if (
    p.kind === 'withdrawal' ||
    p.kind === 'crossing' ||
    p.kind === 'negotiation' ||
    p.kind === 'milestone'
  ) {
    out.push({ moment: p.due, at: [...path, 'due'] });
  }
  return out.filter((m): m is { moment: Moment; at: (string | number)[] } => m.moment !== undefined);
}

/** An anchor names a provision (and its categories or group) or a phase that exists. */
function checkAnchor(ctx: CheckContext, p: Provision, moment: Moment, at: (string | number)[]): void {
  if (!('after' in moment)) return;
  const a: Anchor = moment.after;
  const where = [...at, 'after'];
  if ('phase' in a) {
    if (!ctx.phases.has(a.phase)) {
      ctx.report(
        'unknown-phase',
        `The deadline counts from phase "${a.phase}", which is not defined.`,
        [...where, 'phase'],
        {
          expected: `one of ${[...ctx.phases.keys()].join(', ')}`,
        },
      );
    }
    return;
  }
  if (!('provision' in a)) return;
  const target = ctx.provisions.get(a.provision);
  if (!target) {
    ctx.report(
      'unknown-provision',
      `The deadline counts from provision "${a.provision}", which is not defined. Provisions: ${listIds(ctx.provisions.keys())}.`,
      [...where, 'provision'],
    );
    return;
  }
  if (a.provision === p.id && !(p.kind === 'exchange' && at.includes('counterpart'))) {
    ctx.report(
      'condition-on-itself',
      `The deadline of "${p.id}" counts from itself; name another provision.`,
      [...where, 'provision'],
    );
    return;
  }
  checkCategories(ctx, target, a, where);
}

function checkCategories(
  ctx: CheckContext,
  target: Provision,
  sel: { group?: string; categories?: string[]; category?: string },
  at: (string | number)[],
): void {
  const named = [
    ...(sel.category !== undefined ? [{ id: sel.category, at: [...at, 'category'] }] : []),
    ...(sel.categories ?? []).map((id, k) => ({ id, at: [...at, 'categories', k] })),
  ];
  if (named.length === 0 && sel.group === undefined) return;
  if (target.kind !== 'exchange') {
    ctx.report(
      'unknown-category',
      `Categories are named, but provision "${target.id}" is of kind "${target.kind}", which has no categories.`,
      named[0]?.at ?? [...at, 'group'],
    );
    return;
  }
  const ids = target.release.categories.map((c) => c.id);
  for (const n of named) {
    if (!ids.includes(n.id)) {
      ctx.report(
        'unknown-category',
        `Category "${n.id}" is named, but exchange "${target.id}" does not have it. Its categories: ${listIds(ids)}.`,
        n.at,
        { expected: `one of ${ids.join(', ')}` },
      );
    }
  }
  if (sel.group !== undefined) {
    const groups = (target.release.groups ?? []).map((g) => g.id);
    if (!groups.includes(sel.group)) {
      ctx.report(
        'unknown-group',
        `Group "${sel.group}" is named, but exchange "${target.id}" has no such group. Its groups: ${listIds(groups)}. Define it under release.groups.`,
        [...at, 'group'],
        { expected: groups.length ? `one of ${groups.join(', ')}` : 'a group defined under release.groups' },
      );
    }
  }
}

function checkCondition(ctx: CheckContext, p: Provision, path: Path): void {
  const cond = p.condition;
  if (!cond) return;
  const at = [...path, 'condition'];
  if (cond.provision === p.id) {
    ctx.report(
      'condition-on-itself',
      `Provision "${p.id}" is conditional on itself; name the provision it waits for.`,
      [...at, 'provision'],
    );
    return;
  }
  const target = ctx.provisions.get(cond.provision);
  if (!target) {
    ctx.report(
      'unknown-provision',
      `The condition names provision "${cond.provision}", which is not defined. Provisions: ${listIds(ctx.provisions.keys())}.`,
      [...at, 'provision'],
    );
    return;
  }
  checkCategories(ctx, target, cond, at);
}
