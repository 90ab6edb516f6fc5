import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAgreement } from '../agreement/parse-agreement.ts';
import { KIND_WORDS } from '../report/event-words.ts';
import { eventKindLabel, REMAINS_RETURNED } from './event-kind-label.ts';

const load = (name: string) => {
  const r = parseAgreement(readFileSync(`examples/agreements/${name}.yaml`, 'utf8'), `${name}.yaml`);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.agreement;
};
const oct = load('oct-2025-ceasefire');
const nov = load('nov-2023-pause');

describe('eventKindLabel: an event is named by what was handed over', () => {
  it('a release of remains by its provision and party is "remains returned"; the same party releasing the living is a release', () => {
    expect(
      eventKindLabel(oct, 'release.completed', { provision: 'remains-exchange', party: 'israel', count: 45 }),
    ).toBe(REMAINS_RETURNED);
    expect(
      eventKindLabel(oct, 'release.completed', {
        provision: 'living-exchange',
        party: 'israel',
        count: 1968,
      }),
    ).toBe('release.completed');
  });

  it('with no provision, by its categories: all of remains, or else a release', () => {
    expect(
      eventKindLabel(oct, 'release.completed', {
        party: 'israel',
        count: 15,
        categories: { 'palestinian-bodies': 15 },
      }),
    ).toBe(REMAINS_RETURNED);
    expect(
      eventKindLabel(oct, 'release.completed', {
        party: 'israel',
        count: 16,
        categories: { 'palestinian-bodies': 15, 'gaza-detainees': 1 },
      }),
    ).toBe('release.completed');
    expect(eventKindLabel(oct, 'release.completed', { party: 'israel', count: 3 })).toBe('release.completed');
  });

  it('an agreement of the living only, another kind, or no agreement: the kind', () => {
    const provision = nov.provisions.find((p) => p.kind === 'exchange')!.id;
    expect(eventKindLabel(nov, 'release.completed', { provision, party: 'israel', count: 39 })).toBe(
      'release.completed',
    );
    expect(eventKindLabel(oct, 'handover.completed', { provision: 'remains-exchange', count: 4 })).toBe(
      'handover.completed',
    );
    expect(
      eventKindLabel(null, 'release.completed', { provision: 'remains-exchange', party: 'israel' }),
    ).toBe('release.completed');
  });

  it('the label has words in every language', () => {
    expect([KIND_WORDS.en, KIND_WORDS.ar, KIND_WORDS.he].map((w) => w[REMAINS_RETURNED])).toEqual([
      'Remains returned',
      'إعادة رفات',
      'השבת גופות',
    ]);
  });
});
