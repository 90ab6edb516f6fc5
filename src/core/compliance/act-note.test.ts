import { describe, expect, it } from 'vitest';
import { explainedEvaluation } from '../words/explained-evaluation.ts';
import { FIXTURE_YAML } from './fixture-agreement.ts';
import { evaluate } from './index.ts';
import { actors, agreementOf, logged } from './test-log.ts';
import type { LoggedEvent } from './types.ts';

// A monitor records an act with a note that qualifies it ("the date is approximate", "reached
// with the later stage"): the note is what the record says of the act, so the status that rests
// on it quotes it, as the recorder's words, in every language.
const agreement = agreementOf(
  `${FIXTURE_YAML}  - id: move
    kind: milestone
    phase: p1
    subject: other
    parties: [a]
    text: Units move to the zones.
    byDay: 2
`,
);
const note = 'Approximate date: reported complete in mid-January.';
const withNote = (n?: string): LoggedEvent => {
  const e = logged('med', 'milestone.reached', '2024-01-05T12:00:00+02:00', { provision: 'move' });
  if (n) (e.event.event as { note?: string }).note = n;
  return e;
};
const said = (events: LoggedEvent[], lang: 'en' | 'ar' | 'he') => {
  const e = evaluate(agreement, [...actors(), ...events], '2024-01-20T12:00:00+02:00');
  return explainedEvaluation(e, agreement, lang).provisions.find((x) => x.provision === 'move')!;
};

describe("an act recorded with the recorder's note", () => {
  it('quotes the note beside the act in en, ar and he, the status unchanged', () => {
    const en = said([withNote(note)], 'en');
    expect(en.status).toBe('met-late');
    expect(en.explanationText).toContain(`(recorded by Mediator, with the note “${note}”)`);
    expect(said([withNote(note)], 'ar').explanationText).toContain('مع الملاحظة «');
    expect(said([withNote(note)], 'ar').explanationText).toContain(note);
    expect(said([withNote(note)], 'he').explanationText).toContain('עם ההערה „');
    expect(said([withNote(note)], 'he').explanationText).toContain(note);
  });

  it('says nothing of a note when the event has none', () => {
    const en = said([withNote()], 'en').explanationText;
    expect(en).toContain('(recorded by Mediator)');
    expect(en).not.toContain('note');
  });

  it('names the source and quotes the note when the record gives both', () => {
    const e = withNote(note);
    (e.event.event as { source?: { name: string } }).source = { name: 'Press reports' };
    expect(said([e], 'en').explanationText).toContain(
      `(recorded by Mediator; source: Press reports, with the note “${note}”)`,
    );
    expect(said([e], 'ar').explanationText).toContain('المصدر: ');
    expect(said([e], 'ar').explanationText).toContain('مع الملاحظة «');
    expect(said([e], 'he').explanationText).toContain('מקור: ');
    expect(said([e], 'he').explanationText).toContain('עם ההערה „');
  });
});
