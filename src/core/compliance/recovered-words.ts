import { approx, moment, num, type Phrase, phrase, quote } from '../words/phrase.ts';
import type { Labels } from './labels.ts';
import type { RecoveredRemains } from './types.ts';

/**
 * Remains recovered without a handover, in their own words: how many, by whom, when, and the source
 * that reported it ("1,047 recovered by Armenia without a handover, 22 Dec 12:00 (source: …)").
 * Never a return: it is not counted as one.
 */
export function recoveredPhrase(
  r: RecoveredRemains,
  labels: Pick<Labels, 'actorArg'>,
  timeZone: string,
): Phrase {
  const params = {
    count: approx(num(r.count), r.uncertain),
    by: labels.actorArg(r.by),
    at: moment(Date.parse(r.at), timeZone),
  };
  return r.source === undefined
    ? phrase('record.recovered', params)
    : phrase('record.recovered-source', { ...params, source: quote(r.source) });
}
