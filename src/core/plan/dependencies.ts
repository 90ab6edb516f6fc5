import type { Moment, Provision } from '../agreement/types.ts';
import { momentDependencies } from './moment.ts';

/** Every moment of a provision that may count from another term. */
export function provisionMoments(p: Provision): Moment[] {
  const out: (Moment | undefined)[] = [];
  switch (p.kind) {
    case 'exchange': {
      const cadence = p.release.cadence;
      if (cadence && cadence !== 'daily' && 'schedule' in cadence) {
        for (const e of cadence.schedule) if ('by' in e) out.push(e.by, e.from);
      }
      out.push(p.counterpart.by);
      break;
    }
    case 'withdrawal':
    case 'crossing':
    case 'negotiation':
    case 'milestone':
      out.push(p.due);
      break;
    default:
  }
  return out.filter((m) => m !== undefined);
}

/** The provisions that must be planned before this one: its condition's and its anchors'. */
export function dependencies(p: Provision): string[] {
  const deps = provisionMoments(p).flatMap(momentDependencies);
  if (p.condition) deps.push(p.condition.provision);
  return [...new Set(deps.filter((d) => d !== p.id))];
}
