import { list, moment, type Phrase, phrase, qty } from '../words/phrase.ts';
import type { RecordedBreach } from './act-status.ts';
import type { Labels } from './labels.ts';

/**
 * The breaches on record against a term, one item per (how, who answered, party alleged against):
 * "United States (facilitator) found a breach by the SAF in 3 allegations (28 May 20:00, 28 May
 * 20:00, 1 Jun 20:00)", "the RSF acknowledged 1 allegation against the RSF (30 May 10:00)". A
 * finding is never told as an acknowledgement; each party found in breach is named, however many
 * findings there are; each breach is listed once, at the time of the answer that made it one. In
 * the order the first of each item was answered.
 */
export function breachItems(breaches: readonly RecordedBreach[], labels: Labels, timeZone: string): Phrase[] {
  const groups = new Map<string, RecordedBreach[]>();
  const byAnswer = [...breaches].sort(
    (a, b) => a.answer.at - b.answer.at || (a.allegation.hash < b.allegation.hash ? -1 : 1),
  );
  for (const b of byAnswer) {
    const against = String(b.allegation.event.body.against);
    const key = `${b.how}\u0000${b.answer.event.actor}\u0000${against}`;
    const same = groups.get(key);
    if (same) same.push(b);
    else groups.set(key, [b]);
  }
  return [...groups.values()].map((same) => {
    const first = same[0]!;
    return phrase(first.how === 'found' ? 'breach.found' : 'breach.acknowledged', {
      actor: labels.actorArg(first.answer.event.actor),
      against: { type: 'party', id: String(first.allegation.event.body.against) },
      count: qty(same.length, 'allegation'),
      at: list(
        same.map((b) => moment(b.answer.at, timeZone)),
        'comma',
      ),
    });
  });
}
