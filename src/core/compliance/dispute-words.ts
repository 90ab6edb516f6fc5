import { type Arg, list, num, type Phrase, phrase, quote } from '../words/phrase.ts';
import type { Labels } from './labels.ts';
import type { Dispute } from './types.ts';

function reasonOf(d: Dispute, labels: Labels): Arg {
  const by = d.disputedBy;
  return by.found === 'confirmed-otherwise'
    ? phrase('reason.confirmed-otherwise', {
        actor: labels.actorArg(by.actor),
        confirmed: num(by.figure ?? 0),
        claimed: num(d.recorded.figure ?? 0),
      })
    : by.found === 'sources-differ'
      ? phrase('reason.sources-differ', { quota: num(by.quota ?? 0) })
      : quote(by.reason);
}

/**
 * Both sides of each dispute, figures and who gives them: one phrase for them all. The disputes of
 * one record are said after it once ("Israel recorded 1,968; the monitor disputes it, giving
 * 1,966: …. The ICRC disputes it, giving 1,808: …."), not the record again before each.
 */
export function disputesPhrase(disputes: Dispute[], labels: Labels): Phrase {
  const byRecord = new Map<string, Dispute[]>();
  for (const d of disputes) {
    const same = byRecord.get(d.of);
    if (same) same.push(d);
    else byRecord.set(d.of, [d]);
  }
  return phrase('disputes', {
    items: list(
      [...byRecord.values()].map((same) => {
        const against = list(
          same.map((d) => againstPhrase(d, labels)),
          'space',
        );
        const allegation = same[0]!.disputedBy.allegation;
        return allegation === undefined
          ? phrase('dispute', { recorded: recordedPhrase(same[0]!, labels), against })
          : phrase('dispute.of-allegation', {
              alleged: allegedPhrase(same[0]!, allegation, labels),
              against,
            });
      }),
      'space',
    ),
  });
}

/** Who recorded the disputed figure, from what source, and the figure. */
function recordedPhrase(d: Dispute, labels: Labels): Phrase {
  const rec = d.recorded;
  const actor = labels.actorArg(rec.actor);
  const who = labels.actor(rec.actor);
  const source = rec.source && rec.source !== rec.actor && rec.source !== who ? quote(rec.source) : undefined;
  return source === undefined
    ? rec.figure === undefined
      ? phrase('dispute.recorded-it', { actor })
      : phrase('dispute.recorded', { actor, figure: num(rec.figure) })
    : rec.figure === undefined
      ? phrase('dispute.recorded-source-it', { actor, source })
      : phrase('dispute.recorded-source', { actor, source, figure: num(rec.figure) });
}

/**
 * An allegation disputed, in the alleging side's words and as its own sentence, so that the
 * dispute after it ("Ukraine disputes it: …") is read as the answer to it, not the other way round.
 */
function allegedPhrase(d: Dispute, allegation: string, labels: Labels): Phrase {
  const rec = d.recorded;
  const actor = labels.actorArg(rec.actor);
  const who = labels.actor(rec.actor);
  const source = rec.source && rec.source !== rec.actor && rec.source !== who ? quote(rec.source) : undefined;
  return source === undefined
    ? phrase('dispute.alleged', { actor, allegation: quote(allegation) })
    : phrase('dispute.alleged-source', { actor, source, allegation: quote(allegation) });
}

/** Who disputes it, with what figure and why: a sentence of its own. */
function againstPhrase(d: Dispute, labels: Labels): Phrase {
  const by = d.disputedBy;
  const reason = reasonOf(d, labels);
  return by.figure === undefined
    ? phrase('dispute.against', { actor: labels.actorArg(by.actor), reason })
    : phrase('dispute.against-figure', { actor: labels.actorArg(by.actor), figure: num(by.figure), reason });
}
