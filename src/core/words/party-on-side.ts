import { type Arg, party, phrase } from './phrase.ts';

/**
 * How a record names the party that acted for a side: the side itself by its name; a group the
 * agreement puts on that side (`side:`) by its own name, with the side it counts for ("the Saudi-led
 * coalition (Government of Yemen side)").
 */
export function partyOnSide(acting: string, side: string | undefined): Arg {
  return side === undefined || side === acting
    ? party(acting)
    : phrase('party.on-side', { party: party(acting), side: party(side) });
}
