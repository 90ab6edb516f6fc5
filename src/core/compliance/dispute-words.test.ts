import { describe, expect, it } from 'vitest';
import { explain } from '../words/explain.ts';
import { disputesPhrase } from './dispute-words.ts';
import { labelsOf } from './labels.ts';
import { TABLE_YAML } from './status-table-agreement.ts';
import { agreementOf } from './test-log.ts';
import type { Dispute } from './types.ts';

const agreement = agreementOf(TABLE_YAML);
const say = (disputes: Dispute[], lang: 'en' | 'ar' | 'he' = 'en') =>
  explain([disputesPhrase(disputes, labelsOf(agreement, [], lang))], agreement, lang);

const of = (record: string, by: string, reason: string, figure?: number): Dispute => ({
  of: record,
  recorded: { actor: 'a', figure: 5 },
  disputedBy: { actor: by, reason, evidence: `${by}-${record}`, ...(figure === undefined ? {} : { figure }) },
});

describe('the words of disputes', () => {
  it('says a record once, then each dispute of it in a sentence of its own, whether or not its reason ends with a full stop', () => {
    expect(say([of('r1', 'b', 'No'), of('r1', 'b', 'Counted 4.', 4)])).toBe(
      'A recorded 5; B disputes it: No. B disputes it, giving 4: Counted 4.',
    );
  });

  it('says each record disputed before its own disputes, in the order given', () => {
    expect(say([of('r1', 'b', 'No'), of('r2', 'b', 'Not so'), of('r1', 'b', 'Never')])).toBe(
      'A recorded 5; B disputes it: No. B disputes it: Never. A recorded 5; B disputes it: Not so.',
    );
  });

  it('ends each dispute with a full stop in Arabic and Hebrew too', () => {
    for (const lang of ['ar', 'he'] as const) {
      const words = say([of('r1', 'b', 'No'), of('r1', 'b', 'Never')], lang);
      expect(words.match(/No\./g), lang).toHaveLength(1);
      expect(words.endsWith('Never.'), lang).toBe(true);
    }
  });
});
