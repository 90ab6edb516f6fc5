import { type Arg, list, num, type Phrase, phrase, quote } from '../words/phrase.ts';
import type { Labels } from './labels.ts';
import type { Dispute } from './types.ts';

function reasonOf(d: Dispute, labels: Labels): Arg {
  const by = d.disputedBy;
  const reason =
    by.found === 'confirmed-otherwise'
      ? phrase('reason.confirmed-otherwise', {
          actor: labels.actorArg(by.actor),
          confirmed: num(by.figure ?? 0),
          claimed: num(d.recorded.figure ?? 0),
        })
      : by.found === 'sources-differ'
        ? phrase('reason.sources-differ', { quota: num(by.quota ?? 0) })
        : quote(by.reason);
  return by.allegation === undefined
    ? reason
    : phrase('reason.against-allegation', { reason, allegation: quote(by.allegation) });
}

/** Both sides of each dispute, figures and who gives them: one phrase for them all. */
export function disputesPhrase(disputes: Dispute[], labels: Labels): Phrase {
  return phrase('disputes', {
    items: list(
      disputes.map((d) => {
        const rec = d.recorded;
        const by = d.disputedBy;
        const actor = labels.actorArg(rec.actor);
        const who = labels.actor(rec.actor);
        const source =
          rec.source && rec.source !== rec.actor && rec.source !== who ? quote(rec.source) : undefined;
        const recorded =
          source === undefined
            ? rec.figure === undefined
              ? phrase('dispute.recorded-it', { actor })
              : phrase('dispute.recorded', { actor, figure: num(rec.figure) })
            : rec.figure === undefined
              ? phrase('dispute.recorded-source-it', { actor, source })
              : phrase('dispute.recorded-source', { actor, source, figure: num(rec.figure) });
        const reason = reasonOf(d, labels);
        const against =
          by.figure === undefined
            ? phrase('dispute.against', { actor: labels.actorArg(by.actor), reason })
            : phrase('dispute.against-figure', {
                actor: labels.actorArg(by.actor),
                figure: num(by.figure),
                reason,
              });
        return phrase('dispute', { recorded, against });
      }),
      'space',
    ),
  });
}
