import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCliIn } from './helpers/run-cli.ts';

// The daily report's list of the day's events says in words that a figure was given as approximate
// (`uncertain: true`) or that a number was not disclosed (`undisclosed: true`), in each language.
const NOV = join(repoRoot, 'examples/agreements/nov-2023-pause.yaml');
const AGREEMENTS = ['--agreements', join(repoRoot, 'examples/agreements')];

/** The items of the report's list of what happened that day (its items are the lines with a time). */
function happened(html: string): string[] {
  return [...html.matchAll(/<li><span class="s" title="[0-9a-f]{64}">(.*?)<\/li>/g)].map((m) => m[1]!);
}

const WORDS = {
  en: { approximate: 'approximate figure', undisclosed: 'number not disclosed' },
  ar: { approximate: 'رقم تقريبي', undisclosed: 'لم يُكشف عن العدد' },
  he: { approximate: 'מספר משוער', undisclosed: 'המספר לא פורסם' },
} as const;

describe('the day’s events in truce report, of an approximate figure and of a number not disclosed', () => {
  let dir: string;
  const truce = (...args: string[]) => runCliIn(dir, ...args, '--database', join(dir, 'truce.db'));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'truce-report-flags-'));
    expect((await runCliIn(dir, 'keygen', 'operator', '--out', 'keys/operator.key')).status).toBe(0);
    const init = await truce(
      'log',
      'init',
      NOV,
      '--key',
      'keys/operator.key',
      '--occurred-at',
      '2023-11-22T12:00:00+02:00',
    );
    expect(init.status).toBe(0);
    const record = async (kind: string, at: string, ...more: string[]) => {
      const r = await truce(
        'record',
        kind,
        '--key',
        'keys/operator.key',
        '--occurred-at',
        at,
        ...AGREEMENTS,
        ...more,
      );
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    };
    const field = (...kv: string[]) => kv.flatMap((x) => ['--field', x]);
    await record(
      'handover.completed',
      '2023-11-24T16:00:00+02:00',
      ...field('provision=exchange', 'batch=1', 'undisclosed=true', 'to=israel', 'via=icrc'),
    );
    await record(
      'aid.delivered',
      '2023-11-24T20:00:00+02:00',
      ...field('provision=aid', 'date=2023-11-24', 'quantity=250', 'unit=truck', 'category=aid'),
      '--uncertain',
      '--source',
      'UN',
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['en', 'ar', 'he'] as const)(
    'in %s, says “approximate figure” and “number not disclosed” in words, never the field as recorded',
    async (lang) => {
      const r = await truce(
        'report',
        '--log',
        'nov-2023-pause',
        '--date',
        '2023-11-24',
        '--lang',
        lang,
        ...AGREEMENTS,
      );
      expect(r.status).toBe(0);
      const [handover, aid] = happened(r.stdout);
      expect(handover, lang).toContain(WORDS[lang].undisclosed);
      expect(aid, lang).toContain(WORDS[lang].approximate);
      // The words stand alone, not as a field with a value; no field name or value as recorded.
      expect(aid, lang).not.toMatch(new RegExp(`${WORDS[lang].approximate}: `));
      for (const line of [handover, aid]) expect(line, lang).not.toMatch(/uncertain|undisclosed|\btrue\b/);
      expect(aid, lang).toContain(lang === 'ar' ? '، رقم تقريبي' : `, ${WORDS[lang].approximate}`);
    },
  );
});
