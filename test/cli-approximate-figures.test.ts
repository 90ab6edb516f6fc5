import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatVerifierKey, parseSignerKey } from '../src/core/ledger/signed-note.ts';
import { nodeCrypto } from '../src/platform/node-crypto.ts';
import { repoRoot, runCliIn } from './helpers/run-cli.ts';

// A monitor's approximate figure ("about 250 trucks", "more than 200"), recorded with `truce record
// --uncertain` on SQLite, and how `truce status` then reads it in each language.
const NOV = join(repoRoot, 'examples/agreements/nov-2023-pause.yaml');
const SETUP = '2023-11-22T12:00:00+02:00';
/** Where the log's adopted text is found, to check each event against it and judge the log by it. */
const AGREEMENTS = ['--agreements', join(repoRoot, 'examples/agreements')];

describe('truce record of a figure given as approximate', () => {
  let dir: string;
  const truce = (...args: string[]) => runCliIn(dir, ...args, '--database', join(dir, 'truce.db'));
  /** An aid figure for 24 Nov by the monitor, as the source gave it. */
  const aid = (quantity: number, source: string, ...more: string[]) =>
    truce(
      'record',
      'aid.delivered',
      '--key',
      'keys/monitor.key',
      '--occurred-at',
      '2023-11-24T20:00:00+02:00',
      '--field',
      'provision=aid',
      '--field',
      'date=2023-11-24',
      '--field',
      `quantity=${quantity}`,
      '--field',
      'unit=truck',
      '--field',
      'category=aid',
      '--source',
      source,
      '--json',
      ...AGREEMENTS,
      ...more,
    );
  /** `truce status` at noon on 25 Nov in `lang`, without the isolates around names (tested elsewhere). */
  const status = async (lang: string, ...more: string[]) => {
    const r = await truce(
      'status',
      '--log',
      'nov-2023-pause',
      '--at',
      '2023-11-25T12:00:00+02:00',
      '--lang',
      lang,
      ...AGREEMENTS,
      ...more,
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    return r.stdout.replace(/[\u2068\u2069]/g, '');
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'truce-approximate-'));
    for (const name of ['operator', 'monitor'])
      expect((await runCliIn(dir, 'keygen', name, '--out', `keys/${name}.key`)).status).toBe(0);
    expect(
      (await truce('log', 'init', NOV, '--key', 'keys/operator.key', '--occurred-at', SETUP)).status,
    ).toBe(0);
    const signer = parseSignerKey(nodeCrypto, readFileSync(join(dir, 'keys/monitor.key'), 'utf8').trim());
    const r = await truce(
      'record',
      'actor.registered',
      '--key',
      'keys/operator.key',
      '--occurred-at',
      SETUP,
      '--field',
      'actor=monitor',
      '--field',
      'name=UN monitor',
      '--field',
      'role=monitor',
      '--field',
      `key=${formatVerifierKey(signer)}`,
    );
    expect(r.stderr).toBe('');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('--uncertain records `uncertain: true` in the body, as --field uncertain=true does, with the note saying why', async () => {
    const flag = await aid(250, 'UN', '--uncertain', '--note', 'The UN said "about 250 trucks".');
    expect(flag.stderr).toBe('');
    expect(flag.status).toBe(0);
    // Another source's exact figure for the same day (false: exact, as when left out).
    const exact = await aid(230, 'COGAT', '--field', 'uncertain=false');
    expect(exact.status).toBe(0);
    const shown = JSON.parse((await truce('log', 'show', '--json')).stdout);
    const [about, also] = shown.events.slice(-2).map((e: { event: unknown }) => e.event);
    expect(about).toMatchObject({
      body: { quantity: 250, uncertain: true },
      note: 'The UN said "about 250 trucks".',
      source: { name: 'UN' },
    });
    expect(also).toMatchObject({ body: { quantity: 230, uncertain: false }, source: { name: 'COGAT' } });
    // The same with --field uncertain=true, on a copy of the figure (recorded, then withdrawn below).
    const field = await aid(
      250,
      'UN',
      '--field',
      'uncertain=true',
      '--occurred-at',
      '2023-11-24T20:30:00+02:00',
    );
    expect(field.status).toBe(0);
    const copy = JSON.parse((await truce('log', 'show', '--json')).stdout).events.at(-1).event;
    expect(copy).toMatchObject({ body: { quantity: 250, uncertain: true } });
    expect(
      (
        await truce(
          'record',
          'correction',
          '--key',
          'keys/monitor.key',
          '--occurred-at',
          '2023-11-24T20:31:00+02:00',
          '--field',
          `of=${JSON.parse(field.stdout).leafHash}`,
          '--field',
          'reason=Recorded twice.',
        )
      ).status,
    ).toBe(0);
  });

  it('refuses a value that is not true or false, and the flag on a kind that records no figure, storing nothing', async () => {
    const before = JSON.parse((await truce('log', 'show', '--json')).stdout).size;
    const yes = await aid(250, 'UN', '--field', 'uncertain=yes');
    expect(yes.status).toBe(1);
    expect(yes.stderr).toContain(
      'uncertain: `uncertain` is true when the figure is approximate ("about 250"), false or left out when it is exact; not "yes"',
    );
    const statement = await truce(
      'record',
      'statement',
      '--key',
      'keys/monitor.key',
      '--occurred-at',
      '2023-11-24T21:00:00+02:00',
      '--field',
      'text=About 250 trucks.',
      '--uncertain',
    );
    expect(statement.status).toBe(1);
    expect(statement.stderr).toContain(
      '`uncertain` marks a figure as approximate, and a statement event records none it could mark',
    );
    expect(JSON.parse((await truce('log', 'show', '--json')).stdout).size).toBe(before);
  });

  it.each([
    [
      'en',
      '    met ⚠       Aid and fuel (Israel): 200 trucks (Aid trucks) for 24 Nov; 230 per COGAT, ⚠ 250 per UN; met.',
      '    per UN: ⚠ 250 trucks over 1 day reported (24 Nov), against 200 trucks for those days',
      '    per COGAT: 230 trucks over 1 day reported (24 Nov)',
      '  Aid trucks on 24 Nov: 230 per COGAT · ⚠ 250 per UN',
      '  Aid and fuel        unrecorded ⚠ ',
    ],
    [
      'ar',
      '    نُفِّذ ⚠    المساعدات والوقود (إسرائيل): 200 شاحنة (شاحنات المساعدات) ليوم 24 نوفمبر؛ 230 بحسب COGAT، ⚠ 250 بحسب UN؛ نُفِّذ.',
      '    حسب UN: ⚠ 250 شاحنة خلال يوم واحد أُبلغ عنها (24 نوفمبر)',
      '    حسب COGAT: 230 شاحنة خلال يوم واحد أُبلغ عنها (24 نوفمبر)',
      '  شاحنات المساعدات في 24 نوفمبر: 230 حسب COGAT · ⚠ 250 حسب UN',
      '  المساعدات والوقود   غير مسجَّل ⚠ ',
    ],
    [
      'he',
      '    בוצע ⚠      סיוע ודלק (ישראל): 200 משאיות (משאיות סיוע) ליום 24 בנוב׳; 230 לפי COGAT, ⚠ 250 לפי UN; בוצע.',
      '    לפי UN: ⚠ 250 משאיות ב־יום אחד שדווחו (24 בנוב׳)',
      '    לפי COGAT: 230 משאיות ב־יום אחד שדווחו (24 בנוב׳)',
      '  משאיות סיוע ב־24 בנוב׳: 230 לפי COGAT · ⚠ 250 לפי UN',
      '  סיוע ודלק           לא נרשם ⚠   ',
    ],
  ])(
    'in %s, truce status marks the approximate figure, the status judged on it and its provision; the exact figure beside it has no mark',
    async (lang, day, approximate, exact, side, provision) => {
      const out = await status(lang);
      expect(out).toContain(`\n${day}\n`);
      expect(out).toContain(`\n${approximate}`);
      expect(out).toContain(`\n${exact}`);
      expect(out).not.toMatch(/⚠ 230/);
      expect(out).toContain(`\n${side}\n`);
      expect(out).toContain(`\n${provision}`);
    },
  );

  it('truce status --json says uncertain: true on the figure, the obligation and the provision, and approximate: done', async () => {
    const json = JSON.parse(await status('en', '--json'));
    const o = json.obligations.find(
      (x: { obligation: string }) => x.obligation === 'aid/admit-aid/1/aid-trucks',
    );
    expect(o).toMatchObject({
      status: 'met',
      required: 200,
      done: 230,
      uncertain: true,
      approximate: { done: true },
    });
    expect(o.figures).toEqual([
      expect.objectContaining({ quantity: 230, source: 'COGAT' }),
      expect.objectContaining({ quantity: 250, source: 'UN', uncertain: true }),
    ]);
    expect(o.figures[0]).not.toHaveProperty('uncertain');
    expect(json.provisions.find((p: { provision: string }) => p.provision === 'aid')).toMatchObject({
      uncertain: true,
    });
    expect(json.headline.quotas[0].sources).toEqual([
      expect.not.objectContaining({ uncertain: true }),
      expect.objectContaining({ source: 'UN', quantity: 250, uncertain: true }),
    ]);
  });

  it.each(['en', 'ar', 'he'])(
    'in %s, truce report marks the approximate figure in the headline, beside the other source’s and in the day’s obligation',
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
      const html = r.stdout;
      // The source's figure in the headline, the figures side by side, and the quota's explanation.
      expect(html.match(/⚠ (<strong[^>]*>)?250/g)?.length, lang).toBe(3);
      expect(html).not.toMatch(/⚠ (<strong[^>]*>)?230/);
      // The day's obligation judged on it: its status with the ⚠.
      expect(html).toMatch(/<td class="s">[^<]+ ⚠<\/td><td>[^<]*200/);
    },
  );

  it('a correction that replaces the approximate figure with an exact one removes the mark, in every language', async () => {
    // Before it, the figure and the status judged on it carry the mark.
    expect(await status('en')).toContain('230 per COGAT, ⚠ 250 per UN; met.');
    const shown = JSON.parse((await truce('log', 'show', '--json')).stdout);
    const about = shown.events.findIndex(
      (e: { event: { body: { uncertain?: boolean; quantity?: number } } }) =>
        e.event.body.uncertain === true && e.event.body.quantity === 250,
    );
    const r = await truce(
      'record',
      'correction',
      '--key',
      'keys/monitor.key',
      '--occurred-at',
      '2023-11-24T22:00:00+02:00',
      '--field',
      `of=${shown.events[about].leafHash}`,
      '--field',
      'reason=The UN published its count: 254 trucks.',
      '--field',
      'body={"provision":"aid","date":"2023-11-24","quantity":254,"unit":"truck","category":"aid"}',
    );
    expect(r.stderr).toBe('');
    const en = await status('en');
    expect(en).toContain(
      '\n    met         Aid and fuel (Israel): 200 trucks (Aid trucks) for 24 Nov; 230 per COGAT, 254 per UN; met.\n',
    );
    expect(en).toContain('\n  Aid trucks on 24 Nov: 230 per COGAT · 254 per UN\n');
    for (const lang of ['en', 'ar', 'he']) {
      const out = await status(lang);
      expect(out, lang).not.toMatch(/⚠ 25[04]/);
      expect(out, lang).toMatch(/254/);
    }
    const json = JSON.parse(await status('en', '--json'));
    const o = json.obligations.find(
      (x: { obligation: string }) => x.obligation === 'aid/admit-aid/1/aid-trucks',
    );
    expect(o).not.toHaveProperty('uncertain');
    expect(o).not.toHaveProperty('approximate');
  });
});
