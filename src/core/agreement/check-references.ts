import type { Path } from './agreement-error.ts';
import { type CheckContext, checkUnique, listIds } from './check-context.ts';
import type { Provision } from './types.ts';

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
  if (role !== 'any' && party.role !== role) {
    ctx.report(
      'wrong-role',
      `${what} "${id}" has role "${party.role}", but this must be a party with role "${role}".`,
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
    provisionParties(ctx, p, path);
    checkCondition(ctx, p, path);
  });
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
  if (cond.category === undefined) return;
  if (target.kind !== 'exchange') {
    ctx.report(
      'unknown-category',
      `The condition names category "${cond.category}", but provision "${target.id}" is of kind "${target.kind}", which has no categories.`,
      [...at, 'category'],
    );
    return;
  }
  const ids = target.release.categories.map((c) => c.id);
  if (!ids.includes(cond.category)) {
    ctx.report(
      'unknown-category',
      `The condition names category "${cond.category}", which exchange "${target.id}" does not have. Its categories: ${listIds(ids)}.`,
      [...at, 'category'],
      {
        expected: `one of ${ids.join(', ')}`,
      },
    );
  }
}
